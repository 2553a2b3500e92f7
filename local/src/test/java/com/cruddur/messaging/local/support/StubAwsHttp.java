package com.cruddur.messaging.local.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP layer under the real SDK clients of services that only AWS runs (Cognito, SSM, CloudFormation, S3,
 * Lambda): a {@link Responder} answers each request. Records every request.
 */
public final class StubAwsHttp implements SdkHttpClient {

    /** A request as it reached the wire: method, host, decoded path, query, X-Amz-Target (JSON protocols) and body. */
    public record Call(String method, String host, String path, Map<String, List<String>> query, String target, String body) {
    }

    public record Answer(int status, String contentType, Map<String, String> headers, String body) {
        public static Answer ok(String contentType, String body) {
            return new Answer(200, contentType, Map.of(), body);
        }
    }

    @FunctionalInterface
    public interface Responder {
        Answer answer(Call call);
    }

    public final List<Call> calls = new ArrayList<>();
    public final List<String> targets = new ArrayList<>();
    public final List<String> hosts = new ArrayList<>();
    public final List<String> bodies = new ArrayList<>();
    private final Responder responder;

    public StubAwsHttp(Responder responder) {
        this.responder = responder;
    }

    /** Answers AWS JSON protocol calls from canned bodies by X-Amz-Target; an {@code {"__type": ...}} body is a 400, as from the service. */
    public StubAwsHttp(Map<String, String> jsonByTarget) {
        this(call -> {
            String body = jsonByTarget.get(call.target());
            int status = body == null || body.contains("\"__type\"") ? 400 : 200;
            return new Answer(status, "application/x-amz-json-1.1", Map.of(),
                    body != null ? body : "{\"__type\":\"UnknownOperationException\",\"message\":\"not stubbed: " + call.target() + "\"}");
        });
    }

    @Override
    public synchronized ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        Call call = new Call(http.method().name(), http.host(), URLDecoder.decode(http.encodedPath(), StandardCharsets.UTF_8),
                http.rawQueryParameters(), http.firstMatchingHeader("X-Amz-Target").orElse(""),
                request.contentStreamProvider().map(provider -> read(provider.newStream())).orElse(""));
        calls.add(call);
        targets.add(call.target());
        hosts.add(call.host());
        bodies.add(call.body());
        Answer answer = responder.answer(call);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(answer.status())
                        .putHeader("Content-Type", answer.contentType());
                answer.headers().forEach(response::putHeader);
                return HttpExecuteResponse.builder()
                        .response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8))))
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
