package com.cruddur.messaging.local.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP layer under the real Cognito and SSM SDK clients, answering from canned JSON by the
 * request's X-Amz-Target (no local Cognito exists). Records each target and request body.
 */
final class StubAwsHttp implements SdkHttpClient {

    final List<String> targets = new ArrayList<>();
    final List<String> hosts = new ArrayList<>();
    final List<String> bodies = new ArrayList<>();
    private final Map<String, String> responses;

    StubAwsHttp(Map<String, String> responses) {
        this.responses = responses;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        targets.add(target);
        hosts.add(request.httpRequest().host());
        bodies.add(request.contentStreamProvider().map(provider -> read(provider.newStream())).orElse(""));
        String body = responses.get(target);
        // An AWS JSON error ({"__type": ...}) answers 400, as the service does.
        int status = body == null || body.contains("\"__type\"") ? 400 : 200;
        String payload = body != null ? body : "{\"__type\":\"UnknownOperationException\",\"message\":\"not stubbed: " + target + "\"}";
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", "application/x-amz-json-1.1").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8))))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
