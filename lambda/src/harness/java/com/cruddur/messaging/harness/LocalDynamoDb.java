package com.cruddur.messaging.harness;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.harness.template.TableDefinition;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Local of a test JVM: one in-memory {@link LocalDynamoDbServer} on a free loopback port, started on
 * first use and stopped when the JVM exits, with real SDK clients over HTTP. Every test class of the JVM shares it and
 * isolates by table: each test takes a new messages table created from the synthesized template, so tests never see
 * each other's items.
 */
public final class LocalDynamoDb {

    /** The stage whose messages table the tests get: local mode's default. */
    private static final String STAGE = "dev";
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static LocalDynamoDb shared;
    private static TableDefinition messagesTable;

    private final LocalDynamoDbServer server;

    private LocalDynamoDb(LocalDynamoDbServer server) {
        this.server = server;
    }

    /** The JVM's DynamoDB Local, started on first use and stopped when the JVM exits. */
    public static synchronized LocalDynamoDb shared() {
        if (shared == null) {
            shared = startOwn();
        }
        return shared;
    }

    /**
     * A DynamoDB Local of the caller's own, stopped when the JVM exits, for a test that sends tens of thousands of
     * requests: once a few thousand items went through a DynamoDB Local (even into a table since deleted), its writes
     * cost up to three times as much, so sharing would make that test's time depend on which tests ran before it.
     */
    public static LocalDynamoDb startOwn() {
        LocalDynamoDb started = new LocalDynamoDb(LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty()));
        Runtime.getRuntime().addShutdownHook(new Thread(started.server::close));
        return started;
    }

    /** Stops the shared server now (a program that must end, rather than a test JVM, calls this). */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.server.close();
            shared = null;
        }
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(List.of(interceptors)).build())
                .build();
    }

    public DynamoDbStreamsClient streams() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A new, empty messages table exactly as the template defines it (keys, index, stream), under a name of its own; returns the name. */
    public String newMessagesTable() {
        return createMessagesTable().tableName();
    }

    /** As {@link #newMessagesTable()}, returning what DynamoDB Local made of it (its stream ARN, for one). */
    public TableDescription createMessagesTable() {
        TableDefinition table = messagesTable().withTableName(StageTemplates.LOCAL_TABLE + "-" + TABLES.incrementAndGet());
        try (DynamoDbClient dynamoDb = client()) {
            return dynamoDb.createTable(table.createTableRequest()).tableDescription();
        }
    }

    private static synchronized TableDefinition messagesTable() {
        if (messagesTable == null) {
            messagesTable = StageTemplates.read(TestTemplates.cdkOut(STAGE), STAGE).table();
        }
        return messagesTable;
    }
}
