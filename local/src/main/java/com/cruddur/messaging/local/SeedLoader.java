package com.cruddur.messaging.local;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.seed.SeedHandler;
import com.cruddur.messaging.seed.SeedResource;
import com.cruddur.messaging.seed.SeedStore;
import com.cruddur.messaging.users.PostgresUsers;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loads a stage's seed locally through the seed custom resource's own handler, with the settings from its template. Given
 * backend-flask's Postgres, the two users are the ones it holds under the seed's handles, as the reference seed script reads
 * them, so the conversation belongs to users the app shows; without it, the template's uuids.
 */
public final class SeedLoader {

    private SeedLoader() {
    }

    /** Loads the seed into {@code tableName}; false (and a line saying so) when the stage has no seed data. */
    public static boolean load(DynamoDbClient dynamoDb, StageTemplates templates, String tableName, Optional<String> databaseUrl,
                               Consumer<String> progress) {
        Optional<Map<String, Object>> settings = templates.seedProperties();
        if (settings.isEmpty()) {
            progress.accept("stage " + templates.stage() + " has no seed data");
            return false;
        }
        Map<String, Object> properties = new HashMap<>(settings.get());
        properties.put(SeedResource.TABLE_NAME, tableName);
        String users = databaseUrl.map(url -> {
            usersFromPostgres(properties, url);
            return "their uuids and names from Postgres";
        }).orElse("the template's uuids; no database URL");
        new SeedHandler(new SeedStore(dynamoDb), Clock.systemUTC())
                .handleRequest(Map.of("RequestType", "Create", "ResourceProperties", properties), null);
        progress.accept("seeded conversation " + properties.get(SeedResource.MESSAGE_GROUP_UUID) + " ("
                + properties.get(SeedResource.userHandle(SeedResource.USERS.get(0))) + " and "
                + properties.get(SeedResource.userHandle(SeedResource.USERS.get(1))) + ", " + users + ")");
        return true;
    }

    /** Replaces each seed user's uuid and display name with the Postgres user of its handle; a handle not there is a failure. */
    private static void usersFromPostgres(Map<String, Object> properties, String databaseUrl) {
        try (PostgresUsers users = PostgresUsers.connect(databaseUrl)) {
            for (String seedUser : SeedResource.USERS) {
                String handle = (String) properties.get(SeedResource.userHandle(seedUser));
                User user = users.findByHandle(handle).orElseThrow(() -> new IllegalStateException("no user with handle " + handle
                        + " in Postgres public.users for the seed (sign up as " + handle + ", or load the reference users with"
                        + " bin/ddb postgres load-reference-users)"));
                properties.put(SeedResource.userUuid(seedUser), user.uuid());
                properties.put(SeedResource.userDisplayName(seedUser), user.displayName());
            }
        }
    }
}
