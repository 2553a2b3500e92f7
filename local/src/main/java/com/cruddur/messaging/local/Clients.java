package com.cruddur.messaging.local;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** SDK clients for a DynamoDB endpoint: any credentials do for a local one, the default chain for AWS. */
public final class Clients {

    static final Region LOCAL_REGION = Region.US_EAST_1;

    private Clients() {
    }

    public static boolean isLocal(URI endpoint) {
        String host = endpoint.getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }

    public static DynamoDbClient dynamoDb(Optional<URI> endpoint, Region region) {
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(region)
                .credentialsProvider(credentials(endpoint));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static DynamoDbStreamsClient streams(URI endpoint) {
        return DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(LOCAL_REGION)
                .credentialsProvider(credentials(Optional.of(endpoint))).endpointOverride(endpoint).build();
    }

    private static AwsCredentialsProvider credentials(Optional<URI> endpoint) {
        return endpoint.filter(Clients::isLocal).isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
    }
}
