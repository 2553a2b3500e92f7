package com.cruddur.messaging.stream;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Where the processor first looks for a conversation's rows: the GSI, which may lag behind the table. */
@FunctionalInterface
public interface ConversationIndex {

    List<Map<String, AttributeValue>> rowsOf(String groupUuid);
}
