package com.cruddur.messaging.stream;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;
import com.cruddur.messaging.contract.MessageText;
import com.cruddur.messaging.contract.Timestamps;

/**
 * Pure: decides what one stream record means for the processor — a new message to act on, a record
 * to skip (REMOVE, conversation rows), or a malformed record to report. Never throws.
 */
public final class StreamRecordClassifier {

    /** The outcome for one record. */
    public sealed interface Classified permits Relevant, Changed, Ignored, Malformed {
    }

    /** A new message: rows move forward to it if it is the newest. */
    public record Relevant(NewMessage message) implements Classified {
    }

    /**
     * An edit (MODIFY) or deletion (REMOVE) of a message of {@code groupUuid}: the rows must show whatever is
     * now the conversation's newest message, read from the table (a stream record's image can be stale on replay).
     */
    public record Changed(String groupUuid, String sequenceNumber) implements Classified {
    }

    public record Ignored(String why) implements Classified {
    }

    /**
     * A record the processor cannot act on, with what an operator needs to find it: the item's keys, the
     * event name and the record's approximate creation time (each {@code null} when the record lacks it).
     */
    public record Malformed(String sequenceNumber, String reason, String pk, String sk, String eventName, Instant approximateCreation)
            implements Classified {
    }

    private StreamRecordClassifier() {
    }

    public static Classified classify(DynamodbStreamRecord record) {
        String sequenceNumber = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
        String eventName = record.getEventName();
        if ("REMOVE".equals(eventName)) {
            return removed(record, sequenceNumber);
        }
        if (!"INSERT".equals(eventName) && !"MODIFY".equals(eventName)) {
            return malformed(record, "eventName " + eventName + " is not INSERT, MODIFY or REMOVE");
        }
        if (sequenceNumber == null || record.getDynamodb().getNewImage() == null) {
            return malformed(record, "record has no NewImage or no SequenceNumber; the stream must use NEW_IMAGE");
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        String pk = string(image, Items.PK);
        if (pk != null && pk.startsWith(Keys.CONVERSATION_PREFIX)) {
            return new Ignored("conversation row");
        }
        try {
            String groupUuid = Keys.messageGroupOf(pk);
            String createdAt = required(image, Items.SK);
            Instant at = Timestamps.parse(createdAt);
            String text = MessageText.require(string(image, Items.MESSAGE));
            String sender = string(image, Items.USER_UUID);
            if ("MODIFY".equals(eventName)) {
                return new Changed(groupUuid, sequenceNumber);
            }
            return new Relevant(new NewMessage(groupUuid, createdAt, at, text, sender == null ? "" : sender, sequenceNumber));
        } catch (IllegalArgumentException e) {
            return malformed(record, e.getMessage());
        }
    }

    /** A deleted message (its keys only: the stream carries no old image) is a change of its conversation; anything else is no message. */
    private static Classified removed(DynamodbStreamRecord record, String sequenceNumber) {
        Map<String, AttributeValue> keys = record.getDynamodb() == null ? null : record.getDynamodb().getKeys();
        String pk = keys == null ? null : string(keys, Items.PK);
        if (pk == null || !pk.startsWith(Keys.MESSAGE_PREFIX)) {
            return new Ignored("REMOVE of no message");
        }
        if (sequenceNumber == null) {
            return malformed(record, "REMOVE record has no SequenceNumber");
        }
        try {
            return new Changed(Keys.messageGroupOf(pk), sequenceNumber);
        } catch (IllegalArgumentException e) {
            return malformed(record, e.getMessage());
        }
    }

    private static Malformed malformed(DynamodbStreamRecord record, String reason) {
        var stream = record.getDynamodb();
        Map<String, AttributeValue> keys = stream == null ? null : stream.getKeys();
        Date created = stream == null ? null : stream.getApproximateCreationDateTime();
        return new Malformed(stream == null ? null : stream.getSequenceNumber(), reason, keys == null ? null : string(keys, Items.PK),
                keys == null ? null : string(keys, Items.SK), record.getEventName(), created == null ? null : created.toInstant());
    }

    private static String required(Map<String, AttributeValue> image, String name) {
        String value = string(image, name);
        if (value == null) {
            throw new IllegalArgumentException("attribute " + name + " is missing or not a string");
        }
        return value;
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.getS();
    }
}
