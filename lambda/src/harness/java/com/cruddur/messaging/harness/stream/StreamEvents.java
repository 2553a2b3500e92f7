package com.cruddur.messaging.harness.stream;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.User;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Stream records made by hand, for tests that hand a function what no table wrote (malformed records, replays, any
 * order): built as the DynamoDB Streams API returns records, so they reach the function through the same conversion
 * as records read from a real stream ({@link LambdaRecords}, then the runtime's serializer, {@link LambdaJson}).
 */
public final class StreamEvents {

    /** The stream the records say they come from. */
    public static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/cruddur-messages/stream/2026-11-24T00:00:00.000";
    private static final Instant CREATED = Instant.ofEpochSecond(1764000000L);

    private StreamEvents() {
    }

    /** An INSERT record whose new image is {@code item}, keyed by its {@code pk} and {@code sk}. */
    public static Record insert(String sequenceNumber, Map<String, AttributeValue> item) {
        return record("INSERT", sequenceNumber, item);
    }

    public static Record insert(String sequenceNumber, Message message) {
        return insert(sequenceNumber, Items.item(message));
    }

    /** A message item whose sort key is {@code sortKey}, whatever that is. */
    public static Record insertWithSortKey(String sequenceNumber, String groupUuid, String sortKey) {
        Map<String, AttributeValue> item = new TreeMap<>(Items.item(new Message(groupUuid, "0f4c2a2e-8d0b-4a8e-9c57-2b7d3f1e6a12",
                "2026-11-24T10:06:00.000000+00:00", "a message with a broken sort key",
                new User("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops"))));
        item.put(Items.SK, AttributeValue.fromS(sortKey));
        return insert(sequenceNumber, item);
    }

    /** A REMOVE record of the item with {@code key}: a NEW_IMAGE stream carries no image for a deletion. */
    public static Record remove(String sequenceNumber, Map<String, AttributeValue> key) {
        return record("REMOVE", sequenceNumber, key, null);
    }

    /** A record of {@code eventName} whose new image is {@code newImage}, keyed by its {@code pk} and {@code sk} where it has both. */
    public static Record record(String eventName, String sequenceNumber, Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> keys = newImage.containsKey(Items.PK) && newImage.containsKey(Items.SK)
                ? Map.of(Items.PK, newImage.get(Items.PK), Items.SK, newImage.get(Items.SK)) : Map.of();
        return record(eventName, sequenceNumber, keys, newImage);
    }

    private static Record record(String eventName, String sequenceNumber, Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage) {
        return Record.builder()
                .eventID("event-" + sequenceNumber)
                .eventName(eventName)
                .eventVersion("1.1")
                .eventSource("aws:dynamodb")
                .awsRegion("us-east-1")
                .dynamodb(StreamRecord.builder()
                        .approximateCreationDateTime(CREATED)
                        .keys(keys)
                        .newImage(newImage)
                        .sequenceNumber(sequenceNumber)
                        .sizeBytes(300L)
                        .streamViewType(StreamViewType.NEW_IMAGE)
                        .build())
                .build();
    }

    /** Sequence numbers are decimal strings of equal width, so their string order is stream order. */
    public static String sequence(long n) {
        return String.format("%021d", n);
    }

    /** One record as it appears in the event Lambda sends. */
    public static ObjectNode json(Record record) {
        return LambdaRecords.toJson(record, STREAM_ARN);
    }

    /** The event JSON Lambda sends for {@code records}. */
    public static String eventJson(List<Record> records) {
        return LambdaRecords.toEvent(records, STREAM_ARN);
    }

    /** The event a {@code RequestHandler<DynamodbEvent, ?>} gets for {@code records}. */
    public static DynamodbEvent event(List<Record> records) {
        return LambdaJson.event(records, STREAM_ARN);
    }
}
