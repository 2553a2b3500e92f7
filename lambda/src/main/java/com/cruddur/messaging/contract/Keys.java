package com.cruddur.messaging.contract;

import java.util.regex.Pattern;

/**
 * Partition keys of the single table (SPEC §1): {@code MSG#{message_group_uuid}} holds the messages
 * of a conversation, {@code GRP#{user_uuid}} a user's conversation rows. UUIDs are lowercase
 * canonical strings (SPEC §4); anything else is rejected so no key is ever built from a bad id.
 */
public final class Keys {

    public static final String MESSAGE_PREFIX = "MSG#";
    public static final String CONVERSATION_PREFIX = "GRP#";

    /** As the CDK app's config/CanonicalUuid: both are held to src/test/resources/contract/uuids.json (SynthesizedContractTest). */
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Keys() {
    }

    /** {@code MSG#{messageGroupUuid}}: the partition of a conversation's messages. */
    public static String messagesOf(String messageGroupUuid) {
        return MESSAGE_PREFIX + requireUuid("message_group_uuid", messageGroupUuid);
    }

    /** {@code GRP#{userUuid}}: the partition of a user's conversation rows. */
    public static String conversationsOf(String userUuid) {
        return CONVERSATION_PREFIX + requireUuid("user_uuid", userUuid);
    }

    /** The message group of a {@code MSG#} partition key. */
    public static String messageGroupOf(String pk) {
        if (pk == null || !pk.startsWith(MESSAGE_PREFIX)) {
            throw new IllegalArgumentException("pk \"" + pk + "\" is not a message partition; expected MSG#<uuid>");
        }
        return requireUuid("message_group_uuid in pk", pk.substring(MESSAGE_PREFIX.length()));
    }

    /** The owner of a {@code GRP#} partition key. */
    public static String conversationOwnerOf(String pk) {
        if (pk == null || !pk.startsWith(CONVERSATION_PREFIX)) {
            throw new IllegalArgumentException("pk \"" + pk + "\" is not a conversation partition; expected GRP#<uuid>");
        }
        return requireUuid("user_uuid in pk", pk.substring(CONVERSATION_PREFIX.length()));
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /** Returns {@code value} if it is a lowercase canonical UUID, otherwise fails naming {@code field}. */
    public static String requireUuid(String field, String value) {
        if (!isUuid(value)) {
            throw new IllegalArgumentException(field + " \"" + value + "\" is not a lowercase canonical UUID"
                    + " (expected 8-4-4-4-12 hex digits a-f0-9)");
        }
        return value;
    }
}
