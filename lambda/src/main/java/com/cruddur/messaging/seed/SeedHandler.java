package com.cruddur.messaging.seed;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import com.cruddur.messaging.users.SsmParameterStore;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The seed custom resource's {@code onEvent} handler for the CDK Provider framework (SPEC §5).
 *
 * <ul>
 *   <li>Create loads the conversation, first removing any earlier seed of it, so a repeated Create
 *       never duplicates anything;</li>
 *   <li>Update with the same properties writes nothing; with new properties it removes what the old
 *       ones loaded and loads the new;</li>
 *   <li>Delete removes the seeded messages (recognised by their derived ids) and both members' rows
 *       for the conversation, and nothing else; a table that no longer exists has nothing to remove.</li>
 * </ul>
 * Update and Delete echo the physical id CloudFormation sent unless the table or conversation changed,
 * so a change of id format between releases never makes CloudFormation delete a seed it just loaded.
 * Any failure is thrown, which the Provider framework reports to CloudFormation as FAILED with the
 * message, so a stack never hangs on the seed.
 *
 * <p>A user given by handle without a uuid is looked up in Postgres public.users through the SSM parameter the
 * property {@code ConnectionUrlParameter} names ({@link SeedUsersByHandle}), on every request, Delete too (its
 * member rows are keyed by the uuids); a handle that is not there fails the request naming handle and database.
 * (A Delete after a failed Create never reaches this handler: the Provider framework answers it.)
 */
public final class SeedHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final SeedStore store;
    /** Reading the connection URL for users given by handle: connect and read, each. */
    private static final Duration SSM_CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<SsmParameterStore> ssm;
    private final Clock clock;

    /** The Lambda entry: region from the environment, the default credentials chain. */
    public SeedHandler() {
        this(new SeedStore(DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .build()), Clock.systemUTC());
    }

    /** Builds an SSM client from the environment only if a seed user is given by handle (most seeds give UUIDs). */
    public SeedHandler(SeedStore store, Clock clock) {
        this(store, () -> SsmParameterStore.fromEnvironment(SSM_CALL_TIMEOUT), clock);
    }

    /** @param ssm gives the client that reads the ConnectionUrlParameter, asked for only when a user comes by handle */
    public SeedHandler(SeedStore store, Supplier<SsmParameterStore> ssm, Clock clock) {
        this.store = store;
        this.ssm = ssm;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String requestType = String.valueOf(event.get("RequestType"));
        Map<String, Object> properties = (Map<String, Object>) event.get("ResourceProperties");
        try (SeedUsersByHandle users = usersByHandle(properties)) {
            SeedConversation seed = SeedConversation.fromProperties(properties, users::byHandle);
            String physicalResourceId;
            switch (requestType) {
                case "Create" -> {
                    load(seed);
                    physicalResourceId = physicalResourceId(seed);
                }
                case "Update" -> {
                    Map<String, Object> oldProperties = (Map<String, Object>) event.get("OldResourceProperties");
                    SeedConversation old;
                    try (SeedUsersByHandle oldUsers = usersByHandle(oldProperties)) {
                        old = SeedConversation.fromProperties(oldProperties, oldUsers::byHandle);
                    }
                    if (!old.equals(seed)) {
                        remove(old);
                        load(seed);
                    }
                    // A new id makes CloudFormation delete the old resource: only when the seed really moved elsewhere.
                    boolean moved = !old.tableName().equals(seed.tableName()) || !old.groupUuid().equals(seed.groupUuid());
                    physicalResourceId = moved ? physicalResourceId(seed) : echoed(event, seed);
                }
                case "Delete" -> {
                    remove(seed);
                    physicalResourceId = echoed(event, seed);
                }
                default -> throw new IllegalArgumentException("RequestType " + requestType + " is not Create, Update or Delete");
            }
            return Map.of("PhysicalResourceId", physicalResourceId);
        }
    }

    /** Users by handle for these properties: through the SSM parameter they name, if any. */
    private SeedUsersByHandle usersByHandle(Map<String, Object> properties) {
        Object parameter = properties == null ? null : properties.get(SeedResource.CONNECTION_URL_PARAMETER);
        return new SeedUsersByHandle(ssm, parameter instanceof String name ? name : null);
    }

    /** The id CloudFormation already knows the resource by (an older release may have named it otherwise). */
    private static String echoed(Map<String, Object> event, SeedConversation seed) {
        Object known = event.get("PhysicalResourceId");
        return known instanceof String id && !id.isBlank() ? id : physicalResourceId(seed);
    }

    /** The table and the conversation: a change of either is a new seed, and CloudFormation deletes the old one. */
    static String physicalResourceId(SeedConversation seed) {
        return "cruddur-seed/" + seed.tableName() + "/" + seed.groupUuid();
    }

    private void load(SeedConversation seed) {
        remove(seed);
        store.put(seed.tableName(), SeedPlan.items(seed, clock.instant()));
    }

    /** Removes what the seed loaded; a table that is gone (replaced or deleted first) holds nothing to remove. */
    private void remove(SeedConversation seed) {
        List<Map<String, AttributeValue>> keys;
        try {
            keys = store.seededKeys(seed);
        } catch (ResourceNotFoundException tableGone) {
            return;
        }
        store.delete(seed.tableName(), keys);
    }
}
