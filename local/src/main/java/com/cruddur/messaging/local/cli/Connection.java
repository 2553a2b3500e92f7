package com.cruddur.messaging.local.cli;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.AwsRegion;
import com.cruddur.messaging.local.Clients;

import picocli.CommandLine.Option;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Where a command finds the table: endpoint, table and region from options or the backend's own variables, and the one
 * rule of when a command may write to AWS ({@link #requireWriteTarget}).
 */
public final class Connection {

    static final String DEFAULT_TABLE = StageTemplates.LOCAL_TABLE;

    /** The flag that names AWS as the target of a command that creates, writes or deletes. */
    static final String AWS_FLAG = "--aws";

    @Option(names = "--endpoint", description = "DynamoDB endpoint (default: $AWS_ENDPOINT_URL_DYNAMODB, else $AWS_ENDPOINT_URL;"
            + " unset = AWS itself)")
    String endpoint;

    @Option(names = "--table", description = "table name (default: $DDB_MESSAGE_TABLE, else " + DEFAULT_TABLE + ")")
    String table;

    @Option(names = "--region", description = "AWS region; for a local endpoint any region works (default: us-east-1 for a local"
            + " endpoint; for AWS $AWS_REGION, $AWS_DEFAULT_REGION, the profile's region in ~/.aws/config, else the instance's)")
    String region;

    /** The process environment; a test gives a map, since a JVM cannot change its own. */
    UnaryOperator<String> environment = System::getenv;

    /** Set by {@link #requireWriteTarget}: the command writes to AWS on purpose, so exported endpoints do not apply. */
    private boolean toAws;

    /** Carries the calls to DynamoDB in AWS; set by {@link Ddb#commandLine}, a stub in tests. A local endpoint gets its own. */
    SdkHttpClient awsHttp;

    private DynamoDbClient client;

    /**
     * The endpoint: --endpoint, else the exported service-specific variable (what SDKs and the AWS CLI prefer), else the
     * general one (what bin/local's exports and backend-flask use). Empty means AWS itself. A write told --aws ignores the
     * exports: a shell that still has local mode's must not turn a deliberate write to AWS into one to localhost.
     */
    Optional<URI> endpoint() {
        Optional<String> given = present(endpoint);
        if (!toAws) {
            given = given.or(() -> present(environment.apply("AWS_ENDPOINT_URL_DYNAMODB")))
                    .or(() -> present(environment.apply("AWS_ENDPOINT_URL")));
        }
        return given.map(Connection::url);
    }

    boolean isLocal() {
        return endpoint().filter(Clients::isLocal).isPresent();
    }

    /** The endpoint, or AWS with the region it uses. */
    String describeEndpoint() {
        return endpoint().map(URI::toString).orElseGet(() -> "AWS " + region());
    }

    /** Local endpoints take any region, so none is looked up for them (no profile read, no instance metadata call). */
    Region region() {
        return isLocal() ? AwsRegion.forLocal(region) : AwsRegion.forAws(region);
    }

    /** The table name given with --table (not from the environment or the default). */
    Optional<String> explicitTable() {
        return Optional.ofNullable(table);
    }

    String tableName() {
        if (table != null) {
            return table;
        }
        String fromEnvironment = environment.apply("DDB_MESSAGE_TABLE");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_TABLE : fromEnvironment;
    }

    /**
     * A command that creates, writes or deletes talks to anything but a local endpoint only when told so: {@code --aws}
     * (passed as {@code toAws}) and the table named with --table, so neither a missing export nor a default table name
     * sends a write to AWS. Call it before anything else reads the endpoint. Otherwise one line saying how to reach local mode, or how to write to AWS on purpose.
     */
    void requireWriteTarget(String command, boolean toAws) {
        this.toAws = toAws;
        if (isLocal()) {
            if (toAws) {
                throw new IllegalArgumentException(AWS_FLAG + " names AWS, but the endpoint is local (" + endpoint().orElseThrow()
                        + "); drop one of them");
            }
            return;
        }
        if (!toAws) {
            String where = endpoint().map(uri -> uri + ", which is not a local endpoint").orElse("AWS: no endpoint given");
            throw new IllegalArgumentException("refusing to " + command + " at " + where + "; for local mode pass --endpoint"
                    + " http://localhost:8000 (or run the exports bin/local prints), to write to AWS on purpose pass "
                    + AWS_FLAG + " --table NAME");
        }
        if (table == null) {
            throw new IllegalArgumentException(AWS_FLAG + " writes to AWS only to a table named on the command line; add --table NAME");
        }
    }

    DynamoDbClient dynamoDb() {
        if (client == null) {
            client = isLocal() || awsHttp == null ? Clients.dynamoDb(endpoint(), region())
                    : Clients.dynamoDb(endpoint(), region(), awsHttp);
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

    private static URI url(String endpoint) {
        URI uri = URI.create(endpoint);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint " + endpoint + " is not a URL; expected e.g. http://localhost:8000");
        }
        return uri;
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
