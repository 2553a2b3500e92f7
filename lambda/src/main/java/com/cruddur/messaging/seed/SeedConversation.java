package com.cruddur.messaging.seed;

import java.util.Map;
import java.util.function.Function;

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

    /**
     * Reads the custom resource's properties (all strings, as CloudFormation passes them). A user is its
     * {@code <First|Second>UserUuid}, {@code ...DisplayName} and {@code ...Handle}; a user given only by
     * {@code ...Handle} (no uuid) is the one {@code usersByHandle} finds.
     */
    public static SeedConversation fromProperties(Map<String, Object> properties, Function<String, User> usersByHandle) {
        return new SeedConversation(
                string(properties, "TableName"),
                string(properties, "MessageGroupUuid"),
                user(properties, "First", usersByHandle),
                user(properties, "Second", usersByHandle));
    }

    private static User user(Map<String, Object> properties, String which, Function<String, User> usersByHandle) {
        String handle = string(properties, which + "UserHandle");
        if (properties.get(which + "UserUuid") == null) {
            return usersByHandle.apply(handle);
        }
        return new User(string(properties, which + "UserUuid"), string(properties, which + "UserDisplayName"), handle);
    }

    private static String string(Map<String, Object> properties, String name) {
        Object value = properties == null ? null : properties.get(name);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("seed resource property " + name + " is missing or not a string: " + value);
        }
        return text;
    }
}
