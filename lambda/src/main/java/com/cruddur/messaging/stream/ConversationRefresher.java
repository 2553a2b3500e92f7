package com.cruddur.messaging.stream;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Brings one conversation's rows to its newest message: one GSI query and one transaction in the
 * common case. When the transaction is cancelled (the GSI view was stale, or another writer moved a
 * row first), it re-reads the members' rows consistently from the table and plans again, at most
 * {@value #MAX_ATTEMPTS} times.
 *
 * <p>The GSI may also not have indexed a row yet (a conversation created a moment ago). Every row
 * names its owner (pk) and the other member (user_uuid), and the sender owns a row: when those point
 * at a partition the GSI returned no row from, the rows are read consistently from the partitions
 * instead, so a lagging index cannot leave a member's row behind.
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
        List<Map<String, AttributeValue>> rows = withEveryMember(newest, index.rowsOf(newest.groupUuid()));
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

    /** {@code rows}, or a consistent read of every member partition they (and the sender) name, if some are missing. */
    private List<Map<String, AttributeValue>> withEveryMember(NewMessage newest, List<Map<String, AttributeValue>> rows) {
        // Each read can name a partition the previous one did not (the sender's row names the other member): two members, two rounds.
        for (int round = 0; round < 2; round++) {
            Set<String> named = namedPartitions(newest, rows);
            if (memberPartitions(rows).containsAll(named)) {
                return rows;
            }
            rows = store.currentRows(newest.groupUuid(), named);
        }
        return rows;
    }

    /** The partitions the rows live in plus those the sender and each row's other member point at (well-formed uuids only). */
    private static Set<String> namedPartitions(NewMessage newest, List<Map<String, AttributeValue>> rows) {
        Set<String> partitions = memberPartitions(rows);
        List<String> members = new ArrayList<>(List.of(newest.senderUuid()));
        rows.stream().filter(ConversationPlanner::isConversationRow)
                .forEach(row -> members.add(row.containsKey(Items.USER_UUID) ? row.get(Items.USER_UUID).s() : null));
        members.stream().filter(Keys::isUuid).forEach(member -> partitions.add(Keys.conversationsOf(member)));
        return partitions;
    }

    /** The member partitions ({@code GRP#...}) the rows live in; items of other partitions the index returned are no members. */
    private static Set<String> memberPartitions(List<Map<String, AttributeValue>> rows) {
        Set<String> partitions = new LinkedHashSet<>();
        rows.stream().filter(ConversationPlanner::isConversationRow).forEach(row -> partitions.add(Items.string(row, Items.PK)));
        return partitions;
    }
}
