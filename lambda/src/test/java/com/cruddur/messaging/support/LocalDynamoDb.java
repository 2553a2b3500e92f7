package com.cruddur.messaging.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.cruddur.messaging.contract.Items;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * The real DynamoDB Local (Maven Central), started once per test JVM as an in-memory server on a free
 * localhost port, with real SDK clients over HTTP. Each test takes a fresh table, so tests never see
 * each other's items.
 */
public final class LocalDynamoDb {

    private static LocalDynamoDb shared;
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final URI endpoint;
    private final DynamoDBProxyServer server;

    private LocalDynamoDb(int port) throws Exception {
        this.endpoint = URI.create("http://localhost:" + port);
        this.server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory", "-port", String.valueOf(port)});
        server.start();
    }

    /** The JVM's DynamoDB Local, started on first use and stopped when the JVM exits. */
    public static synchronized LocalDynamoDb shared() {
        if (shared == null) {
            try {
                shared = new LocalDynamoDb(freePort());
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.server.stop();
                } catch (Exception ignored) {
                    // the JVM is exiting either way
                }
            }));
        }
        return shared;
    }

    /** Stops the shared server now (a program that must end, rather than a test JVM, calls this). */
    public static synchronized void stopShared() throws Exception {
        if (shared != null) {
            shared.server.stop();
            shared = null;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(List.of(interceptors)).build())
                .build();
    }

    public DynamoDbStreamsClient streams() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A new, empty messages table with the production key schema, GSI and NEW_IMAGE stream; returns its name. */
    public String newMessagesTable() {
        String name = "cruddur-messages-" + TABLES.incrementAndGet();
        try (DynamoDbClient dynamoDb = client()) {
            dynamoDb.createTable(CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(Items.PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(Items.SK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(Items.MESSAGE_GROUP_UUID).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(Items.PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(Items.SK).keyType(KeyType.RANGE).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(Items.MESSAGE_GROUP_INDEX)
                            .keySchema(
                                    KeySchemaElement.builder().attributeName(Items.MESSAGE_GROUP_UUID).keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName(Items.SK).keyType(KeyType.RANGE).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build())
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build())
                    .build());
        }
        return name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
