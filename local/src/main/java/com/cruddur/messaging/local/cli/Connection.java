package com.cruddur.messaging.local.cli;

import java.net.URI;
import java.util.Optional;

import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.template.StageTemplates;

import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Where a command finds the table: endpoint, table and region from options or the backend's own variables. */
public final class Connection {

    static final String DEFAULT_TABLE = StageTemplates.LOCAL_TABLE;

    @Option(names = "--endpoint", defaultValue = "${env:AWS_ENDPOINT_URL}",
            description = "DynamoDB endpoint (default: $AWS_ENDPOINT_URL; unset = AWS itself)")
    String endpoint;

    @Option(names = "--table", description = "table name (default: $DDB_MESSAGE_TABLE, else " + DEFAULT_TABLE + ")")
    String table;

    @Option(names = "--region", defaultValue = "${env:AWS_REGION:-${env:AWS_DEFAULT_REGION:-us-east-1}}",
            description = "AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, else us-east-1)")
    String region;

    @Option(names = "--json", description = "print JSON for scripts instead of a table")
    boolean json;

    private DynamoDbClient client;

    Optional<URI> endpoint() {
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(endpoint);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint " + endpoint + " is not a URL; expected e.g. http://localhost:8000");
        }
        return Optional.of(uri);
    }

    boolean isLocal() {
        return endpoint().filter(Clients::isLocal).isPresent();
    }

    String describeEndpoint() {
        return endpoint().map(URI::toString).orElse("AWS " + region);
    }

    /** The table name given with --table (not from the environment or the default). */
    Optional<String> explicitTable() {
        return Optional.ofNullable(table);
    }

    String tableName() {
        if (table != null) {
            return table;
        }
        String fromEnvironment = System.getenv("DDB_MESSAGE_TABLE");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_TABLE : fromEnvironment;
    }

    DynamoDbClient dynamoDb() {
        if (client == null) {
            client = Clients.dynamoDb(endpoint(), Region.of(region));
        }
        return client;
    }

    /** Fails with one line when the table is not there, instead of an SDK stack trace later. */
    DynamoDbClient requireTable() {
        try {
            dynamoDb().describeTable(b -> b.tableName(tableName()));
        } catch (ResourceNotFoundException e) {
            throw new IllegalStateException("table " + tableName() + " does not exist at " + describeEndpoint()
                    + " (create it with bin/ddb schema-load, or start bin/local)");
        }
        return dynamoDb();
    }
}
