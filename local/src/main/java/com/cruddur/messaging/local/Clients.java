package com.cruddur.messaging.local;

import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.SdkHttpClient;
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
        return dynamoDb(endpoint, region, UrlConnectionHttpClient.create());
    }

    /** As {@link #dynamoDb(Optional, Region)}, over {@code http} (tests stub AWS itself). */
    public static DynamoDbClient dynamoDb(Optional<URI> endpoint, Region region, SdkHttpClient http) {
        var builder = DynamoDbClient.builder().httpClient(http).region(region)
                .credentialsProvider(credentials(endpoint));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static DynamoDbStreamsClient streams(URI endpoint) {
        return DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(LOCAL_REGION)
                .credentialsProvider(credentials(Optional.of(endpoint))).endpointOverride(endpoint).build();
    }

    /**
     * A client of a service that lives only in AWS (Cognito, SSM, S3, Lambda, CloudFormation): the default credential
     * chain, {@code region}, and another endpoint only when one is passed explicitly (tests). bin/local tells the shell
     * to export AWS_ENDPOINT_URL for DynamoDB Local, which the SDK would apply to every service, so configured endpoint
     * URLs are ignored.
     */
    public static <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B inAws(
            B builder, SdkHttpClient http, Region region, Optional<URI> endpoint) {
        System.setProperty(SdkSystemSetting.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS.property(), "true");
        builder.httpClient(http).region(region).credentialsProvider(DefaultCredentialsProvider.builder().build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private static AwsCredentialsProvider credentials(Optional<URI> endpoint) {
        return endpoint.filter(Clients::isLocal).isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
    }
}
