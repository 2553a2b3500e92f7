package com.cruddur.messaging.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads what the invariants are about: every row a member has for a conversation, consistently from the table. */
public final class ConversationRowsInTable {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ConversationRowsInTable(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public List<ConversationRow> of(String memberUuid, String groupUuid) {
        List<ConversationRow> rows = new ArrayList<>();
        dynamoDb.queryPaginator(QueryRequest.builder()
                        .tableName(tableName)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .filterExpression("message_group_uuid = :group")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(Keys.conversationsOf(memberUuid)),
                                ":group", AttributeValue.fromS(groupUuid)))
                        .build())
                .items()
                .forEach(item -> rows.add(Items.conversationRow(item)));
        return rows;
    }
}
