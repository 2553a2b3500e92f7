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
            throw new IllegalArgumentException(SeedResource.TABLE_NAME + " is missing from the seed resource's properties");
        }
        Keys.requireUuid(SeedResource.MESSAGE_GROUP_UUID, groupUuid);
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
                string(properties, SeedResource.TABLE_NAME),
                string(properties, SeedResource.MESSAGE_GROUP_UUID),
                user(properties, SeedResource.USERS.get(0), usersByHandle),
                user(properties, SeedResource.USERS.get(1), usersByHandle));
    }

    private static User user(Map<String, Object> properties, String which, Function<String, User> usersByHandle) {
        String handle = string(properties, SeedResource.userHandle(which));
        if (properties.get(SeedResource.userUuid(which)) == null) {
            return usersByHandle.apply(handle);
        }
        return new User(string(properties, SeedResource.userUuid(which)), string(properties, SeedResource.userDisplayName(which)), handle);
    }

    private static String string(Map<String, Object> properties, String name) {
        Object value = properties == null ? null : properties.get(name);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("seed resource property " + name + " is missing or not a string: " + value);
        }
        return text;
    }
}
