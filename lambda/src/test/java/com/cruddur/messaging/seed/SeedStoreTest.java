package com.cruddur.messaging.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.harness.LocalDynamoDb;
import com.cruddur.messaging.support.RequestCounter;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The seed's batch writer against DynamoDB Local, with throttling played by the SDK's interceptor hook:
 * DynamoDB Local only receives part of each batch and the client is told the rest was unprocessed,
 * exactly as DynamoDB answers a throttled BatchWriteItem.
 */
class SeedStoreTest {

    private final String table = LocalDynamoDb.shared().newMessagesTable();
    /** The pauses the store asked for before its retries, in milliseconds: recorded instead of waited. */
    private final List<Long> pauses = new ArrayList<>();

    @Test
    void unprocessedItemsAreRetriedUntilEveryItemIsWritten() {
        Throttling throttling = new Throttling(10, 3);
        RequestCounter requests = new RequestCounter();
        DynamoDbClient dynamoDb = LocalDynamoDb.shared().client(requests, throttling);

        new SeedStore(dynamoDb, pauses::add).put(table, items(60));

        assertEquals(60, dynamoDb.scan(b -> b.tableName(table)).count());
        assertEquals(3, throttling.throttledCalls);
        assertTrue(requests.of("BatchWriteItem") > 3, "retries were sent: " + requests.snapshot());
        assertEquals(List.of(200L, 400L), pauses, "a growing pause before each retry");
    }

    @Test
    void writesThatStayUnprocessedFailNamingTheTable() {
        DynamoDbClient dynamoDb = LocalDynamoDb.shared().client(new Throttling(0, Integer.MAX_VALUE));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> new SeedStore(dynamoDb, pauses::add).put(table, items(3)));

        assertTrue(failure.getMessage().contains("3 writes to " + table + " stayed unprocessed"), failure.getMessage());
    }

    private static List<Map<String, AttributeValue>> items(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Map.of(Items.PK, Items.s("MSG#seed-store-test"), Items.SK, Items.s(String.format("%04d", i))))
                .toList();
    }

    /** Lets only the first {@code accepted} writes of each of the first {@code calls} batches through; reports the rest unprocessed. */
    private static final class Throttling implements ExecutionInterceptor {
        private final int accepted;
        private final int calls;
        private int throttledCalls;
        private Map<String, List<WriteRequest>> dropped = Map.of();

        Throttling(int accepted, int calls) {
            this.accepted = accepted;
            this.calls = calls;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest request) || throttledCalls >= calls) {
                dropped = Map.of();
                return context.request();
            }
            throttledCalls++;
            String tableName = request.requestItems().keySet().iterator().next();
            List<WriteRequest> writes = request.requestItems().get(tableName);
            int kept = Math.min(accepted, writes.size());
            dropped = Map.of(tableName, new ArrayList<>(writes.subList(kept, writes.size())));
            // DynamoDB rejects an empty batch; a fully throttled call still sends one write and reports all unprocessed.
            List<WriteRequest> sent = kept == 0 ? writes.subList(0, 1) : writes.subList(0, kept);
            if (kept == 0) {
                dropped = Map.of(tableName, new ArrayList<>(writes));
            }
            return request.toBuilder().requestItems(Map.of(tableName, sent)).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (context.response() instanceof BatchWriteItemResponse response && !dropped.isEmpty()) {
                return response.toBuilder().unprocessedItems(dropped).build();
            }
            return context.response();
        }
    }
}
