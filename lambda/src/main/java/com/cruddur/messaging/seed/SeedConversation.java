package com.cruddur.messaging.seed;

import java.util.Map;

import com.cruddur.messaging.contract.Keys;
import com.cruddur.messaging.contract.User;

/**
 * What the seed custom resource loads: one conversation between two users (SPEC §5, seed data).
 *
 * @param tableName  the messages table
 * @param groupUuid  the conversation's message_group_uuid
 * @param first      the user who speaks first
 * @param second     the user who answers
 */
public record SeedConversation(String tableName, String groupUuid, User first, User second) {

    public SeedConversation {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("TableName is missing from the seed resource's properties");
        }
        Keys.requireUuid("MessageGroupUuid", groupUuid);
        if (first.uuid().equals(second.uuid())) {
            throw new IllegalArgumentException("the two seed users must differ; both are " + first.uuid());
        }
    }

    /** Reads the custom resource's properties (all strings, as CloudFormation passes them). */
    public static SeedConversation fromProperties(Map<String, Object> properties) {
        return new SeedConversation(
                string(properties, "TableName"),
                string(properties, "MessageGroupUuid"),
                new User(string(properties, "FirstUserUuid"), string(properties, "FirstUserDisplayName"), string(properties, "FirstUserHandle")),
                new User(string(properties, "SecondUserUuid"), string(properties, "SecondUserDisplayName"), string(properties, "SecondUserHandle")));
    }

    private static String string(Map<String, Object> properties, String name) {
        Object value = properties == null ? null : properties.get(name);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("seed resource property " + name + " is missing or not a string: " + value);
        }
        return text;
    }
}
