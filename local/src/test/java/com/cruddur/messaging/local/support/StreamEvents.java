package com.cruddur.messaging.local.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB stream events in the JSON Lambda delivers to a function (the documented shape: {@code Records},
 * each with {@code eventName}, {@code dynamodb.Keys/NewImage/SequenceNumber/ApproximateCreationDateTime} in
 * epoch seconds, and {@code eventSourceARN}), written independently of local mode's own conversion.
 */
public final class StreamEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/cruddur-messages/stream/2026-11-24T00:00:00.000";

    private StreamEvents() {
    }

    public static String batch(ObjectNode... records) {
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").addAll(List.of(records));
        return event.toString();
    }

    public static ObjectNode insert(String sequenceNumber, Message message) {
        return record(sequenceNumber, Items.item(message));
    }

    /** A message item whose sort key is {@code sortKey}, whatever that is. */
    public static ObjectNode insertWithSortKey(String sequenceNumber, String groupUuid, String sortKey) {
        Map<String, AttributeValue> item = new TreeMap<>(Items.item(new Message(groupUuid, "0f4c2a2e-8d0b-4a8e-9c57-2b7d3f1e6a12",
                "2026-11-24T10:06:00.000000+00:00", "a message with a broken sort key",
                new com.cruddur.messaging.contract.User("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops"))));
        item.put(Items.SK, AttributeValue.fromS(sortKey));
        return record(sequenceNumber, item);
    }

    /** An INSERT record of {@code item} (string attributes), with the given sequence number. */
    public static ObjectNode record(String sequenceNumber, Map<String, AttributeValue> item) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventID", "event-" + sequenceNumber);
        record.put("eventName", "INSERT");
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", "us-east-1");
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", 1764000000L);
        ObjectNode keys = dynamodb.putObject("Keys");
        keys.putObject(Items.PK).put("S", item.get(Items.PK).s());
        keys.putObject(Items.SK).put("S", item.get(Items.SK).s());
        ObjectNode image = dynamodb.putObject("NewImage");
        item.forEach((name, value) -> image.putObject(name).put("S", value.s()));
        dynamodb.put("SequenceNumber", sequenceNumber);
        dynamodb.put("SizeBytes", 300);
        dynamodb.put("StreamViewType", "NEW_IMAGE");
        record.put("eventSourceARN", STREAM_ARN);
        return record;
    }
}
