package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The pure core of pattern E: coalescing a batch and planning row moves, without a database. */
class ConversationPlannerTest {

    private static final String GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    private static final User ANDREW = new User("a1b2c3d4-0000-4000-8000-000000000001", "Andrew", "andrew");
    private static final User BAYKO = new User("a1b2c3d4-0000-4000-8000-000000000002", "Bayko", "bayko");
    private static final String T1 = "2026-11-24T10:00:00.000000+00:00";
    private static final String T2 = "2026-11-24T10:01:00.000000+00:00";
    private static final String T3 = "2026-11-24T10:02:00.000000+00:00";

    @Test
    void batchIsCoalescedToTheNewestMessageOfEachGroup() {
        String other = "6be290ed-55d1-47a0-bc6d-fe2bc2700399";
        Map<String, NewMessage> newest = ConversationPlanner.newestPerGroup(List.of(
                message(GROUP, T2, "second", 2), message(other, T1, "only", 3), message(GROUP, T3, "third", 4), message(GROUP, T1, "first", 1)));
        assertEquals(Map.of(GROUP, message(GROUP, T3, "third", 4), other, message(other, T1, "only", 3)), newest);
    }

    @Test
    void equalTimestampsAreDecidedByStreamOrder() {
        Map<String, NewMessage> newest = ConversationPlanner.newestPerGroup(List.of(message(GROUP, T2, "later in stream", 9),
                message(GROUP, T2, "earlier in stream", 5)));
        assertEquals("later in stream", newest.get(GROUP).text());
    }

    @Test
    void eachMembersRowMovesToTheNewMessageKeepingTheOtherMembersDetails() {
        List<RowChange> changes = ConversationPlanner.plan(message(GROUP, T2, "hi", 1),
                List.of(row(ANDREW, BAYKO, T1, "old"), row(BAYKO, ANDREW, T1, "old")));

        assertEquals(List.of(
                new RowChange.Move(key(ANDREW, T1), Items.item(new ConversationRow(ANDREW.uuid(), GROUP, T2, "hi", BAYKO))),
                new RowChange.Move(key(BAYKO, T1), Items.item(new ConversationRow(BAYKO.uuid(), GROUP, T2, "hi", ANDREW)))), changes);
    }

    @Test
    void rowAlreadyAtTheMessageIsLeftAlone() {
        assertEquals(List.of(), ConversationPlanner.plan(message(GROUP, T2, "hi", 1), List.of(row(ANDREW, BAYKO, T2, "hi"))));
    }

    @Test
    void rowNeverMovesBackInTime() {
        assertEquals(List.of(), ConversationPlanner.plan(message(GROUP, T1, "old news", 1), List.of(row(ANDREW, BAYKO, T2, "newer"))));
    }

    @Test
    void duplicateRowsOfAMemberAreReducedToOne() {
        List<RowChange> changes = ConversationPlanner.plan(message(GROUP, T3, "hi", 1),
                List.of(row(ANDREW, BAYKO, T1, "old"), row(ANDREW, BAYKO, T2, "newer")));
        assertEquals(2, changes.size());
        RowChange.Move move = assertInstanceOf(RowChange.Move.class, changes.get(0));
        assertEquals(key(ANDREW, T2), move.from());
        assertEquals(new RowChange.RemoveDuplicate(key(ANDREW, T1)), changes.get(1));
    }

    @Test
    void duplicateIsRemovedEvenWhenTheNewestRowIsCurrent() {
        assertEquals(List.of(new RowChange.RemoveDuplicate(key(ANDREW, T1))), ConversationPlanner.plan(message(GROUP, T2, "hi", 1),
                List.of(row(ANDREW, BAYKO, T2, "hi"), row(ANDREW, BAYKO, T1, "old"))));
    }

    @Test
    void olderInstantWhoseStringSortsLaterDoesNotMoveTheRow() {
        String row = "2026-11-25T18:30:00.000000+00:00";

        assertEquals(List.of(), ConversationPlanner.plan(message(GROUP, "2026-11-25T19:04:00+01:00", "18:04 UTC", 1),
                List.of(row(ANDREW, BAYKO, row, "18:30 UTC"))));
    }

    @Test
    void newerInstantWhoseStringSortsEarlierMovesTheRowToTheCanonicalFormOfTheInstant() {
        String row = "2026-11-25T18:30:00.000000+00:00";

        List<RowChange> changes = ConversationPlanner.plan(message(GROUP, "2026-11-25T13:45:00-05:00", "18:45 UTC", 1),
                List.of(row(ANDREW, BAYKO, row, "18:30 UTC")));

        RowChange.Move move = assertInstanceOf(RowChange.Move.class, changes.get(0));
        assertEquals(key(ANDREW, row), move.from());
        assertEquals("2026-11-25T18:45:00.000000+00:00", move.to().get(Items.SK).s());
        assertEquals(1, changes.size());
    }

    @Test
    void aMembersRowsInMixedFormsAreRankedByInstantAndTheOlderOneRemoved() {
        String olderButSortsLater = "2026-11-25T19:00:00+01:00";      // 18:00 UTC
        String newer = "2026-11-25T18:30:00.000000+00:00";

        List<RowChange> changes = ConversationPlanner.plan(message(GROUP, "2026-11-25T18:10:00Z", "between", 1),
                List.of(row(ANDREW, BAYKO, olderButSortsLater, "18:00"), row(ANDREW, BAYKO, newer, "18:30")));

        assertEquals(List.of(new RowChange.RemoveDuplicate(key(ANDREW, olderButSortsLater))), changes);
    }

    @Test
    void messageItemsTheIndexReturnsAreNeverPlannedForWhileTheRowsStillMove() {
        Map<String, AttributeValue> taggedMessage = new java.util.HashMap<>(Items.item(new com.cruddur.messaging.contract.Message(GROUP,
                "0f4c2a2e-8d0b-4a8e-9c57-2b7d3f1e6a11", T1, "a message carrying message_group_uuid", BAYKO)));
        taggedMessage.put(Items.MESSAGE_GROUP_UUID, Items.s(GROUP));

        List<RowChange> changes = ConversationPlanner.plan(message(GROUP, T2, "hi", 1), List.of(taggedMessage, row(ANDREW, BAYKO, T1, "old")));

        assertEquals(1, changes.size(), changes.toString());
        assertEquals(key(ANDREW, T1), assertInstanceOf(RowChange.Move.class, changes.get(0)).from());
    }

    @Test
    void planToMovesARowBackInTimeWhenTheShownMessageIsGone() {
        List<RowChange> changes = ConversationPlanner.planTo(message(GROUP, T1, "the one before", 0), List.of(row(ANDREW, BAYKO, T2, "deleted")));

        RowChange.Move move = assertInstanceOf(RowChange.Move.class, changes.get(0));
        assertEquals(key(ANDREW, T2), move.from());
        assertEquals(T1, move.to().get(Items.SK).s());
        assertEquals("the one before", move.to().get(Items.MESSAGE).s());
    }

    @Test
    void planToRewritesTheTextOfARowAlreadyOnTheEditedMessage() {
        List<RowChange> changes = ConversationPlanner.planTo(message(GROUP, T2, "edited", 0), List.of(row(ANDREW, BAYKO, T2, "draft")));

        RowChange.Rewrite rewrite = assertInstanceOf(RowChange.Rewrite.class, changes.get(0));
        assertEquals(Items.item(new ConversationRow(ANDREW.uuid(), GROUP, T2, "edited", BAYKO)), rewrite.image());
        assertEquals(List.of(), ConversationPlanner.planTo(message(GROUP, T2, "draft", 0), List.of(row(ANDREW, BAYKO, T2, "draft"))));
    }

    @Test
    void noRowsMeanNoChanges() {
        assertEquals(List.of(), ConversationPlanner.plan(message(GROUP, T2, "hi", 1), List.of()));
    }

    private static NewMessage message(String group, String createdAt, String text, long sequence) {
        return new NewMessage(group, createdAt, Timestamps.parse(createdAt), text, "", String.format("%021d", sequence));
    }

    private static Map<String, AttributeValue> row(User owner, User other, String sk, String text) {
        return Items.item(new ConversationRow(owner.uuid(), GROUP, sk, text, other));
    }

    private static Map<String, AttributeValue> key(User owner, String sk) {
        return Map.of(Items.PK, Items.s("GRP#" + owner.uuid()), Items.SK, Items.s(sk));
    }
}
