package com.cruddur.messaging.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;
import com.cruddur.messaging.contract.Timestamps;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pure: decides which conversation rows must change. Knows nothing of DynamoDB calls, so it is
 * tested without a database.
 */
public final class ConversationPlanner {

    /** Rows by the instant of their sort key; a row whose key names no instant counts as oldest, so it is moved. */
    private static final Comparator<Map<String, AttributeValue>> BY_INSTANT = Comparator.comparing(ConversationPlanner::instantOf);

    private ConversationPlanner() {
    }

    /**
     * Coalesces a batch: per conversation only its newest message matters, so a batch of 1000
     * messages in one conversation costs the same as one message.
     */
    public static Map<String, NewMessage> newestPerGroup(Collection<NewMessage> messages) {
        Map<String, NewMessage> newest = new LinkedHashMap<>();
        for (NewMessage message : messages) {
            newest.merge(message.groupUuid(), message, (kept, candidate) -> candidate.isNewerThan(kept) ? candidate : kept);
        }
        return newest;
    }

    /**
     * The changes that bring every member's row of {@code newest}'s conversation to that message,
     * given the rows currently seen. Per member the newest row (by instant, whatever form its key is
     * written in) is moved forward to the canonical form of the message's instant (never back: a row
     * already at or past the message stays), and any further row of the same member is removed, so
     * each member ends with exactly one row. Only {@code GRP#} items are conversation rows: whatever
     * else the index returns (a message item a writer tagged with {@code message_group_uuid}) is never
     * planned for.
     */
    public static List<RowChange> plan(NewMessage newest, List<Map<String, AttributeValue>> rowsOfGroup) {
        return perMember(rowsOfGroup, current -> instantOf(current).isBefore(newest.at())
                ? Optional.of(new RowChange.Move(Items.key(current), movedTo(current, newest)))
                : Optional.empty());
    }

    /**
     * The changes that make every member's row show exactly {@code target} (the conversation's newest message as
     * the table holds it now): after an edit or a deletion a row may move back in time, or keep its key and take
     * the new text. Duplicates are removed as in {@link #plan}.
     */
    public static List<RowChange> planTo(NewMessage target, List<Map<String, AttributeValue>> rowsOfGroup) {
        return perMember(rowsOfGroup, current -> {
            if (!instantOf(current).equals(target.at())) {
                return Optional.of(new RowChange.Move(Items.key(current), movedTo(current, target)));
            }
            if (target.text().equals(current.get(Items.MESSAGE) == null ? null : current.get(Items.MESSAGE).s())) {
                return Optional.empty();
            }
            Map<String, AttributeValue> rewritten = new LinkedHashMap<>(current);
            rewritten.put(Items.MESSAGE, Items.s(target.text()));
            return Optional.of(new RowChange.Rewrite(rewritten));
        });
    }

    /**
     * Per member (only GRP# items count): what {@code currentRowChange} makes of the member's newest row (by
     * instant), and the removal of every further row, so each member ends with exactly one.
     */
    private static List<RowChange> perMember(List<Map<String, AttributeValue>> rowsOfGroup,
                                             Function<Map<String, AttributeValue>, Optional<RowChange>> currentRowChange) {
        List<RowChange> changes = new ArrayList<>();
        rowsOfGroup.stream()
                .filter(ConversationPlanner::isConversationRow)
                .collect(Collectors.groupingBy(row -> Items.string(row, Items.PK), LinkedHashMap::new, Collectors.toList()))
                .values()
                .forEach(memberRows -> {
                    List<Map<String, AttributeValue>> rows = memberRows.stream().sorted(BY_INSTANT.reversed()).toList();
                    Optional<RowChange> change = currentRowChange.apply(rows.get(0));
                    change.ifPresent(changes::add);
                    // A further row at the key the member's row moves to is not removed: the move writes over it.
                    Optional<Map<String, AttributeValue>> target = change.filter(RowChange.Move.class::isInstance)
                            .map(move -> Items.key(((RowChange.Move) move).to()));
                    rows.stream().skip(1).map(Items::key).filter(key -> target.map(k -> !k.equals(key)).orElse(true))
                            .forEach(duplicate -> changes.add(new RowChange.RemoveDuplicate(duplicate)));
                });
        return changes;
    }

    /** True for an item in a member's partition ({@code GRP#...}); message items and anything else are never changed. */
    static boolean isConversationRow(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(Items.PK);
        return pk != null && pk.s() != null && pk.s().startsWith(Keys.CONVERSATION_PREFIX);
    }

    private static Instant instantOf(Map<String, AttributeValue> row) {
        try {
            return Timestamps.parse(Items.string(row, Items.SK));
        } catch (IllegalArgumentException notADateTime) {
            return Instant.MIN;
        }
    }

    /** The row's new image: every attribute kept (the other member's details), sort key and text from the message. */
    private static Map<String, AttributeValue> movedTo(Map<String, AttributeValue> row, NewMessage message) {
        Map<String, AttributeValue> moved = new LinkedHashMap<>(row);
        moved.put(Items.SK, Items.s(Timestamps.format(message.at())));
        moved.put(Items.MESSAGE, Items.s(message.text()));
        return moved;
    }
}
