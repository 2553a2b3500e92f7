package com.cruddur.messaging.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Brings one conversation's rows to its newest message: one GSI query and two write requests (the new
 * rows, then the old ones' deletion: {@link ConversationRowStore#apply}) in the common case. When a
 * write does not go through, its statements' error codes decide what happens ({@link RowWriteFailure}):
 * <ul>
 *   <li>a stale view (the GSI lagged, or another writer moved a row first): the members' rows are re-read
 *       consistently from the table and planned again, at most {@value #MAX_STALE_ATTEMPTS} times, which
 *       also removes any duplicate the stale plan left;</li>
 *   <li>throttling or a conflict is transient: the same plan is tried again after a jittered backoff, for
 *       as long as the invocation has time ({@link Backoff}); writes are idempotent, so a plan half applied
 *       before is completed, not doubled;</li>
 *   <li>a validation error will not go away: it fails at once, with the codes in the message.</li>
 * </ul>
 * Throttling of the reads and of whole requests is waited out the same way.
 *
 * <p>The GSI may also not have indexed a row yet (a conversation created a moment ago). Every row
 * names its owner (pk) and the other member (user_uuid), and the sender owns a row: when those point
 * at a partition the GSI returned no row from, the rows are read consistently from the partitions
 * instead, so a lagging index cannot leave a member's row behind.
 */
public final class ConversationRefresher {

    static final int MAX_STALE_ATTEMPTS = 3;

    private final ConversationIndex index;
    private final ConversationRowStore store;
    private final Backoff backoff;
    private final BiConsumer<String, RowKeyCollision.Collision> collisions;

    /** {@code collisions} hears of every row that could not move because another conversation's row holds its key. */
    public ConversationRefresher(ConversationIndex index, ConversationRowStore store, Backoff backoff,
                                 BiConsumer<String, RowKeyCollision.Collision> collisions) {
        this.index = index;
        this.store = store;
        this.backoff = backoff;
        this.collisions = collisions;
    }

    /**
     * Moves the rows of {@code newest}'s conversation to it, waiting out transient failures until {@code deadline}; the row
     * writes go through {@code writes} (the batch's coalescer).
     */
    public void refresh(NewMessage newest, Instant deadline, ConversationRowStore.Statements writes) {
        converge(newest.groupUuid(), List.of(newest.senderUuid()), deadline, writes, rows -> ConversationPlanner.plan(newest, rows));
    }

    /**
     * After an edit or a deletion: makes the rows show the conversation's newest message as the table holds it
     * now (its current text; the previous message if the shown one was deleted). Reading the table rather than
     * the record's image keeps replayed and reordered edits and deletions harmless. Nothing changes when no
     * message remains. The row writes go through {@code writes}.
     */
    public void recheck(String groupUuid, Collection<String> senders, Instant deadline, ConversationRowStore.Statements writes) {
        converge(groupUuid, senders, deadline, writes,
                rows -> store.newestMessage(groupUuid).map(target -> ConversationPlanner.planTo(target, rows)).orElse(List.of()));
    }

    private void converge(String groupUuid, Collection<String> senders, Instant deadline, ConversationRowStore.Statements writes,
                          Function<List<Map<String, AttributeValue>>, List<RowChange>> planner) {
        List<Map<String, AttributeValue>> rows = null;
        Set<String> collided = new LinkedHashSet<>();
        int staleAttempts = 0;
        for (int transientRetries = 0; ; ) {
            try {
                if (rows == null) {
                    rows = withEveryMember(groupUuid, senders, index.rowsOf(groupUuid));
                }
                List<RowChange> changes = planner.apply(rows).stream()
                        .filter(change -> change.touched().stream().noneMatch(item -> collided.contains(Items.string(item, Items.PK))))
                        .toList();
                if (!changes.isEmpty()) {
                    store.apply(groupUuid, changes, writes);
                }
                return;
            } catch (RowKeyCollision e) {
                // A member whose row cannot take the key keeps its row where it is; the other members' rows moved already.
                for (RowKeyCollision.Collision collision : e.collisions()) {
                    collisions.accept(groupUuid, collision);
                    collided.add(collision.memberPartition());
                }
                rows = store.currentRows(groupUuid, memberPartitions(rows));
            } catch (RowWriteFailure e) {
                switch (e.kind()) {
                    case STALE -> {
                        if (++staleAttempts == MAX_STALE_ATTEMPTS) {
                            throw new IllegalStateException("conversation rows of group " + groupUuid
                                    + " kept changing under " + MAX_STALE_ATTEMPTS + " attempts: " + e.getMessage(), e);
                        }
                        rows = store.currentRows(groupUuid, memberPartitions(rows));
                    }
                    case TRANSIENT -> waitOrGiveUp(++transientRetries, deadline, groupUuid, e.getMessage(), e);
                    case INVALID -> throw new IllegalStateException("DynamoDB rejected the row changes of group " + groupUuid
                            + " as invalid; retrying cannot help: " + e.getMessage(), e);
                }
            } catch (AwsServiceException e) {
                if (!isThrottling(e)) {
                    throw e;
                }
                waitOrGiveUp(++transientRetries, deadline, groupUuid, e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode(), e);
            }
        }
    }

    private void waitOrGiveUp(int retry, Instant deadline, String groupUuid, String reasons, RuntimeException cause) {
        if (!backoff.await(retry, deadline)) {
            throw new IllegalStateException("conversation rows of group " + groupUuid + " still throttled or conflicting after "
                    + retry + " tries, and the invocation is out of time; Lambda retries the record: " + reasons, cause);
        }
    }

    private static boolean isThrottling(AwsServiceException e) {
        return e.isThrottlingException() || e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || e instanceof TransactionInProgressException;
    }

    /** {@code rows}, or a consistent read of every member partition they (and the sender) name, if some are missing. */
    private List<Map<String, AttributeValue>> withEveryMember(String groupUuid, Collection<String> senders, List<Map<String, AttributeValue>> rows) {
        // Each read can name a partition the previous one did not (the sender's row names the other member): two members, two rounds.
        for (int round = 0; round < 2; round++) {
            Set<String> named = namedPartitions(senders, rows);
            if (memberPartitions(rows).containsAll(named)) {
                return rows;
            }
            rows = store.currentRows(groupUuid, named);
        }
        return rows;
    }

    /** The partitions the rows live in plus those the senders and each row's other member point at (well-formed uuids only). */
    private static Set<String> namedPartitions(Collection<String> senders, List<Map<String, AttributeValue>> rows) {
        Set<String> partitions = memberPartitions(rows);
        List<String> members = new ArrayList<>(senders);
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
