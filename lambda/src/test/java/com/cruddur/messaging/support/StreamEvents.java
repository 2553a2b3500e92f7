package com.cruddur.messaging.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;

/** Builds DynamoDB stream events in the exact model Lambda hands the handler (aws-lambda-java-events). */
public final class StreamEvents {

    private StreamEvents() {
    }

    public static DynamodbEvent batch(List<DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(records));
        return event;
    }

    /** An INSERT record whose new image is {@code item} (an SDK v2 item, as written to the table). */
    public static DynamodbStreamRecord insert(String sequenceNumber, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return record("INSERT", sequenceNumber, toEventImage(item));
    }

    public static DynamodbStreamRecord record(String eventName, String sequenceNumber, Map<String, AttributeValue> newImage) {
        StreamRecord streamRecord = new StreamRecord();
        streamRecord.setSequenceNumber(sequenceNumber);
        streamRecord.setStreamViewType(StreamViewType.NEW_IMAGE);
        streamRecord.setNewImage(newImage);
        if (newImage != null && newImage.containsKey("pk") && newImage.containsKey("sk")) {
            streamRecord.setKeys(Map.of("pk", newImage.get("pk"), "sk", newImage.get("sk")));
        }
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setDynamodb(streamRecord);
        return record;
    }

    /** Sequence numbers are decimal strings of equal width, so their string order is stream order. */
    public static String sequence(long n) {
        return String.format("%021d", n);
    }

    public static Map<String, AttributeValue> toEventImage(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (value.s() == null) {
                throw new IllegalArgumentException("only string attributes occur in messages; " + name + " is " + value);
            }
            image.put(name, new AttributeValue().withS(value.s()));
        });
        return image;
    }
}
