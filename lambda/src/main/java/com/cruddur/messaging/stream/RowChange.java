package com.cruddur.messaging.stream;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One change to a conversation row; a group's changes are written in one transaction. */
public sealed interface RowChange {

    /**
     * The row at {@code from} moves to the key of {@code to} (its {@code sk} is part of the key, so a
     * move is a delete plus a put, which only a transaction makes atomic).
     */
    record Move(Map<String, AttributeValue> from, Map<String, AttributeValue> to) implements RowChange {
    }

    /** A second row of the same member and conversation (left by a non-atomic writer) is removed. */
    record RemoveDuplicate(Map<String, AttributeValue> key) implements RowChange {
    }
}
