package com.cruddur.messaging.stream;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cruddur.messaging.contract.Items;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Brings one conversation's rows to its newest message: one GSI query and one transaction in the
 * common case. When the transaction is cancelled (the GSI view was stale, or another writer moved a
 * row first), it re-reads the members' rows consistently from the table and plans again, at most
 * {@value #MAX_ATTEMPTS} times.
 */
public final class ConversationRefresher {

    static final int MAX_ATTEMPTS = 3;

    private final ConversationIndex index;
    private final ConversationRowStore store;

    public ConversationRefresher(ConversationIndex index, ConversationRowStore store) {
        this.index = index;
        this.store = store;
    }

    public void refresh(NewMessage newest) {
        List<Map<String, AttributeValue>> rows = index.rowsOf(newest.groupUuid());
        for (int attempt = 1; ; attempt++) {
            List<RowChange> changes = ConversationPlanner.plan(newest, rows);
            if (changes.isEmpty()) {
                return;
            }
            try {
                store.apply(newest.groupUuid(), changes);
                return;
            } catch (TransactionCanceledException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("conversation rows of group " + newest.groupUuid()
                            + " kept changing under " + MAX_ATTEMPTS + " attempts: " + e.getMessage(), e);
                }
                rows = store.currentRows(newest.groupUuid(), memberPartitions(rows));
            }
        }
    }

    private static Set<String> memberPartitions(List<Map<String, AttributeValue>> rows) {
        Set<String> partitions = new LinkedHashSet<>();
        rows.forEach(row -> partitions.add(Items.string(row, Items.PK)));
        return partitions;
    }
}
