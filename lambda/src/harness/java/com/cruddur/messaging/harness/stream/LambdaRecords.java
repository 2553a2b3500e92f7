package com.cruddur.messaging.harness.stream;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A record of the DynamoDB Streams API as Lambda hands it on: the JSON of one element of a DynamoDB
 * event's {@code Records}, which is both what the function receives and what event source mapping
 * filters are matched against. The one conversion from the SDK's stream records to Lambda's event: local
 * mode's pump, the tests' stream reads and their hand-made records ({@link StreamEvents}) all go through it.
 */
public final class LambdaRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaRecords() {
    }

    /** The event Lambda sends for a batch: {@code {"Records": [...]}}. */
    public static String toEvent(List<Record> records, String streamArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(record -> array.add(toJson(record, streamArn)));
        return event.toString();
    }

    /**
     * {@code {"eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb": {"ApproximateCreationDateTime"
     * (epoch seconds), "Keys", "NewImage", "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType"}, "eventSourceARN"}},
     * attribute values in DynamoDB JSON.
     */
    public static ObjectNode toJson(Record record, String streamArn) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventID", record.eventID());
        event.put("eventName", record.eventNameAsString());
        event.put("eventVersion", record.eventVersion());
        event.put("eventSource", "aws:dynamodb");
        event.put("awsRegion", record.awsRegion());
        ObjectNode dynamodb = event.putObject("dynamodb");
        if (record.dynamodb().approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", json(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            dynamodb.set("NewImage", json(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            dynamodb.set("OldImage", json(record.dynamodb().oldImage()));
        }
        dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
        if (record.dynamodb().sizeBytes() != null) {
            dynamodb.put("SizeBytes", record.dynamodb().sizeBytes());
        }
        dynamodb.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
        event.put("eventSourceARN", streamArn);
        return event;
    }

    private static ObjectNode json(Map<String, AttributeValue> image) {
        ObjectNode node = JSON.createObjectNode();
        image.forEach((name, value) -> node.set(name, json(value)));
        return node;
    }

    private static JsonNode json(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case M -> node.set("M", json(value.m()));
            case L -> value.l().forEach(element -> node.withArray("L").add(json(element)));
            case SS -> value.ss().forEach(element -> node.withArray("SS").add(element));
            case NS -> value.ns().forEach(element -> node.withArray("NS").add(element));
            case B -> node.put("B", value.b().asByteArray());
            case BS -> value.bs().forEach(element -> node.withArray("BS").add(element.asByteArray()));
            default -> throw new IllegalArgumentException("unknown attribute value type in " + value);
        }
        return node;
    }
}
