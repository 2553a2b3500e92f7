package com.cruddur.messaging.local;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.cruddur.messaging.local.template.StageTemplates;
import com.cruddur.messaging.seed.SeedHandler;
import com.cruddur.messaging.seed.SeedStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Loads a stage's seed locally through the seed custom resource's own handler, with the settings from its template. */
public final class SeedLoader {

    private SeedLoader() {
    }

    /** Loads the seed into {@code tableName}; false (and a line saying so) when the stage has no seed data. */
    public static boolean load(DynamoDbClient dynamoDb, StageTemplates templates, String tableName, Consumer<String> progress) {
        Optional<Map<String, Object>> settings = templates.seedProperties();
        if (settings.isEmpty()) {
            progress.accept("stage " + templates.stage() + " has no seed data");
            return false;
        }
        Map<String, Object> properties = new HashMap<>(settings.get());
        properties.put("TableName", tableName);
        new SeedHandler(new SeedStore(dynamoDb), Clock.systemUTC())
                .handleRequest(Map.of("RequestType", "Create", "ResourceProperties", properties), null);
        progress.accept("seeded conversation " + properties.get("MessageGroupUuid") + " (" + properties.get("FirstUserHandle")
                + " and " + properties.get("SecondUserHandle") + ")");
        return true;
    }
}
