package com.cruddur.messaging.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;
import com.cruddur.messaging.contract.MessageText;
import com.cruddur.messaging.contract.Timestamps;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The DynamoDB edge of pattern E: reads conversation rows (through the GSI, or consistently from the
 * table) and applies a group's {@link RowChange}s in one conditional transaction.
 *
 * <p>The conditions are what make a stale view harmless: a move deletes the old key only if it still
 * exists and writes the new key only if it is free (or already this conversation's row), so a plan
 * made from an outdated GSI read cancels the whole transaction instead of leaving a duplicate.
 */
public final class ConversationRowStore implements ConversationIndex {

    private static final String ROW_EXISTS = "attribute_exists(#pk)";
    private static final String KEY_FREE_OR_SAME_GROUP = "attribute_not_exists(#pk) OR #group = :group";
    private static final String ROW_OF_GROUP = "attribute_exists(#pk) AND #group = :group";
    /**
     * How far the instant of a sort key can lie from its digits read as UTC: Java accepts offsets up to
     * +-18:00. Scanning a partition newest-first in string order, once the digits of the last key read are
     * this much (and a second) older than the newest instant found, no key further on can name a newer instant.
     */
    static final Duration WIDEST_OFFSET = Duration.ofHours(18).plusSeconds(1);
    static final int MESSAGE_PAGE = 100;
    static final int MEMBER_ROWS_PAGE = 25;
    static final int MEMBER_ROWS_READ = 100;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ConversationRowStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The group's rows as the GSI sees them (eventually consistent). */
    @Override
    public List<Map<String, AttributeValue>> rowsOf(String groupUuid) {
        return queryAll(QueryRequest.builder()
                .tableName(tableName)
                .indexName(Items.MESSAGE_GROUP_INDEX)
                .keyConditionExpression("#group = :group")
                .expressionAttributeNames(Map.of("#group", Items.MESSAGE_GROUP_UUID))
                .expressionAttributeValues(Map.of(":group", Items.s(groupUuid)))
                .build());
    }

    /**
     * The group's rows in the given members' partitions, read consistently from the table. A member may be in
     * thousands of conversations, so each partition is read newest first and only until a page holds a row
     * of the group, at most {@value #MEMBER_ROWS_READ} rows: the rows this is called for (a conversation the
     * index has not seen yet, a row another writer just moved) are at the top of their partition.
     */
    public List<Map<String, AttributeValue>> currentRows(String groupUuid, Collection<String> memberPartitions) {
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        for (String pk : memberPartitions) {
            Map<String, AttributeValue> startKey = null;
            int read = 0;
            List<Map<String, AttributeValue>> found = List.of();
            do {
                QueryRequest.Builder request = QueryRequest.builder()
                        .tableName(tableName)
                        .consistentRead(true)
                        .keyConditionExpression("#pk = :pk")
                        .filterExpression("#group = :group")
                        .expressionAttributeNames(Map.of("#pk", Items.PK, "#group", Items.MESSAGE_GROUP_UUID))
                        .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":group", Items.s(groupUuid)))
                        .scanIndexForward(false)
                        .limit(MEMBER_ROWS_PAGE);
                if (startKey != null) {
                    request.exclusiveStartKey(startKey);
                }
                QueryResponse page = dynamoDb.query(request.build());
                read += page.scannedCount();
                found = page.items();
                rows.addAll(found);
                startKey = nextPage(page);
            } while (found.isEmpty() && startKey != null && read < MEMBER_ROWS_READ);
        }
        return rows;
    }

    /**
     * The conversation's newest message by instant, as the table holds it now (a consistent read), or empty
     * if none remains. Keys in other offset forms do not sort in time order, so it reads newest-first until
     * no unread key can be newer ({@link #WIDEST_OFFSET}); keys that are no date-time are passed over.
     */
    public Optional<NewMessage> newestMessage(String groupUuid) {
        NewMessage newest = null;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .consistentRead(true)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", Items.PK))
                    .expressionAttributeValues(Map.of(":pk", Items.s(Keys.messagesOf(groupUuid))))
                    .scanIndexForward(false)
                    .limit(MESSAGE_PAGE);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamoDb.query(request.build());
            for (Map<String, AttributeValue> item : page.items()) {
                Optional<NewMessage> message = asMessage(groupUuid, item);
                if (message.isPresent() && (newest == null || message.get().at().isAfter(newest.at()))) {
                    newest = message.get();
                }
            }
            startKey = nextPage(page);
            Instant newestSoFar = newest == null ? null : newest.at();
            if (startKey != null && newestSoFar != null
                    && digitsAsUtc(startKey).map(last -> last.plus(WIDEST_OFFSET).isBefore(newestSoFar)).orElse(false)) {
                startKey = null;
            }
        } while (startKey != null);
        return Optional.ofNullable(newest);
    }

    /** Where the next page starts, or null after the last page. */
    private static Map<String, AttributeValue> nextPage(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    }

    private static Optional<NewMessage> asMessage(String groupUuid, Map<String, AttributeValue> item) {
        try {
            String sk = Items.string(item, Items.SK);
            AttributeValue sender = item.get(Items.USER_UUID);
            return Optional.of(new NewMessage(groupUuid, sk, Timestamps.parse(sk), MessageText.require(Items.string(item, Items.MESSAGE)),
                    sender == null || sender.s() == null ? "" : sender.s(), ""));
        } catch (IllegalArgumentException notAMessage) {
            return Optional.empty();
        }
    }

    /** The sort key's date and time digits read as if they were UTC, whatever its offset. */
    private static Optional<Instant> digitsAsUtc(Map<String, AttributeValue> key) {
        try {
            return Optional.of(OffsetDateTime.parse(Items.string(key, Items.SK)).toLocalDateTime().toInstant(ZoneOffset.UTC));
        } catch (RuntimeException notADateTime) {
            return Optional.empty();
        }
    }

    /**
     * Applies all of a group's changes atomically; throws {@code TransactionCanceledException} if any condition
     * fails. Refuses, before writing anything, a change to an item that is not a conversation row: the
     * processor never writes or deletes a message.
     */
    public void apply(String groupUuid, List<RowChange> changes) {
        changes.stream().flatMap(change -> change.touched().stream()).filter(item -> !ConversationPlanner.isConversationRow(item))
                .findFirst().ifPresent(item -> {
                    throw new IllegalArgumentException("refusing to change the item with pk " + item.get(Items.PK)
                            + ": the processor only ever writes GRP# conversation rows");
                });
        List<TransactWriteItem> writes = new ArrayList<>();
        for (RowChange change : changes) {
            if (change instanceof RowChange.Move move) {
                writes.add(delete(move.from()));
                writes.add(put(move.to(), KEY_FREE_OR_SAME_GROUP, groupUuid));
            } else if (change instanceof RowChange.Rewrite rewrite) {
                writes.add(put(rewrite.image(), ROW_OF_GROUP, groupUuid));
            } else if (change instanceof RowChange.RemoveDuplicate duplicate) {
                writes.add(delete(duplicate.key()));
            }
        }
        try {
            dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            List<RowKeyCollision.Collision> collisions = collisions(groupUuid, writes, e);
            throw collisions.isEmpty() ? e : new RowKeyCollision(collisions, e);
        }
    }

    /**
     * The moves whose new key is taken by another conversation's row of the same member (two conversations
     * ending on the same instant): a failed condition on a put whose key holds a row of another group.
     */
    private List<RowKeyCollision.Collision> collisions(String groupUuid, List<TransactWriteItem> writes, TransactionCanceledException e) {
        List<RowKeyCollision.Collision> collisions = new ArrayList<>();
        if (!e.hasCancellationReasons()) {
            return collisions;
        }
        for (int i = 0; i < Math.min(writes.size(), e.cancellationReasons().size()); i++) {
            Put put = writes.get(i).put();
            if (put == null || !"ConditionalCheckFailed".equals(e.cancellationReasons().get(i).code())) {
                continue;
            }
            Map<String, AttributeValue> occupant = dynamoDb.getItem(b -> b.tableName(tableName).key(Items.key(put.item())).consistentRead(true)).item();
            AttributeValue otherGroup = occupant == null ? null : occupant.get(Items.MESSAGE_GROUP_UUID);
            if (otherGroup != null && !groupUuid.equals(otherGroup.s())) {
                collisions.add(new RowKeyCollision.Collision(put.item().get(Items.PK).s(), put.item().get(Items.SK).s(), otherGroup.s()));
            }
        }
        return collisions;
    }

    /** A put of a row of {@code groupUuid} under {@code condition} (which names #pk, #group and :group). */
    private TransactWriteItem put(Map<String, AttributeValue> row, String condition, String groupUuid) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(row)
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#pk", Items.PK, "#group", Items.MESSAGE_GROUP_UUID))
                .expressionAttributeValues(Map.of(":group", Items.s(groupUuid)))
                .build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder()
                .tableName(tableName)
                .key(key)
                .conditionExpression(ROW_EXISTS)
                .expressionAttributeNames(Map.of("#pk", Items.PK))
                .build()).build();
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(request).items().forEach(items::add);
        return items;
    }
}
