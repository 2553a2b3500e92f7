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
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The DynamoDB edge of pattern E: reads conversation rows (through the GSI, or consistently from the
 * table) and applies a group's {@link RowChange}s with conditional writes in two phases ({@link #apply}).
 *
 * <p>The conditions are what make a stale view harmless: a move writes the new key only if it is free (or
 * already this conversation's row) and deletes the old key only while it is this conversation's row, and a
 * delete that finds nothing tells the caller its view was stale, so the next plan, made from consistent
 * reads, removes whatever duplicate the stale plan left.
 */
public final class ConversationRowStore implements ConversationIndex {

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
     * Applies a group's changes in two phases, each one request of PartiQL statements (at most
     * {@value StatementCoalescer#MAX_STATEMENTS} a request), neither a transaction (which would bill every item twice):
     * <ol>
     *   <li>every new row is inserted where its key is free (a move), every edited row rewritten where it is still this
     *       conversation's (an edit);</li>
     *   <li>then, for the moves whose new row is in place, the old row is deleted, and so is every duplicate, each only
     *       while it is this conversation's row.</li>
     * </ol>
     * So a member is never without a row: between the phases, or after a crash between them, the member has the old
     * row and the new one, and the next attempt's plan removes the older as a duplicate. A key that already holds this
     * conversation's row counts as written (an earlier attempt wrote it); one that holds another conversation's row is a
     * {@link RowKeyCollision}, reported after the other members' rows moved. A rewrite or delete that finds its row gone
     * or taken means the plan was made from a stale view: {@link RowWriteFailure} ({@code STALE}), as are throttled and
     * refused statements ({@code TRANSIENT}, {@code INVALID}). Refuses, before writing anything, a change to an item
     * that is not a conversation row: the processor never writes or deletes a message.
     */
    public void apply(String groupUuid, List<RowChange> changes) {
        apply(groupUuid, changes, direct());
    }

    /** As {@link #apply(String, List)}, each phase's statements sent through {@code statements} (a batch's coalescer). */
    public void apply(String groupUuid, List<RowChange> changes, Statements statements) {
        changes.stream().flatMap(change -> change.touched().stream()).filter(item -> !ConversationPlanner.isConversationRow(item))
                .findFirst().ifPresent(item -> {
                    throw new IllegalArgumentException("refusing to change the item with pk " + item.get(Items.PK)
                            + ": the processor only ever writes GRP# conversation rows");
                });
        List<RowChange> writes = changes.stream().filter(change -> !(change instanceof RowChange.RemoveDuplicate)).toList();
        List<BatchStatementResponse> written = statements.execute(writes.stream().map(change -> change instanceof RowChange.Move move
                ? insert(move.to()) : rewrite(((RowChange.Rewrite) change).image(), groupUuid)).toList());

        List<RowKeyCollision.Collision> collisions = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Map<String, AttributeValue>> deletes = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            String code = errorCode(written.get(i));
            if (writes.get(i) instanceof RowChange.Move move) {
                if ("DuplicateItem".equals(code)) {
                    Map<String, AttributeValue> occupant = itemAt(move.to());
                    String occupantGroup = Optional.ofNullable(occupant.get(Items.MESSAGE_GROUP_UUID)).map(AttributeValue::s).orElse("");
                    if (occupant.isEmpty()) {
                        // Gone again by now: a stale view.
                        code = "ConditionalCheckFailed";
                    } else if (!occupantGroup.equals(groupUuid)) {
                        collisions.add(new RowKeyCollision.Collision(Items.string(move.to(), Items.PK), Items.string(move.to(), Items.SK), occupantGroup));
                        continue;
                    } else {
                        // This conversation's row is already there (an earlier attempt wrote it, or a duplicate sits there): it
                        // takes the planned image.
                        code = occupant.equals(move.to()) ? null : overwrite(move.to(), groupUuid);
                    }
                }
                if (code == null) {
                    deletes.add(move.from());
                }
            }
            codes.add(code);
        }
        failIfAny("writing", codes);

        changes.stream().filter(change -> change instanceof RowChange.RemoveDuplicate)
                .forEach(duplicate -> deletes.add(((RowChange.RemoveDuplicate) duplicate).key()));
        List<BatchStatementResponse> deleted = statements.execute(deletes.stream().map(key -> delete(key, groupUuid)).toList());
        // A delete that removed nothing found its row already gone: the plan was made from a stale view.
        failIfAny("deleting", deleted.stream()
                .map(response -> errorCode(response) == null && !response.hasItem() ? "ConditionalCheckFailed" : errorCode(response)).toList());
        if (!collisions.isEmpty()) {
            throw new RowKeyCollision(collisions);
        }
    }

    /** Fails with what the statements' codes call for, naming the phase and every statement's code (null: it went through). */
    private static void failIfAny(String phase, List<String> codes) {
        if (codes.stream().anyMatch(java.util.Objects::nonNull)) {
            RowWriteFailure.Kind kind = RowWriteFailure.classify(codes);
            throw new RowWriteFailure(kind, phase + " " + codes);
        }
    }

    private static String errorCode(BatchStatementResponse response) {
        return response.error() == null ? null : response.error().codeAsString();
    }

    /** A PartiQL statement and the key of the item it writes (a request may not name a key twice). */
    public record KeyedStatement(BatchStatementRequest request, Map<String, AttributeValue> key) {
    }

    /** Where a phase's statements go: straight to DynamoDB ({@link #direct}), or through a batch's {@link StatementCoalescer}. */
    public interface Statements {
        /** The statements' responses, in order. */
        List<BatchStatementResponse> execute(List<KeyedStatement> statements);
    }

    /** Statements sent as they come (a coalescer nobody else waits on), packed as BatchExecuteStatement allows. */
    public Statements direct() {
        return coalescer(java.time.Duration.ZERO);
    }

    /** A batch's statement coalescer over this store: its conversations' statements share requests. */
    StatementCoalescer coalescer(java.time.Duration linger) {
        return new StatementCoalescer(this::send, linger);
    }

    /** One BatchExecuteStatement request. */
    private List<BatchStatementResponse> send(List<BatchStatementRequest> request) {
        return dynamoDb.batchExecuteStatement(b -> b.statements(request)).responses();
    }

    /** The item at {@code row}'s key now (a consistent read, by Query: the one read action the function has); empty if the key is free. */
    private Map<String, AttributeValue> itemAt(Map<String, AttributeValue> row) {
        List<Map<String, AttributeValue>> items = dynamoDb.query(b -> b.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk = :sk")
                .expressionAttributeNames(Map.of("#pk", Items.PK, "#sk", Items.SK))
                .expressionAttributeValues(Map.of(":pk", row.get(Items.PK), ":sk", row.get(Items.SK)))).items();
        return items.isEmpty() ? Map.of() : items.get(0);
    }

    /** {@code row} written over this conversation's row at its key; the error code if it is not (or no longer) this conversation's. */
    private String overwrite(Map<String, AttributeValue> row, String groupUuid) {
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(row).conditionExpression("#group = :group")
                    .expressionAttributeNames(Map.of("#group", Items.MESSAGE_GROUP_UUID))
                    .expressionAttributeValues(Map.of(":group", Items.s(groupUuid))));
            return null;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return "ConditionalCheckFailed";
        }
    }

    /** {@code row} written where its key is free (PartiQL INSERT fails with DuplicateItem otherwise). */
    private KeyedStatement insert(Map<String, AttributeValue> row) {
        List<String> names = new ArrayList<>(row.keySet());
        String value = names.stream().map(name -> "'" + name.replace("'", "''") + "': ?").collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        return new KeyedStatement(BatchStatementRequest.builder()
                .statement("INSERT INTO " + quotedTable() + " VALUE " + value)
                .parameters(names.stream().map(row::get).toList())
                .build(), Items.key(row));
    }

    /** The shown message's new text on the row at {@code row}'s key, while that row is this conversation's. */
    private KeyedStatement rewrite(Map<String, AttributeValue> row, String groupUuid) {
        return new KeyedStatement(BatchStatementRequest.builder()
                .statement("UPDATE " + quotedTable() + " SET " + Items.MESSAGE + " = ? WHERE " + Items.PK + " = ? AND " + Items.SK + " = ? AND "
                        + Items.MESSAGE_GROUP_UUID + " = ?")
                .parameters(row.get(Items.MESSAGE), row.get(Items.PK), row.get(Items.SK), Items.s(groupUuid))
                .build(), Items.key(row));
    }

    /** The row at {@code key} deleted while it is this conversation's, returning what it deleted (nothing: it was gone already). */
    private KeyedStatement delete(Map<String, AttributeValue> key, String groupUuid) {
        return new KeyedStatement(BatchStatementRequest.builder()
                .statement("DELETE FROM " + quotedTable() + " WHERE " + Items.PK + " = ? AND " + Items.SK + " = ? AND " + Items.MESSAGE_GROUP_UUID
                        + " = ? RETURNING ALL OLD *")
                .parameters(key.get(Items.PK), key.get(Items.SK), Items.s(groupUuid))
                .build(), Items.key(key));
    }

    private String quotedTable() {
        return "\"" + tableName.replace("\"", "\"\"") + "\"";
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(request).items().forEach(items::add);
        return items;
    }
}
