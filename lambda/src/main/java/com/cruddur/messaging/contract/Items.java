package com.cruddur.messaging.contract;

import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one place that turns messages and conversation rows into DynamoDB items and back, with the
 * attribute names of SPEC §1 — exactly what backend-flask writes, so both can share the table.
 */
public final class Items {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String MESSAGE_GROUP_UUID = "message_group_uuid";
    public static final String MESSAGE_UUID = "message_uuid";
    public static final String MESSAGE = "message";
    public static final String USER_UUID = "user_uuid";
    public static final String USER_DISPLAY_NAME = "user_display_name";
    public static final String USER_HANDLE = "user_handle";

    /** The GSI over conversation rows: {@code message_group_uuid} HASH, {@code sk} RANGE. */
    public static final String MESSAGE_GROUP_INDEX = "message-group-sk-index";

    private Items() {
    }

    public static Map<String, AttributeValue> item(Message message) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PK, s(Keys.messagesOf(message.groupUuid())));
        item.put(SK, s(message.createdAt()));
        item.put(MESSAGE_UUID, s(message.messageUuid()));
        item.put(MESSAGE, s(message.text()));
        putUser(item, message.sender());
        return item;
    }

    public static Map<String, AttributeValue> item(ConversationRow row) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PK, s(Keys.conversationsOf(row.ownerUuid())));
        item.put(SK, s(row.lastMessageAt()));
        item.put(MESSAGE_GROUP_UUID, s(row.groupUuid()));
        item.put(MESSAGE, s(row.message()));
        putUser(item, row.other());
        return item;
    }

    public static Message message(Map<String, AttributeValue> item) {
        return new Message(Keys.messageGroupOf(string(item, PK)), string(item, MESSAGE_UUID), string(item, SK),
                string(item, MESSAGE), user(item));
    }

    public static ConversationRow conversationRow(Map<String, AttributeValue> item) {
        return new ConversationRow(Keys.conversationOwnerOf(string(item, PK)), string(item, MESSAGE_GROUP_UUID),
                string(item, SK), string(item, MESSAGE), user(item));
    }

    /** The primary key of {@code item}. */
    public static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of(PK, item.get(PK), SK, item.get(SK));
    }

    /** The string attribute {@code name}, failing with the attribute's name when it is absent or not a string. */
    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException("attribute " + name + " is missing or not a string in item with pk "
                    + (item.get(PK) == null ? "<none>" : item.get(PK).s()));
        }
        return value.s();
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void putUser(Map<String, AttributeValue> item, User user) {
        item.put(USER_UUID, s(user.uuid()));
        item.put(USER_DISPLAY_NAME, s(user.displayName()));
        item.put(USER_HANDLE, s(user.handle()));
    }

    private static User user(Map<String, AttributeValue> item) {
        return new User(string(item, USER_UUID), string(item, USER_DISPLAY_NAME), string(item, USER_HANDLE));
    }
}
