package com.cruddur.messaging.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The DynamoDB edge of the seed: finds the items a seed wrote, and writes or deletes items with
 * BatchWriteItem, retrying unprocessed items with backoff.
 */
public final class SeedStore {

    static final int BATCH_LIMIT = 25;
    static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final LongConsumer pause;

    public SeedStore(DynamoDbClient dynamoDb) {
        this(dynamoDb, SeedStore::sleep);
    }

    /** With the pause before a retry ({@code pause} gets its milliseconds), so tests can run without waiting. */
    SeedStore(DynamoDbClient dynamoDb, LongConsumer pause) {
        this.dynamoDb = dynamoDb;
        this.pause = pause;
    }

    /** Keys of what a seed of this conversation left: its messages (by their derived ids) and both members' rows for it. */
    public List<Map<String, AttributeValue>> seededKeys(SeedConversation seed) {
        Set<String> seededMessages = SeedPlan.messageUuids(seed.groupUuid());
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        query(seed.tableName(), Keys.messagesOf(seed.groupUuid()), null, null).stream()
                .filter(item -> item.containsKey(Items.MESSAGE_UUID) && seededMessages.contains(item.get(Items.MESSAGE_UUID).s()))
                .forEach(item -> keys.add(Items.key(item)));
        for (String member : List.of(seed.first().uuid(), seed.second().uuid())) {
            query(seed.tableName(), Keys.conversationsOf(member), "#group = :group", seed.groupUuid())
                    .forEach(item -> keys.add(Items.key(item)));
        }
        return keys;
    }

    public void put(String tableName, List<Map<String, AttributeValue>> items) {
        write(tableName, items.stream().map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()).toList());
    }

    public void delete(String tableName, List<Map<String, AttributeValue>> keys) {
        write(tableName, keys.stream().map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build()).toList());
    }

    private void write(String tableName, List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH_LIMIT) {
            List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + BATCH_LIMIT));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new IllegalStateException(pending.size() + " writes to " + tableName + " stayed unprocessed after "
                            + MAX_ATTEMPTS + " attempts (throttled?)");
                }
                if (attempt > 1) {
                    pause.accept(Math.min(2_000L, 50L << attempt));
                }
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(tableName, batch)));
                pending = response.unprocessedItems().getOrDefault(tableName, List.of());
            }
        }
    }

    private List<Map<String, AttributeValue>> query(String tableName, String pk, String filter, String groupUuid) {
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .consistentRead(true)
                .keyConditionExpression("#pk = :pk");
        if (filter == null) {
            request.expressionAttributeNames(Map.of("#pk", Items.PK)).expressionAttributeValues(Map.of(":pk", Items.s(pk)));
        } else {
            request.filterExpression(filter)
                    .expressionAttributeNames(Map.of("#pk", Items.PK, "#group", Items.MESSAGE_GROUP_UUID))
                    .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":group", Items.s(groupUuid)));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(request.build()).items().forEach(items::add);
        return items;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed writes", e);
        }
    }
}
