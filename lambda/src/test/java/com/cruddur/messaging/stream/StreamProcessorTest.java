package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.LocalDynamoDb;
import com.cruddur.messaging.harness.stream.StreamEvents;
import com.cruddur.messaging.support.ConversationRowsInTable;
import com.cruddur.messaging.support.FailFirst;
import com.cruddur.messaging.support.FailStatements;
import com.cruddur.messaging.support.RequestCounter;
import com.cruddur.messaging.support.ScannedItems;
import com.cruddur.messaging.support.TestClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** The handler against the real DynamoDB Local, fed events in Lambda's own model. */
class StreamProcessorTest {

    private static final User ANDREW = new User("a1b2c3d4-0000-4000-8000-000000000001", "Andrew Brown", "andrewbrown");
    private static final User BAYKO = new User("a1b2c3d4-0000-4000-8000-000000000002", "Andrew Bayko", "bayko");
    private static final User LORE = new User("a1b2c3d4-0000-4000-8000-000000000003", "Lore", "lore");

    private final RequestCounter requests = new RequestCounter();
    private final DynamoDbClient dynamoDb = LocalDynamoDb.shared().client(requests);
    private final String table = LocalDynamoDb.shared().newMessagesTable();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00.000001Z"));
    private final MessagesRepository repository = new MessagesRepository(dynamoDb, table, clock);
    private final ConversationRowStore store = new ConversationRowStore(dynamoDb, table);
    private final ConversationRowsInTable rows = new ConversationRowsInTable(dynamoDb, table);
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final AtomicLong sequence = new AtomicLong(100);

    private StreamProcessor processor;

    @BeforeEach
    void processorWithRealStore() {
        processor = new StreamProcessor(store, new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8)));
    }

    @Test
    void manyMessagesOfOneGroupInOneBatchMoveBothRowsToTheNewestWithOneQueryAndTwoWrites() {
        Message first = startConversation(ANDREW, BAYKO, "hello");
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            messages.add(say(first.groupUuid(), i % 2 == 0 ? BAYKO : ANDREW, "message " + i));
        }
        requests.reset();

        StreamsEventResponse response = process(inserts(messages));

        assertEquals(Map.of("Query", 1, "BatchExecuteStatement", 2), requests.snapshot(), "the new rows, then the old rows' deletion");
        assertEquals(List.of(), response.getBatchItemFailures());
        assertBothRowsOn(messages.get(49), ANDREW, BAYKO);
    }

    @Test
    void everyRecordOfABatchCountsNotOnlyTheFirst() {
        Message first = startConversation(ANDREW, BAYKO, "hello");
        Message second = startConversation(ANDREW, LORE, "hi lore");
        Message toBayko = say(first.groupUuid(), ANDREW, "to bayko");
        Message toLore = say(second.groupUuid(), LORE, "to andrew");

        process(inserts(List.of(toBayko, toLore)));

        assertBothRowsOn(toBayko, ANDREW, BAYKO);
        assertBothRowsOn(toLore, ANDREW, LORE);
    }

    @Test
    void interleavedConversationsEachEndOnTheirOwnNewestMessage() {
        String one = startConversation(ANDREW, BAYKO, "one").groupUuid();
        String two = startConversation(BAYKO, LORE, "two").groupUuid();
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(say(one, ANDREW, "one-" + i));
            batch.add(say(two, LORE, "two-" + i));
        }

        process(inserts(batch));

        assertBothRowsOn(batch.get(18), ANDREW, BAYKO);
        assertBothRowsOn(batch.get(19), BAYKO, LORE);
    }

    @Test
    void replayedBatchChangesNothingAndWritesNothing() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        DynamodbEvent batch = inserts(List.of(say(group, BAYKO, "a"), say(group, ANDREW, "b")));
        process(batch);
        List<ConversationRow> before = rowsOf(group, ANDREW, BAYKO);
        requests.reset();

        StreamsEventResponse response = process(batch);

        assertEquals(0, requests.of("BatchExecuteStatement"));
        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(before, rowsOf(group, ANDREW, BAYKO));
    }

    @Test
    void olderMessageArrivingLateNeverMovesARowBack() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message older = say(group, BAYKO, "older");
        Message newer = say(group, ANDREW, "newer");

        process(inserts(List.of(newer)));
        process(inserts(List.of(older)));

        assertBothRowsOn(newer, ANDREW, BAYKO);
    }

    @Test
    void outOfOrderRecordsWithinABatchEndOnTheNewest() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message older = say(group, BAYKO, "older");
        Message newer = say(group, ANDREW, "newer");

        process(inserts(List.of(newer, older)));

        assertBothRowsOn(newer, ANDREW, BAYKO);
    }

    @Test
    void removeAndConversationRowRecordsAreIgnoredWithoutAnyRequest() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/mixed-batch.json");
        event.setRecords(event.getRecords().subList(1, 3));
        requests.reset();

        StreamsEventResponse response = process(event);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(0, requests.total());
    }

    @Test
    void malformedRecordInTheMiddleIsReportedWhileItsNeighboursAreProcessed() {
        String one = startConversation(ANDREW, BAYKO, "one").groupUuid();
        String two = startConversation(ANDREW, LORE, "two").groupUuid();
        Message before = say(one, BAYKO, "before");
        Message after = say(two, LORE, "after");
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> badImage = new java.util.HashMap<>(Items.item(say(one, ANDREW, "bad")));
        badImage.put(Items.SK, Items.s("yesterday"));
        List<Record> records = List.of(
                StreamEvents.insert(next(), Items.item(before)),
                StreamEvents.record("INSERT", "000000000000000000555", badImage),
                StreamEvents.insert(next(), Items.item(after)));

        StreamsEventResponse response = process(StreamEvents.event(records));

        assertEquals(List.of("000000000000000000555"), identifiers(response));
        assertBothRowsOn(before, ANDREW, BAYKO);
        assertBothRowsOn(after, ANDREW, LORE);
        String log = logs.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"event\":\"malformed_record\""), log);
        assertTrue(log.contains("\"reason\":\"timestamp \\\"yesterday\\\" is not an ISO-8601 date-time with an offset"), log);
        assertTrue(log.contains("\"eventName\":\"INSERT\"") && log.contains("\"pk\":\"MSG#" + one + "\"") && log.contains("\"sk\":\"yesterday\""), log);
        assertTrue(log.contains("\"sequenceNumber\":\"000000000000000000555\""), log);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-24T11:30:00.123456+01:00",   // backend-flask on a host in Europe/Berlin
        "2026-11-24T10:30:00+00:00",          // backend-flask when the microseconds are 0
        "2026-11-24T10:30:00.123Z",           // Z and milliseconds
        "2026-11-24T05:30:00.5-05:00"
    })
    void messageWrittenInAnyOffsetFormMovesBothRowsToTheCanonicalFormOfItsInstant(String sortKey) {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message written = sayAs(group, BAYKO, "from another writer", sortKey);

        StreamsEventResponse response = process(StreamEvents.event(List.of(StreamEvents.insert(next(), Items.item(written)))));

        assertEquals(List.of(), identifiers(response));
        assertBothRowsOn(written, ANDREW, BAYKO);
        assertEquals(Timestamps.canonical(sortKey), rows.of(ANDREW.uuid(), group).get(0).lastMessageAt());
    }

    @Test
    void olderInstantWhoseStringSortsLaterNeverMovesARowBackAndANewerOneDoes() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message at1830 = sayAs(group, BAYKO, "18:30 UTC", "2026-11-24T18:30:00.000000+00:00");
        process(StreamEvents.event(List.of(StreamEvents.insert(next(), Items.item(at1830)))));
        Message at1804 = sayAs(group, ANDREW, "18:04 UTC, string sorts later", "2026-11-24T19:04:00+01:00");

        process(StreamEvents.event(List.of(StreamEvents.insert(next(), Items.item(at1804)))));
        assertBothRowsOn(at1830, ANDREW, BAYKO);

        Message at1845 = sayAs(group, ANDREW, "18:45 UTC, string sorts earlier", "2026-11-24T13:45:00-05:00");
        process(StreamEvents.event(List.of(StreamEvents.insert(next(), Items.item(at1845)))));
        assertBothRowsOn(at1845, ANDREW, BAYKO);
    }

    @Test
    void staleIndexViewNeverLeavesADuplicateRow() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        var staleView = store.rowsOf(group);
        process(inserts(List.of(say(group, BAYKO, "moves the rows on"))));
        processor = new StreamProcessor(stale -> staleView, store, new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8)));
        Message latest = say(group, ANDREW, "planned from a stale index");

        StreamsEventResponse response = process(inserts(List.of(latest)));

        assertEquals(List.of(), response.getBatchItemFailures());
        assertBothRowsOn(latest, ANDREW, BAYKO);
    }

    @Test
    void messageItemsTaggedWithTheGroupAreNeverDeletedOrChangedAndTheRowsStillMove() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> tagged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new java.util.HashMap<>(Items.item(say(group, i % 2 == 0 ? BAYKO : ANDREW, "tagged " + i)));
            item.put(Items.MESSAGE_GROUP_UUID, Items.s(group));   // a writer that puts the group on messages: they enter the index
            dynamoDb.putItem(b -> b.tableName(table).item(item));
            tagged.add(item);
        }

        StreamsEventResponse response = process(StreamEvents.event(tagged.stream().map(item -> StreamEvents.insert(next(), item)).toList()));

        assertEquals(List.of(), identifiers(response));
        for (Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item : tagged) {
            assertEquals(item, dynamoDb.getItem(b -> b.tableName(table).key(Items.key(item)).consistentRead(true)).item(), "message kept as written");
        }
        assertBothRowsOn(Items.message(tagged.get(2)), ANDREW, BAYKO);
    }

    @Test
    void storeRefusesAnyChangeToAnItemOutsideTheMembersPartitions() {
        Message message = startConversation(ANDREW, BAYKO, "hello");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> store.apply(message.groupUuid(), List.of(new RowChange.RemoveDuplicate(Items.key(Items.item(message))))));

        assertTrue(refused.getMessage().contains("MSG#" + message.groupUuid()), refused.getMessage());
        assertEquals(1, repository.listMessages(message.groupUuid(), java.util.Optional.empty()).items().size());
    }

    @Test
    void indexThatHasNotYetIndexedANewConversationStillMovesBothRows() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        processor = new StreamProcessor(lagging -> List.of(), store, new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8)));
        Message reply = say(group, BAYKO, "the index has not seen this conversation yet");

        StreamsEventResponse response = process(inserts(List.of(reply)));

        assertEquals(List.of(), response.getBatchItemFailures());
        assertBothRowsOn(reply, ANDREW, BAYKO);
    }

    @Test
    void indexThatHasIndexedOnlyOneMembersRowStillMovesBoth() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        var andrewsRowOnly = store.rowsOf(group).stream()
                .filter(row -> row.get("pk").s().equals("GRP#" + ANDREW.uuid())).toList();
        processor = new StreamProcessor(lagging -> andrewsRowOnly, store, new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8)));
        Message reply = say(group, ANDREW, "Bayko's row is not in the index yet");

        process(inserts(List.of(reply)));

        assertBothRowsOn(reply, ANDREW, BAYKO);
    }

    @Test
    void groupThatCannotBeReadIsReportedWithAllItsRecordsWhileOtherGroupsSucceed() {
        String broken = startConversation(ANDREW, BAYKO, "one").groupUuid();
        String healthy = startConversation(ANDREW, LORE, "two").groupUuid();
        processor = new StreamProcessor(group -> {
            if (group.equals(broken)) {
                throw SdkClientException.create("connection reset");
            }
            return store.rowsOf(group);
        }, store, new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8)));
        DynamodbEvent batch = inserts(List.of(say(broken, ANDREW, "x"), say(healthy, LORE, "y"), say(broken, BAYKO, "z")));

        StreamsEventResponse response = process(batch);

        List<String> brokenSequences = List.of(batch.getRecords().get(0).getDynamodb().getSequenceNumber(),
                batch.getRecords().get(2).getDynamodb().getSequenceNumber());
        assertEquals(brokenSequences, identifiers(response));
        assertEquals("y", rows.of(LORE.uuid(), healthy).get(0).message());
        assertTrue(logs.toString(StandardCharsets.UTF_8).contains("\"event\":\"group_failed\""));
    }

    @Test
    void legacyDuplicateRowIsHealedOnTheNextMessage() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        ConversationRow original = rows.of(ANDREW.uuid(), group).get(0);
        clock.advance(Duration.ofSeconds(1));
        dynamoDb.putItem(b -> b.tableName(table).item(Items.item(new ConversationRow(ANDREW.uuid(), group,
                com.cruddur.messaging.contract.Timestamps.format(clock.instant()), "left by the reference processor", original.other()))));
        Message latest = say(group, BAYKO, "next");

        process(inserts(List.of(latest)));

        assertBothRowsOn(latest, ANDREW, BAYKO);
    }

    /** Pattern D one minute later (two conversations of one member at the same microsecond would share a key). */
    private Message startConversation(User sender, User recipient, String text) {
        clock.advance(Duration.ofMinutes(1));
        return repository.createConversation(sender, recipient, text);
    }

    @Test
    void primingBeforeASnapStartCheckpointMakesARealReadOnlyRoundTrip() {
        requests.reset();

        processor.beforeCheckpoint(null);

        assertEquals(Map.of("Query", 1), requests.snapshot());
    }

    @Test
    void editOfTheShownMessageReachesBothRowsAndAReplayedOlderEditDoesNotUndoIt() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message shown = say(group, BAYKO, "first draft");
        process(inserts(List.of(shown)));
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> draft = Items.item(shown);
        Message edited = new Message(group, shown.messageUuid(), shown.createdAt(), "edited text", BAYKO);
        dynamoDb.putItem(b -> b.tableName(table).item(Items.item(edited)));

        process(StreamEvents.event(List.of(StreamEvents.record("MODIFY", next(), Items.item(edited)))));
        assertBothRowsOn(edited, ANDREW, BAYKO);

        process(StreamEvents.event(List.of(StreamEvents.record("MODIFY", next(), draft))));
        assertBothRowsOn(edited, ANDREW, BAYKO);
    }

    @Test
    void deletionOfTheShownMessageMovesBothRowsBackToTheNewestThatRemainsAndAReplayIsANoOp() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message previous = say(group, ANDREW, "previous");
        Message shown = say(group, BAYKO, "regretted");
        process(inserts(List.of(previous, shown)));
        dynamoDb.deleteItem(b -> b.tableName(table).key(Items.key(Items.item(shown))));
        Record removal = removal(shown);

        StreamsEventResponse response = process(StreamEvents.event(List.of(removal)));
        assertEquals(List.of(), identifiers(response));
        assertBothRowsOn(previous, ANDREW, BAYKO);

        Message later = say(group, BAYKO, "a new message");
        process(inserts(List.of(later)));
        process(StreamEvents.event(List.of(removal)));
        assertBothRowsOn(later, ANDREW, BAYKO);
    }

    @Test
    void deletionOfAMessageTheRowsDoNotShowChangesNoRow() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message older = say(group, ANDREW, "older");
        Message shown = say(group, BAYKO, "shown");
        process(inserts(List.of(older, shown)));
        dynamoDb.deleteItem(b -> b.tableName(table).key(Items.key(Items.item(older))));

        process(StreamEvents.event(List.of(removal(older))));

        assertBothRowsOn(shown, ANDREW, BAYKO);
    }

    @Test
    void afterADeletionTheNewestRemainingIsFoundByInstantWhateverTheOffsets() {
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message at1830 = sayAs(group, BAYKO, "18:30 UTC", "2026-11-24T18:30:00.000000+00:00");
        Message at1804 = sayAs(group, ANDREW, "18:04 UTC, sorts after 18:30", "2026-11-24T19:04:00+01:00");
        Message at1900 = sayAs(group, BAYKO, "19:00 UTC, then deleted", "2026-11-24T19:00:00.000000+00:00");
        process(inserts(List.of(at1830, at1804, at1900)));
        dynamoDb.deleteItem(b -> b.tableName(table).key(Items.key(Items.item(at1900))));

        process(StreamEvents.event(List.of(removal(at1900))));

        assertBothRowsOn(at1830, ANDREW, BAYKO);
    }

    @Test
    void twoConversationsOfAMemberEndingOnTheSameInstantLeaveTheOtherRowMovedAndLogTheCollisionOnce() {
        String withBayko = startConversation(ANDREW, BAYKO, "hello bayko").groupUuid();
        String withLore = startConversation(ANDREW, LORE, "hello lore").groupUuid();
        String instant = "2026-11-24T12:00:00.000000+00:00";
        Message toBayko = sayAs(withBayko, BAYKO, "at noon", instant);
        process(StreamEvents.event(List.of(StreamEvents.insert(next(), Items.item(toBayko)))));
        Message toLore = sayAs(withLore, LORE, "also at noon", "2026-11-24T13:00:00+01:00");

        StreamsEventResponse response = process(StreamEvents.event(List.of(StreamEvents.insert(next(), Items.item(toLore)))));

        assertEquals(List.of(), identifiers(response), "no retry storm: nothing a retry could fix is reported");
        assertEquals(List.of(new ConversationRow(LORE.uuid(), withLore, instant, "also at noon", ANDREW)), rows.of(LORE.uuid(), withLore));
        assertEquals(List.of(new ConversationRow(ANDREW.uuid(), withBayko, instant, "at noon", BAYKO)), rows.of(ANDREW.uuid(), withBayko));
        String log = logs.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.split("\"event\":\"row_key_collision\"", -1).length - 1, log);
        assertTrue(log.contains("\"messageGroupUuid\":\"" + withLore + "\"") && log.contains("\"otherMessageGroupUuid\":\"" + withBayko + "\""), log);
    }

    @Test
    void memberInThousandsOfConversationsIsReadOnlyAtTheTopOfThePartitionWhenTheIndexLags() {
        List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> oldRow = Items.item(new ConversationRow(ANDREW.uuid(),
                    java.util.UUID.randomUUID().toString(), Timestamps.format(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)),
                    "old conversation " + i, new User(String.format("b0000000-0000-4000-8000-%012d", i), "Other " + i, "other" + i)));
            writes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(put -> put.item(oldRow)).build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> chunk = writes.subList(from, from + 25);
            dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, chunk)));
        }
        String group = startConversation(ANDREW, BAYKO, "brand new").groupUuid();
        ScannedItems scanned = new ScannedItems();
        ConversationRowStore counted = new ConversationRowStore(LocalDynamoDb.shared().client(scanned), table);
        processor = new StreamProcessor(lagging -> List.of(), counted, new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8)));
        Message reply = say(group, BAYKO, "the index has not seen this conversation yet");

        process(inserts(List.of(reply)));

        assertBothRowsOn(reply, ANDREW, BAYKO);
        assertTrue(scanned.total() <= 2 * 25, "rows read from the two member partitions: " + scanned.total());
        // Five thousand items left in the shared DynamoDB Local slow every later test's transactions threefold.
        dynamoDb.deleteTable(b -> b.tableName(table));
    }

    @Test
    void throttledWritesAreWaitedOutWithBackoffAndNothingIsReported() {
        FailStatements throttled = new FailStatements("INSERT", 5, "ProvisionedThroughputExceeded");
        RecordingBackoff backoff = useFailingClient(throttled, 100);
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message reply = say(group, BAYKO, "sent during a burst against 5 WCU");

        StreamsEventResponse response = process(inserts(List.of(reply)));

        assertEquals(List.of(), identifiers(response), "nothing goes to the failure destination");
        assertBothRowsOn(reply, ANDREW, BAYKO);
        assertEquals(5, throttled.refusedCalls());
        assertEquals(List.of(1, 2, 3, 4, 5), backoff.retries, "one jittered wait before each retry");
    }

    @Test
    void conflictingDeletesAndThrottledReadsAreWaitedOutToo() {
        FailStatements conflicting = new FailStatements("DELETE", 2, "TransactionConflict");
        FailFirst throttledReads = new FailFirst("Query", 2, () -> software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException
                .builder().message("The level of configured provisioned throughput for the index was exceeded").build());
        useFailingClient(conflicting, 100, throttledReads);
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message reply = say(group, ANDREW, "conflicting");

        StreamsEventResponse response = process(inserts(List.of(reply)));

        assertEquals(List.of(), identifiers(response));
        assertBothRowsOn(reply, ANDREW, BAYKO);
        assertEquals(2, conflicting.refusedCalls());
        assertEquals(2, throttledReads.failed());
    }

    @Test
    void validationErrorFailsAtOnceWithItsReasonAndIsNotRetried() {
        FailStatements invalid = new FailStatements("INSERT", 100, "ValidationError");
        RecordingBackoff backoff = useFailingClient(invalid, 100);
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message reply = say(group, BAYKO, "rejected");

        StreamsEventResponse response = process(inserts(List.of(reply)));

        assertEquals(1, identifiers(response).size());
        assertEquals(1, invalid.refusedCalls(), "one request, no retries");
        assertEquals(List.of(), backoff.retries);
        assertTrue(logs.toString(StandardCharsets.UTF_8).contains("as invalid; retrying cannot help: writing [ValidationError, ValidationError]"), logs.toString());
    }

    @Test
    void throttlingThatOutlastsTheInvocationIsReportedForLambdaToRetryNotHeld() {
        FailStatements throttled = new FailStatements("INSERT", Integer.MAX_VALUE, "ThrottlingError");
        useFailingClient(throttled, 3);
        String group = startConversation(ANDREW, BAYKO, "hello").groupUuid();
        Message reply = say(group, BAYKO, "still throttled");

        StreamsEventResponse response = process(inserts(List.of(reply)));

        assertEquals(1, identifiers(response).size());
        assertEquals(4, throttled.refusedCalls(), "the first try and 3 retries");
        assertTrue(logs.toString(StandardCharsets.UTF_8).contains("out of time; Lambda retries the record"), logs.toString());
    }

    @Test
    void primingThatFailsIsLoggedAndNeverFailsTheCheckpoint() {
        processor = new StreamProcessor(group -> {
            throw software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder().message("throttled").build();
        }, store, new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8)));

        processor.beforeCheckpoint(null);

        String log = logs.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"event\":\"priming_failed\"") && log.contains("ProvisionedThroughputExceededException: throttled"), log);
    }

    /** The processor on a client whose calls {@code failures} refuse first; the backoff grants {@code retriesGranted} waits, without waiting. */
    private RecordingBackoff useFailingClient(software.amazon.awssdk.core.interceptor.ExecutionInterceptor failure, int retriesGranted,
                                              FailFirst... moreFailures) {
        List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors = new ArrayList<>(List.of(requests, failure));
        interceptors.addAll(List.of(moreFailures));
        ConversationRowStore failing = new ConversationRowStore(LocalDynamoDb.shared().client(
                interceptors.toArray(software.amazon.awssdk.core.interceptor.ExecutionInterceptor[]::new)), table);
        RecordingBackoff backoff = new RecordingBackoff(retriesGranted);
        processor = new StreamProcessor(failing, failing, new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8)), backoff);
        return backoff;
    }

    /** Grants a number of retries and records them, without sleeping. */
    private static final class RecordingBackoff extends Backoff {
        final List<Integer> retries = new ArrayList<>();
        private final int granted;

        RecordingBackoff(int granted) {
            super(java.time.Clock.systemUTC());
            this.granted = granted;
        }

        @Override
        public boolean await(int retry, Instant deadline) {
            if (retry > granted) {
                return false;
            }
            retries.add(retry);
            return true;
        }
    }

    private Message say(String group, User sender, String text) {
        clock.advance(Duration.ofMinutes(1));
        return repository.createMessage(group, sender, text);
    }

    private DynamodbEvent inserts(List<Message> messages) {
        return StreamEvents.event(messages.stream().map(message -> StreamEvents.insert(next(), Items.item(message))).toList());
    }

    private String next() {
        return StreamEvents.sequence(sequence.incrementAndGet());
    }

    private StreamsEventResponse process(DynamodbEvent event) {
        return processor.handleRequest(event, null);
    }

    private List<ConversationRow> rowsOf(String group, User... members) {
        List<ConversationRow> all = new ArrayList<>();
        for (User member : members) {
            all.addAll(rows.of(member.uuid(), group));
        }
        return all;
    }

    /** SPEC §3: each member has exactly one row for the conversation, on the newest message's instant (canonical form) and text. */
    private void assertBothRowsOn(Message newest, User memberA, User memberB) {
        String at = Timestamps.canonical(newest.createdAt());
        assertEquals(List.of(new ConversationRow(memberA.uuid(), newest.groupUuid(), at, newest.text(), memberB)),
                rows.of(memberA.uuid(), newest.groupUuid()));
        assertEquals(List.of(new ConversationRow(memberB.uuid(), newest.groupUuid(), at, newest.text(), memberA)),
                rows.of(memberB.uuid(), newest.groupUuid()));
    }

    /** The REMOVE record of a deleted message: its keys only, as a NEW_IMAGE stream carries it. */
    private Record removal(Message message) {
        return StreamEvents.remove(next(), Items.key(Items.item(message)));
    }

    /** A message put as another writer puts it: its sort key written in {@code sortKey}'s form. */
    private Message sayAs(String group, User sender, String text, String sortKey) {
        Message message = new Message(group, java.util.UUID.randomUUID().toString(), sortKey, text, sender);
        dynamoDb.putItem(b -> b.tableName(table).item(Items.item(message)));
        return message;
    }

    private static List<String> identifiers(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList();
    }
}
