package com.cruddur.messaging.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

    private static final String GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";

    @Test
    void messagePartitionIsMsgHashGroup() {
        assertEquals("MSG#" + GROUP, Keys.messagesOf(GROUP));
    }

    @Test
    void conversationPartitionIsGrpHashUser() {
        assertEquals("GRP#" + GROUP, Keys.conversationsOf(GROUP));
    }

    @Test
    void messageGroupIsReadBackFromAMessagePartition() {
        assertEquals(GROUP, Keys.messageGroupOf("MSG#" + GROUP));
    }

    @Test
    void aConversationPartitionIsNotAMessagePartition() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Keys.messageGroupOf("GRP#" + GROUP));
        assertTrue(error.getMessage().contains("GRP#" + GROUP), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5AE290ED-55D1-47A0-BC6D-FE2BC2700399",
        "5ae290ed55d147a0bc6dfe2bc2700399",
        "{5ae290ed-55d1-47a0-bc6d-fe2bc2700399}",
        "5ae290ed-55d1-47a0-bc6d-fe2bc270039",
        "not-a-uuid",
        ""
    })
    void rejectsAnythingButLowercaseCanonicalUuids(String value) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Keys.messagesOf(value));
        assertTrue(error.getMessage().contains("\"" + value + "\""), error.getMessage());
    }
}
