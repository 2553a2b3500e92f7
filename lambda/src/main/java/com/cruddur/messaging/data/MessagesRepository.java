package com.cruddur.messaging.data;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.MessageText;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Access patterns A–D of SPEC §2 against the messages table. Pattern E (keeping conversation rows
 * fresh) is the stream processor's job, so creating a message here never touches conversation rows.
 */
public final class MessagesRepository {

    public static final int PAGE_SIZE = 20;
    private static final String NEW_KEY_ONLY = "attribute_not_exists(" + Items.PK + ")";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public MessagesRepository(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    /**
     * A: the newest {@value #PAGE_SIZE} messages of a conversation (or the page after {@code from}), oldest
     * first. DynamoDB pages by the string order of {@code sk}; within a page, messages other writers keyed
     * with another offset are put in the order of their instants.
     */
    public Page<Message> listMessages(String groupUuid, Optional<Map<String, AttributeValue>> from) {
        Page<Message> newestFirst = query(Keys.messagesOf(groupUuid), from, Items::message);
        List<Message> oldestFirst = new ArrayList<>(newestFirst.items());
        oldestFirst.sort(Comparator.comparing(message -> Timestamps.parse(message.createdAt())));
        return new Page<>(oldestFirst, newestFirst.next());
    }

    /** B: a user's conversations, the one with the newest message first (by instant within a page), {@value #PAGE_SIZE} per page. */
    public Page<ConversationRow> listConversations(String userUuid, Optional<Map<String, AttributeValue>> from) {
        Page<ConversationRow> page = query(Keys.conversationsOf(userUuid), from, Items::conversationRow);
        List<ConversationRow> newestFirst = new ArrayList<>(page.items());
        newestFirst.sort(Comparator.comparing((ConversationRow row) -> Timestamps.parse(row.lastMessageAt())).reversed());
        return new Page<>(newestFirst, page.next());
    }

    /** C: a new message in an existing conversation. */
    public Message createMessage(String groupUuid, User sender, String text) {
        Message message = newMessage(groupUuid, sender, text);
        dynamoDb.putItem(PutItemRequest.builder()
                .tableName(tableName)
                .item(Items.item(message))
                .conditionExpression(NEW_KEY_ONLY)
                .build());
        return message;
    }

    /**
     * D: a new conversation — both members' rows and the first message, written together in one
     * transaction so no reader ever sees half a conversation.
     */
    public Message createConversation(User sender, User recipient, String text) {
        return createConversation(UUID.randomUUID().toString(), sender, recipient, text);
    }

    /** D with a given group id (seed data and tests need deterministic ids). */
    public Message createConversation(String groupUuid, User sender, User recipient, String text) {
        Message first = newMessage(groupUuid, sender, text);
        ConversationRow senderRow = new ConversationRow(sender.uuid(), groupUuid, first.createdAt(), text, recipient);
        ConversationRow recipientRow = new ConversationRow(recipient.uuid(), groupUuid, first.createdAt(), text, sender);
        dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                newItem(Items.item(senderRow)),
                newItem(Items.item(recipientRow)),
                newItem(Items.item(first))).build());
        return first;
    }

    private Message newMessage(String groupUuid, User sender, String text) {
        return new Message(groupUuid, UUID.randomUUID().toString(), Timestamps.format(clock.instant()),
                MessageText.require(text), sender);
    }

    private TransactWriteItem newItem(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(tableName).item(item).conditionExpression(NEW_KEY_ONLY).build())
                .build();
    }

    private <T> Page<T> query(String pk, Optional<Map<String, AttributeValue>> from, Function<Map<String, AttributeValue>, T> mapper) {
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Items.PK))
                .expressionAttributeValues(Map.of(":pk", Items.s(pk)))
                .scanIndexForward(false)
                .limit(PAGE_SIZE);
        from.ifPresent(request::exclusiveStartKey);
        QueryResponse response = dynamoDb.query(request.build());
        Optional<Map<String, AttributeValue>> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey())
                : Optional.empty();
        return new Page<>(response.items().stream().map(mapper).toList(), next);
    }
}
