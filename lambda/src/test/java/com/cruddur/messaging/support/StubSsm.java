package com.cruddur.messaging.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.cruddur.messaging.users.SsmParameterStore;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * SSM Parameter Store answered in-process at the HTTP layer, under the functions' {@link SsmParameterStore}: it signs
 * and sends exactly as against AWS, only the bytes never leave the JVM. It holds SecureStrings
 * by name and answers GetParameter only when asked for decryption (without it SSM would return ciphertext);
 * any other name gets SSM's ParameterNotFound.
 */
public final class StubSsm implements SdkHttpClient {

    private final Map<String, String> secureStrings;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public StubSsm(Map<String, String> secureStrings) {
        this.secureStrings = Map.copyOf(secureStrings);
    }

    /** The functions' SSM reader, signing its requests as for AWS, whose HTTP layer is this stub. */
    public SsmParameterStore client() {
        return new SsmParameterStore(this, Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "stub-secret")),
                URI.create("https://ssm.us-east-1.amazonaws.com"));
    }

    /** The Authorization header of each request, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The bodies of the requests SSM received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
                String body = read(request);
                requests.add(body);
                authorizations.add(request.httpRequest().firstMatchingHeader("Authorization").orElse(""));
                if (!target.equals("AmazonSSM.GetParameter")) {
                    return answer(400, "{\"__type\":\"InvalidAction\",\"message\":\"the stub answers GetParameter only\"}");
                }
                String name = secureStrings.keySet().stream().filter(n -> body.contains("\"Name\":\"" + n + "\"")).findFirst().orElse(null);
                if (name == null) {
                    return answer(400, "{\"__type\":\"ParameterNotFound\",\"message\":\"no such parameter\"}");
                }
                if (!body.contains("\"WithDecryption\":true")) {
                    return answer(200, parameter(name, "AQICAHh-ciphertext"));
                }
                return answer(200, parameter(name, secureStrings.get(name)));
            }

            @Override
            public void abort() {
                // Answers are immediate; there is nothing in flight to abort.
            }
        };
    }

    @Override
    public void close() {
        // Holds no connections.
    }

    private static String parameter(String name, String value) {
        return "{\"Parameter\":{\"Name\":\"" + json(name) + "\",\"Type\":\"SecureString\",\"Value\":\"" + json(value)
                + "\",\"Version\":1,\"ARN\":\"arn:aws:ssm:us-east-1:111122223333:parameter" + json(name) + "\",\"DataType\":\"text\"}}";
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String read(HttpExecuteRequest request) {
        try (var body = request.contentStreamProvider().orElseThrow().newStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpExecuteResponse answer(int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder()
                        .statusCode(status)
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("Content-Length", String.valueOf(bytes.length))
                        .build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }
}
