package com.cruddur.messaging.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.cruddur.messaging.contract.Items;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Counts the capacity a DynamoDB client consumes, table and GSI apart. It asks for
 * {@code ReturnConsumedCapacity=INDEXES} on every data request and takes what DynamoDB Local reports where Local bills
 * as DynamoDB does; it also computes every write by {@link CapacityRules} from the items themselves (a model of the
 * table's items, kept from the writes it sees, gives the item a put replaces or a delete removes) and checks the two
 * agree. For a {@code TransactWriteItems} Local's figure is not DynamoDB's (DynamoDB bills two writes per item; Local
 * reports fewer than one), so transactions are billed as computed, table and index; so are PartiQL writes
 * ({@link PartiqlWrite}), for which Local reports nothing. Operations the meter does not model (UpdateItem, Scan,
 * ExecuteTransaction...) are recorded in {@link #unmodeled()}, and the benchmark refuses figures that miss them.
 */
final class CapacityMeter implements ExecutionInterceptor {

    /** The four capacities, and whether any part of each was computed rather than reported by DynamoDB Local. */
    record Capacity(double readTable, double readIndex, double writeTable, double writeIndex,
                    boolean readTableComputed, boolean readIndexComputed, boolean writeTableComputed, boolean writeIndexComputed) {
    }

    private double readTable;
    private double readIndex;
    private double writeTable;
    private double writeIndex;
    private boolean writesComputed;
    private int failedRequests;
    private int checked;
    private int readsChecked;
    private int statements;
    private final Set<String> unmodeled = new TreeSet<>();
    /** Each way DynamoDB Local's figure differed from the rules, with how often. */
    private final Map<String, Integer> disagreements = new TreeMap<>();
    /** The table's items as this client's writes left them: table name and key → item. */
    private final Map<String, Map<String, AttributeValue>> items = new HashMap<>();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof BatchGetItemRequest batchGet) {
            return batchGet.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof PutItemRequest put) {
            return put.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof DeleteItemRequest delete) {
            return delete.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof BatchWriteItemRequest batchWrite) {
            return batchWrite.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof BatchExecuteStatementRequest statements) {
            return statements.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof ExecuteStatementRequest statement) {
            return statement.toBuilder().returnConsumedCapacity(indexes).build();
        }
        if (request instanceof ExecuteTransactionRequest transaction) {
            return transaction.toBuilder().returnConsumedCapacity(indexes).build();
        }
        return request;
    }

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        Object response = context.response();
        if (response instanceof QueryResponse query) {
            measuredRead(query.consumedCapacity());
            QueryRequest queryRequest = (QueryRequest) request;
            if (queryRequest.filterExpression() == null) {
                // Without a filter the items returned are the items read (with a filter DynamoDB bills the unreturned ones too).
                long bytes = query.items().stream().mapToLong(CapacityRules::itemSize).sum();
                double computed = CapacityRules.readUnits(bytes, Boolean.TRUE.equals(queryRequest.consistentRead()));
                checkRead(query.consumedCapacity().capacityUnits(), computed);
            }
        } else if (response instanceof GetItemResponse get) {
            measuredRead(get.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse batchGet) {
            batchGet.consumedCapacity().forEach(this::measuredRead);
        } else if (response instanceof PutItemResponse put) {
            PutItemRequest putRequest = (PutItemRequest) request;
            long[] computed = put(putRequest.tableName(), putRequest.item());
            measuredWrite("PutItem", put.consumedCapacity(), computed);
        } else if (response instanceof DeleteItemResponse delete) {
            DeleteItemRequest deleteRequest = (DeleteItemRequest) request;
            long[] computed = delete(deleteRequest.tableName(), deleteRequest.key());
            measuredWrite("DeleteItem", delete.consumedCapacity(), computed);
        } else if (response instanceof BatchWriteItemResponse batchWrite) {
            batchWrite((BatchWriteItemRequest) request, batchWrite);
        } else if (response instanceof TransactWriteItemsResponse transaction) {
            transaction((TransactWriteItemsRequest) request, transaction);
        } else if (response instanceof BatchExecuteStatementResponse batch) {
            List<BatchStatementRequest> statements = ((BatchExecuteStatementRequest) request).statements();
            long[] computed = new long[2];
            for (int i = 0; i < statements.size(); i++) {
                BatchStatementResponse result = batch.responses().get(i);
                long[] one = statement(statements.get(i).statement(), statements.get(i).parameters(),
                        result.error() == null ? null : result.error().codeAsString(), result.hasItem());
                computed[0] += one[0];
                computed[1] += one[1];
            }
            partiql("BatchExecuteStatement", batch.hasConsumedCapacity() ? batch.consumedCapacity() : List.of(), computed);
        } else if (response instanceof ExecuteStatementResponse single) {
            ExecuteStatementRequest statement = (ExecuteStatementRequest) request;
            long[] computed = statement(statement.statement(), statement.parameters(), null, single.hasItems() && !single.items().isEmpty());
            partiql("ExecuteStatement", single.consumedCapacity() == null ? List.of() : List.of(single.consumedCapacity()), computed);
        } else if (!CONTROL_PLANE.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            // UpdateItem, Scan, ExecuteTransaction, TransactGetItems...: not modeled. Recorded, so the benchmark refuses to print a figure.
            unmodeled.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    /** What the meter does not bill (the table and index definitions, not their items). */
    private static final Set<String> CONTROL_PLANE = Set.of("CreateTable", "DeleteTable", "DescribeTable", "ListTables", "UpdateTable");

    /** Operations and statements the meter saw but cannot bill: any makes its figures incomplete. */
    synchronized Set<String> unmodeled() {
        return new TreeSet<>(unmodeled);
    }

    /**
     * A PartiQL write, billed as the single-item write it performs (an INSERT as a put that needs a free key, an UPDATE as an
     * update, a DELETE as a delete). Whether it took effect is read off the model of the table (an INSERT where the key is free,
     * an UPDATE or DELETE where the item exists and matches every condition of the WHERE) and checked against what DynamoDB Local
     * answered. One that did not take effect is billed as a failed conditional write: the size of the item it would have written
     * (or that is there), 1 unit where there is no item; nothing for the index.
     */
    private long[] statement(String text, List<AttributeValue> parameters, String errorCode, boolean returnedItem) {
        Optional<PartiqlWrite> parsed = PartiqlWrite.parse(text, parameters);
        if (parsed.isEmpty()) {
            unmodeled.add("PartiQL statement " + text);
            return new long[2];
        }
        PartiqlWrite write = parsed.get();
        statements++;
        String key = key(write.table(), write.key(Items.PK, Items.SK));
        Map<String, AttributeValue> before = items.get(key);
        boolean matches = before != null && write.where().entrySet().stream().allMatch(condition -> condition.getValue().equals(before.get(condition.getKey())));
        long[] units;
        boolean applied;
        switch (write.kind()) {
            case INSERT -> {
                applied = before == null;
                units = applied ? new long[] {CapacityRules.putUnits(null, write.values()),
                        CapacityRules.indexWriteUnits(null, write.values(), CapacityRules.MESSAGE_GROUP_INDEX_KEYS)}
                        : new long[] {CapacityRules.writeUnits(CapacityRules.itemSize(write.values())), 0};
                if (applied) {
                    items.put(key, Map.copyOf(write.values()));
                }
            }
            case UPDATE -> {
                applied = matches;
                Map<String, AttributeValue> after = before == null ? null : new HashMap<>(before);
                if (after != null) {
                    after.putAll(write.values());
                }
                units = applied ? new long[] {CapacityRules.putUnits(before, after),
                        CapacityRules.indexWriteUnits(before, after, CapacityRules.MESSAGE_GROUP_INDEX_KEYS)}
                        : new long[] {after == null ? 1 : CapacityRules.writeUnits(CapacityRules.itemSize(after)), 0};
                if (applied) {
                    items.put(key, Map.copyOf(after));
                }
            }
            default -> {
                applied = matches;
                units = applied ? new long[] {CapacityRules.deleteUnits(before),
                        CapacityRules.indexWriteUnits(before, null, CapacityRules.MESSAGE_GROUP_INDEX_KEYS)}
                        : new long[] {CapacityRules.deleteUnits(before), 0};
                if (applied) {
                    items.remove(key);
                }
            }
        }
        boolean localApplied = errorCode == null && (write.kind() != PartiqlWrite.Kind.DELETE || !text.toUpperCase(Locale.ROOT).contains("RETURNING")
                || returnedItem);
        if (applied != localApplied) {
            disagreements.merge(String.format(Locale.ROOT, "PartiQL %s: the model says %s, DynamoDB Local %s", write.kind(),
                    applied ? "applied" : "not applied", errorCode == null ? (localApplied ? "applied" : "nothing done") : errorCode), 1, Integer::sum);
        }
        return units;
    }

    /** A PartiQL request: DynamoDB Local 3.3.1 reports no consumed capacity for it, so it is billed as computed (checked if Local reports). */
    private void partiql(String operation, List<ConsumedCapacity> reported, long[] computed) {
        if (reported.isEmpty()) {
            writeTable += computed[0];
            writeIndex += computed[1];
            writesComputed = true;
            return;
        }
        double table = reported.stream().mapToDouble(consumed -> consumed.table() == null ? 0 : consumed.table().capacityUnits()).sum();
        double index = reported.stream().mapToDouble(CapacityMeter::indexUnits).sum();
        writeTable += table;
        writeIndex += index;
        check(operation, table, index, computed[0], computed[1]);
    }

    @Override
    public synchronized void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        // DynamoDB bills a failed conditional write too; none is expected in the benchmark, so it is counted and shown, not priced.
        failedRequests++;
    }

    /** Zeroes the figures (the model of the items stays: setup writes are what the measured writes replace). */
    synchronized void reset() {
        readTable = 0;
        readIndex = 0;
        writeTable = 0;
        writeIndex = 0;
        writesComputed = false;
        failedRequests = 0;
    }

    synchronized Capacity capacity() {
        return new Capacity(readTable, readIndex, writeTable, writeIndex, false, false, writesComputed, writesComputed);
    }

    synchronized int failedRequests() {
        return failedRequests;
    }

    /** How many requests were checked against the rules, and how DynamoDB Local billed the others. */
    synchronized String agreement() {
        int differing = disagreements.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d of %d requests (%d writes, %d unfiltered queries) reported by DynamoDB Local exactly as the rules compute them"
                        + " (transactions counted at one write per item)", checked + readsChecked - differing, checked + readsChecked,
                checked, readsChecked));
        if (statements > 0) {
            text.append(String.format(Locale.ROOT, "; %d PartiQL write statements billed as computed (Local reports no capacity for"
                    + " PartiQL), each checked to take effect exactly where Local's answer says it did", statements));
        }
        disagreements.forEach((how, count) -> text.append(String.format(Locale.ROOT, "; %d× %s", count, how)));
        return text.toString();
    }

    /** Adds this meter's checks against the rules to {@code total}'s (to report them once for many clients). */
    synchronized void addChecksTo(CapacityMeter total) {
        synchronized (total) {
            total.checked += checked;
            total.readsChecked += readsChecked;
            total.statements += statements;
            disagreements.forEach((how, count) -> total.disagreements.merge(how, count, Integer::sum));
        }
    }

    private void measuredRead(ConsumedCapacity consumed) {
        requireReported(consumed);
        readTable += consumed.table() == null ? 0 : consumed.table().capacityUnits();
        readIndex += indexUnits(consumed);
    }

    /** A non-transactional write: Local's figures are billed; the computed ones must agree. */
    private void measuredWrite(String operation, ConsumedCapacity consumed, long[] computed) {
        requireReported(consumed);
        double table = consumed.table() == null ? 0 : consumed.table().capacityUnits();
        double index = indexUnits(consumed);
        writeTable += table;
        writeIndex += index;
        check(operation, table, index, computed[0], computed[1]);
    }

    private void batchWrite(BatchWriteItemRequest request, BatchWriteItemResponse response) {
        long[] computed = new long[2];
        for (Map.Entry<String, List<WriteRequest>> table : request.requestItems().entrySet()) {
            List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(table.getKey(), List.of());
            for (WriteRequest write : table.getValue()) {
                if (unprocessed.contains(write)) {
                    continue;
                }
                long[] one = write.putRequest() != null ? put(table.getKey(), write.putRequest().item())
                        : delete(table.getKey(), write.deleteRequest().key());
                computed[0] += one[0];
                computed[1] += one[1];
            }
        }
        double table = 0;
        double index = 0;
        for (ConsumedCapacity consumed : response.consumedCapacity()) {
            table += consumed.table() == null ? 0 : consumed.table().capacityUnits();
            index += indexUnits(consumed);
        }
        writeTable += table;
        writeIndex += index;
        check("BatchWriteItem", table, index, computed[0], computed[1]);
    }

    /**
     * A transaction: DynamoDB bills two table writes per item (prepare and commit). The index is maintained after the commit,
     * not inside the transaction, so its writes count once. DynamoDB Local's own figure is checked against the rules at one
     * write per item, but not used: Local 3.3.1 reports a move of two rows (two deletes, two puts) as 2 + 2 units, where
     * even one write per item gives 4 + 4.
     */
    private void transaction(TransactWriteItemsRequest request, TransactWriteItemsResponse response) {
        long table = 0;
        long index = 0;
        for (TransactWriteItem item : request.transactItems()) {
            long[] one;
            if (item.put() != null) {
                one = put(item.put().tableName(), item.put().item());
            } else if (item.delete() != null) {
                one = delete(item.delete().tableName(), item.delete().key());
            } else {
                throw new IllegalStateException("the capacity meter models Put and Delete in a transaction, not " + item);
            }
            table += one[0];
            index += one[1];
        }
        double localTable = 0;
        double localIndex = 0;
        for (ConsumedCapacity consumed : response.consumedCapacity()) {
            requireReported(consumed);
            localTable += consumed.table() == null ? 0 : consumed.table().capacityUnits();
            localIndex += indexUnits(consumed);
        }
        check("TransactWriteItems", localTable, localIndex, table, index);
        writeTable += CapacityRules.TRANSACTIONAL_WRITE_FACTOR * table;
        writeIndex += index;
        writesComputed = true;
    }

    /** Computes a put's table and index writes from the item it replaces, then records the new item. */
    private long[] put(String table, Map<String, AttributeValue> item) {
        String key = key(table, item);
        Map<String, AttributeValue> before = items.get(key);
        long[] units = {CapacityRules.putUnits(before, item), CapacityRules.indexWriteUnits(before, item, CapacityRules.MESSAGE_GROUP_INDEX_KEYS)};
        items.put(key, Map.copyOf(item));
        return units;
    }

    private long[] delete(String table, Map<String, AttributeValue> itemKey) {
        Map<String, AttributeValue> before = items.remove(key(table, itemKey));
        return new long[] {CapacityRules.deleteUnits(before), CapacityRules.indexWriteUnits(before, null, CapacityRules.MESSAGE_GROUP_INDEX_KEYS)};
    }

    private void check(String operation, double localTable, double localIndex, long table, long index) {
        checked++;
        if (localTable != table || localIndex != index) {
            disagreements.merge(String.format(Locale.ROOT, "%s: Local %.1f table + %.1f index units, rules %d + %d", operation, localTable,
                    localIndex, table, index), 1, Integer::sum);
        }
    }

    private void checkRead(double local, double computed) {
        readsChecked++;
        if (local != computed) {
            disagreements.merge(String.format(Locale.ROOT, "Query: Local %.1f read units, rules %.1f", local, computed), 1, Integer::sum);
        }
    }

    private static String key(String table, Map<String, AttributeValue> item) {
        return table + "\u0000" + item.get(Items.PK).s() + "\u0000" + item.get(Items.SK).s();
    }

    private static double indexUnits(ConsumedCapacity consumed) {
        return consumed.hasGlobalSecondaryIndexes()
                ? consumed.globalSecondaryIndexes().values().stream().mapToDouble(capacity -> capacity.capacityUnits()).sum() : 0;
    }

    private static void requireReported(ConsumedCapacity consumed) {
        if (consumed == null) {
            throw new IllegalStateException("DynamoDB Local returned no ConsumedCapacity although the request asked for INDEXES");
        }
    }
}
