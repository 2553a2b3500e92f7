package com.cruddur.messaging.stream;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One change to a conversation row; a group's changes are written together ({@link ConversationRowStore#apply}). */
public sealed interface RowChange {

    /** The items (keys, or the full image written) this change deletes or writes. */
    List<Map<String, AttributeValue>> touched();

    /**
     * The row at {@code from} moves to the key of {@code to} (its {@code sk} is part of the key, so a
     * move is a put of the new row and then a delete of the old one).
     */
    record Move(Map<String, AttributeValue> from, Map<String, AttributeValue> to) implements RowChange {
        @Override
        public List<Map<String, AttributeValue>> touched() {
            return List.of(from, to);
        }
    }

    /** The row at {@code image}'s key keeps its key and gets this image: the shown message was edited. */
    record Rewrite(Map<String, AttributeValue> image) implements RowChange {
        @Override
        public List<Map<String, AttributeValue>> touched() {
            return List.of(image);
        }
    }

    /** A second row of the same member and conversation (left by a non-atomic writer) is removed. */
    record RemoveDuplicate(Map<String, AttributeValue> key) implements RowChange {
        @Override
        public List<Map<String, AttributeValue>> touched() {
            return List.of(key);
        }
    }
}
