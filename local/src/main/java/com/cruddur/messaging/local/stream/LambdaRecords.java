package com.cruddur.messaging.local.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A record of the DynamoDB Streams API in the two shapes Lambda uses: the event model the handler
 * receives, and the JSON that event source mapping filters are matched against.
 */
final class LambdaRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaRecords() {
    }

    static DynamodbStreamRecord toEvent(Record record, String streamArn) {
        StreamRecord stream = new StreamRecord()
                .withSequenceNumber(record.dynamodb().sequenceNumber())
                .withKeys(eventImage(record.dynamodb().keys()))
                .withApproximateCreationDateTime(record.dynamodb().approximateCreationDateTime() == null ? null
                        : java.util.Date.from(record.dynamodb().approximateCreationDateTime()));
        if (record.dynamodb().streamViewTypeAsString() != null) {
            stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
                    record.dynamodb().streamViewTypeAsString()));
        }
        if (record.dynamodb().hasNewImage()) {
            stream.setNewImage(eventImage(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            stream.setOldImage(eventImage(record.dynamodb().oldImage()));
        }
        DynamodbStreamRecord event = new DynamodbStreamRecord();
        event.setEventSourceARN(streamArn);
        event.setEventID(record.eventID());
        event.setEventName(record.eventNameAsString());
        event.setEventSource("aws:dynamodb");
        event.setEventVersion(record.eventVersion());
        event.setAwsRegion(record.awsRegion());
        event.setDynamodb(stream);
        return event;
    }

    /** {"eventName": ..., "dynamodb": {"Keys": ..., "NewImage": ..., "OldImage": ...}} with DynamoDB-JSON values. */
    static JsonNode toFilterJson(Record record) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventName", record.eventNameAsString());
        ObjectNode dynamodb = event.putObject("dynamodb");
        dynamodb.set("Keys", json(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            dynamodb.set("NewImage", json(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            dynamodb.set("OldImage", json(record.dynamodb().oldImage()));
        }
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

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> eventImage(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> converted = new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, eventValue(value)));
        return converted;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue eventValue(AttributeValue value) {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(true);
            case M -> converted.setM(eventImage(value.m()));
            case L -> {
                List<com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> list = new ArrayList<>();
                value.l().forEach(element -> list.add(eventValue(element)));
                converted.setL(list);
            }
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case B -> converted.setB(value.b().asByteBuffer());
            case BS -> converted.setBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
            default -> throw new IllegalArgumentException("unknown attribute value type in " + value);
        }
        return converted;
    }
}
