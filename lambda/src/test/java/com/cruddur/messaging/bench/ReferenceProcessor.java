package com.cruddur.messaging.bench;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.cruddur.messaging.contract.Items;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A faithful Java re-implementation of the reference processor (the Python Lambda pasted into the
 * console), for side-by-side measurement only: it reads {@code Records[0]}, skips REMOVE, acts on
 * {@code MSG#} keys, queries the GSI and, for every row found, deletes the old row and puts the new
 * one in two separate calls, with no time check.
 */
final class ReferenceProcessor {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    ReferenceProcessor(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    void handle(DynamodbEvent event) {
        DynamodbStreamRecord record = event.getRecords().get(0);
        if ("REMOVE".equals(record.getEventName())) {
            return;
        }
        var image = record.getDynamodb().getNewImage();
        String pk = image.get(Items.PK).getS();
        if (!pk.startsWith("MSG#")) {
            return;
        }
        String group = pk.substring(4);
        String createdAt = image.get(Items.SK).getS();
        String text = image.get(Items.MESSAGE).getS();
        List<Map<String, AttributeValue>> rows = dynamoDb.query(b -> b.tableName(tableName)
                .indexName(Items.MESSAGE_GROUP_INDEX)
                .keyConditionExpression("message_group_uuid = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group)))).items();
        for (Map<String, AttributeValue> row : rows) {
            dynamoDb.deleteItem(b -> b.tableName(tableName).key(Items.key(row)));
            Map<String, AttributeValue> moved = new java.util.HashMap<>(row);
            moved.put(Items.SK, AttributeValue.fromS(createdAt));
            moved.put(Items.MESSAGE, AttributeValue.fromS(text));
            dynamoDb.putItem(b -> b.tableName(tableName).item(moved));
        }
    }
}
