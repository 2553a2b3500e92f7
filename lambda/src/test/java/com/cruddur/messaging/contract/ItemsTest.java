package com.cruddur.messaging.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The item shapes of SPEC §1, attribute by attribute. */
class ItemsTest {

    private static final String GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    private static final User YAYA = new User("a1b2c3d4-0000-4000-8000-000000000001", "Yaya", "yaya2devops");
    private static final User BAYKO = new User("a1b2c3d4-0000-4000-8000-000000000002", "Bayko", "bayko");
    private static final String AT = "2026-11-24T10:57:11.658279+00:00";

    @Test
    void messageItemHasExactlyTheSpecAttributesAndNoGroupAttribute() {
        Message message = new Message(GROUP, "0f4c2a2e-8d0b-4a8e-9c57-2b7d3f1e6a11", AT, "hi", YAYA);
        assertEquals(Map.of(
                "pk", s("MSG#" + GROUP), "sk", s(AT), "message_uuid", s("0f4c2a2e-8d0b-4a8e-9c57-2b7d3f1e6a11"), "message", s("hi"),
                "user_uuid", s(YAYA.uuid()), "user_display_name", s("Yaya"), "user_handle", s("yaya2devops")), Items.item(message));
    }

    @Test
    void conversationRowDescribesTheOtherMember() {
        ConversationRow row = new ConversationRow(YAYA.uuid(), GROUP, AT, "hi", BAYKO);
        assertEquals(Map.of(
                "pk", s("GRP#" + YAYA.uuid()), "sk", s(AT), "message_group_uuid", s(GROUP), "message", s("hi"),
                "user_uuid", s(BAYKO.uuid()), "user_display_name", s("Bayko"), "user_handle", s("bayko")), Items.item(row));
    }

    @Test
    void itemsReadBackIntoTheSameValues() {
        Message message = new Message(GROUP, "0f4c2a2e-8d0b-4a8e-9c57-2b7d3f1e6a11", AT, "hi", YAYA);
        ConversationRow row = new ConversationRow(YAYA.uuid(), GROUP, AT, "hi", BAYKO);
        assertEquals(message, Items.message(Items.item(message)));
        assertEquals(row, Items.conversationRow(Items.item(row)));
    }

    @Test
    void missingAttributeIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Items.message(Map.of("pk", s("MSG#" + GROUP), "sk", s(AT))));
        assertEquals("attribute message_uuid is missing or not a string in item with pk MSG#" + GROUP, error.getMessage());
    }

    @Test
    void messageWithTextOutOfRangeCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Message(GROUP, "0f4c2a2e-8d0b-4a8e-9c57-2b7d3f1e6a11", AT, "", YAYA));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
