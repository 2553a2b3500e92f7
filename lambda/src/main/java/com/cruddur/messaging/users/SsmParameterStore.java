package com.cruddur.messaging.users;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * SSM's GetParameter with decryption, as one SigV4-signed JSON request through the HTTP client and signer the jar
 * already carries for DynamoDB. The SDK's SSM module would add about 6 MB (its model of every SSM operation) to the jar
 * every function deploys, for this one call.
 */
public final class SsmParameterStore {

    private final SdkHttpClient http;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;

    public SsmParameterStore(SdkHttpClient http, Region region, AwsCredentialsProvider credentials, URI endpoint) {
        this.http = http;
        this.region = region;
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    /**
     * As a Lambda function: the region of {@code AWS_REGION}, the default credentials chain, SSM's endpoint in that region
     * unless {@code AWS_ENDPOINT_URL_SSM} or {@code AWS_ENDPOINT_URL} names another (as the SDK's clients honour them),
     * and {@code timeout} to connect and to read.
     */
    public static SsmParameterStore fromEnvironment(Duration timeout) {
        Region region = Region.of(System.getenv("AWS_REGION"));
        String configured = System.getenv("AWS_ENDPOINT_URL_SSM") != null ? System.getenv("AWS_ENDPOINT_URL_SSM") : System.getenv("AWS_ENDPOINT_URL");
        URI endpoint = configured != null && !configured.isBlank() ? URI.create(configured)
                : URI.create("https://ssm." + region.id() + "." + PartitionMetadata.of(region).dnsSuffix());
        return new SsmParameterStore(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build(),
                region, DefaultCredentialsProvider.builder().build(), endpoint);
    }

    /** The decrypted value of the SecureString {@code name} (a name or an ARN); throws naming SSM's error. */
    public String secureString(String name) {
        byte[] body = ("{\"Name\":" + quote(name) + ",\"WithDecryption\":true}").getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("Content-Length", String.valueOf(body.length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            JsonNode answer = JsonNode.parser().parse(read(response.responseBody().orElse(null)));
            if (!response.httpResponse().isSuccessful()) {
                throw new IllegalStateException("SSM GetParameter " + name + " failed: HTTP " + response.httpResponse().statusCode() + " "
                        + text(answer, "__type") + ": " + text(answer, "message"));
            }
            return answer.field("Parameter").flatMap(parameter -> parameter.field("Value")).map(JsonNode::text)
                    .orElseThrow(() -> new IllegalStateException("SSM GetParameter " + name + " answered without Parameter.Value"));
        } catch (IOException e) {
            throw new UncheckedIOException("SSM GetParameter " + name + " failed", e);
        }
    }

    private static String text(JsonNode answer, String field) {
        return answer.field(field).filter(JsonNode::isString).map(JsonNode::text)
                .or(() -> answer.field("Message").filter(JsonNode::isString).map(JsonNode::text)).orElse("");
    }

    private static String read(InputStream body) throws IOException {
        if (body == null) {
            return "{}";
        }
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A JSON string of {@code text}: parameter names are paths of letters, digits and {@code /_.-}, but an ARN has colons. */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
