package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.LocalDynamoDb;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.harness.stream.StreamEvents;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.harness.template.StreamMapping;
import com.cruddur.messaging.support.FailStatements;
import com.cruddur.messaging.support.TestClock;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * SPEC §3 invariants after any sequence of batches: random conversations and members; messages keyed in
 * any offset form (the same instants written as +00:00, +01:00, -05:00, Z, with and without a fraction),
 * some tagged with {@code message_group_uuid} so they enter the index; edits and deletions of earlier
 * messages; records in random order, replayed, in random batches, with malformed records mixed in, each batch
 * through the deployed event source mapping's filters; and
 * row writes throttled or conflicting at random, and invocations that die between writing the new rows and
 * deleting the old ones, delivered again as Lambda does. After every batch each member has exactly one row per
 * conversation, showing what the model says (the newest message delivered so far, or after an edit or
 * deletion the newest message the table holds, by instant, in canonical form); exactly the malformed
 * records are reported; and every message item is exactly as its writer left it.
 */
class StreamProcessorPropertiesTest {

    private static final int USERS = 4;
    private static final Instant BASE = Instant.parse("2026-11-24T00:00:00Z");
    private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30));

    /** What datetime.isoformat() writes for an aware datetime with microseconds. */
    private static final DateTimeFormatter PYTHON_ISOFORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    /** Its own DynamoDB Local: the tries' writes would slow the tests after them, and the writes of tests before them would slow the tries. */
    private static final LocalDynamoDb DYNAMO_DB = LocalDynamoDb.startOwn();
    /** One table for every try (each try's users and conversations are new uuids): creating a streamed table per try dominated the run. */
    private static final String TABLE = DYNAMO_DB.newMessagesTable();
    /** How the deployed event source mapping feeds the processor, from the dev stage's synthesized template. */
    private static final StreamMapping MAPPING = StageTemplates.read(TestTemplates.cdkOut("dev"), "dev").streamMapping();

    private final String table = TABLE;
    private final AtomicLong sequence = new AtomicLong();

    /** What a step does: insert a message (tagged with its group or not), or edit or delete an earlier one. */
    enum Action { INSERT, INSERT_TAGGED, EDIT, DELETE }

    /** One generated step; {@code slot} picks a minute for an insert (instants are made unique) or the message to edit or delete. */
    record Step(int conversation, int slot, boolean fromFirstMember, boolean replayed, boolean malformedBefore, int batchBreak, int form,
                Action action) {
    }

    /** A message as the table holds it, with the record that announced it. */
    private record Live(Message message, boolean tagged) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item() {
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new LinkedHashMap<>(Items.item(message));
            if (tagged) {
                item.put(Items.MESSAGE_GROUP_UUID, Items.s(message.groupUuid()));
            }
            return item;
        }
    }

    @Property(tries = 500)
    void invariantsHoldAfterEverySequenceOfBatches(@ForAll("conversationPairs") List<int[]> pairs, @ForAll("steps") List<Step> steps,
                                                   @ForAll("everyNthWriteFails") int failEvery, @ForAll("everyNthDeletePhaseCrashes") int crashEvery) {
        try (DynamoDbClient dynamoDb = DYNAMO_DB.client(
                FailStatements.everyNth("INSERT", failEvery, "ThrottlingError", "TransactionConflict"), new CrashBeforeDeletes(crashEvery));
             DynamoDbClient writers = DYNAMO_DB.client()) {
            check(pairs, steps, dynamoDb, writers);
        }
    }

    /** One try: {@code dynamoDb} is the processor's client (some writes refused, some invocations crashing), {@code writers} the writers' own. */
    private void check(List<int[]> pairs, List<Step> steps, DynamoDbClient dynamoDb, DynamoDbClient writers) {
        ConversationRowStore store = new ConversationRowStore(dynamoDb, table);
        StreamProcessor processor = new StreamProcessor(store, store, new JsonLog(new PrintStream(OutputStream.nullOutputStream())),
                new Backoff(Clock.systemUTC()) {
                    @Override
                    public boolean await(int retry, Instant deadline) {
                        return retry <= 50;
                    }
                });
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(new User(UUID.randomUUID().toString(), "User " + i, "user" + i));
        }
        TestClock clock = new TestClock(BASE);
        MessagesRepository repository = new MessagesRepository(writers, table, clock);
        List<String> groups = new ArrayList<>();
        Map<String, List<Live>> live = new HashMap<>();
        Map<String, Live> shown = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            clock.set(BASE.plusNanos(1000L * i));
            Message first = repository.createConversation(users.get(pairs.get(i)[0]), users.get(pairs.get(i)[1]), "first " + i);
            groups.add(first.groupUuid());
            live.put(first.groupUuid(), new ArrayList<>(List.of(new Live(first, false))));
            shown.put(first.groupUuid(), new Live(first, false));
        }

        // The table changes as the writers make them, all before the stream is processed: the table is ahead of the stream.
        List<List<Record>> batches = new ArrayList<>(List.of(new ArrayList<>()));
        Map<Record, Live> inserted = new HashMap<>();
        Set<Record> changes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<String> malformed = new TreeSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String group = groups.get(step.conversation() % pairs.size());
            List<Live> messages = live.get(group);
            List<Record> batch = batches.get(batches.size() - 1);
            if (step.malformedBefore()) {
                String sequenceNumber = next();
                malformed.add(sequenceNumber);
                batch.add(malformedRecord(sequenceNumber, messages.get(0).message()));
            }
            Record record;
            Action action = step.action() == Action.DELETE && messages.size() == 1 ? Action.INSERT : step.action();
            switch (action) {
                case EDIT -> {
                    Live edited = messages.get(step.slot() % messages.size());
                    Live now = new Live(new Message(group, edited.message().messageUuid(), edited.message().createdAt(), "edit " + i,
                            edited.message().sender()), edited.tagged());
                    messages.set(messages.indexOf(edited), now);
                    dynamoDb.putItem(b -> b.tableName(table).item(now.item()));
                    record = StreamEvents.record("MODIFY", next(), now.item());
                    changes.add(record);
                }
                case DELETE -> {
                    Live deleted = messages.remove(step.slot() % messages.size());
                    dynamoDb.deleteItem(b -> b.tableName(table).key(Items.key(deleted.item())));
                    record = StreamEvents.remove(next(), Items.key(deleted.item()));
                    changes.add(record);
                }
                default -> {
                    User sender = users.get(pairs.get(step.conversation() % pairs.size())[step.fromFirstMember() ? 0 : 1]);
                    // Unique instants for every message: slot minutes plus the step index in microseconds, keyed in a random form.
                    Instant at = BASE.plusSeconds(60L + 60L * step.slot()).plusNanos(1000L * i);
                    Live message = new Live(new Message(group, UUID.randomUUID().toString(), written(at, step.form()), "text " + i, sender),
                            action == Action.INSERT_TAGGED);
                    messages.add(message);
                    dynamoDb.putItem(b -> b.tableName(table).item(message.item()));
                    record = StreamEvents.insert(next(), message.item());
                    inserted.put(record, message);
                }
            }
            batch.add(record);
            if (step.replayed()) {
                batch.add(record);
            }
            if (step.batchBreak() == 0) {
                batches.add(new ArrayList<>());
            }
        }

        for (List<Record> written : batches) {
            // Lambda invokes with the records the deployed filters admit, while the rows must follow everything written: a filter
            // that held back a record the rows need fails here.
            List<Record> batch = written.stream().filter(record -> MAPPING.admits(record, StreamEvents.STREAM_ARN)).toList();
            StreamsEventResponse response = deliverUntilNoCrash(processor, batch);

            Set<String> reported = new TreeSet<>();
            response.getBatchItemFailures().forEach(failure -> reported.add(failure.getItemIdentifier()));
            Set<String> malformedInBatch = new TreeSet<>();
            batch.stream().map(record -> record.dynamodb().sequenceNumber()).filter(malformed::contains).forEach(malformedInBatch::add);
            assertEquals(malformedInBatch, reported, "exactly the malformed records are reported");

            Set<String> changedGroups = new TreeSet<>();
            written.stream().filter(changes::contains).forEach(record -> changedGroups.add(record.dynamodb().keys().get(Items.PK).s().substring(4)));
            written.stream().filter(inserted::containsKey).map(inserted::get)
                    .forEach(message -> shown.merge(message.message().groupUuid(), message, (a, b) -> instant(a).compareTo(instant(b)) >= 0 ? a : b));
            changedGroups.forEach(group -> shown.put(group, live.get(group).stream().max(Comparator.comparing(StreamProcessorPropertiesTest::instant)).orElseThrow()));
            for (int i = 0; i < pairs.size(); i++) {
                assertRowsOn(store, groups.get(i), users.get(pairs.get(i)[0]), users.get(pairs.get(i)[1]), shown.get(groups.get(i)).message());
            }
            assertMessagesAsWritten(dynamoDb, live);
        }
    }

    @Provide
    Arbitrary<List<int[]>> conversationPairs() {
        Arbitrary<int[]> pair = Arbitraries.integers().between(0, USERS - 1).tuple2()
                .filter(t -> !t.get1().equals(t.get2()))
                .map(t -> new int[] {t.get1(), t.get2()});
        return pair.list().ofMinSize(1).ofMaxSize(4).uniqueElements(p -> Math.min(p[0], p[1]) * USERS + Math.max(p[0], p[1]));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 59),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 4).map(n -> n == 0),
                Arbitraries.integers().between(0, 9).map(n -> n == 0),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 2 * OFFSETS.size() - 1),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.just(Action.INSERT)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just(Action.INSERT_TAGGED)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.EDIT)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.DELETE)))).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    /** 0: no write fails; n: the new rows of every n-th write request are throttled or conflict, statement by statement. */
    @Provide
    Arbitrary<Integer> everyNthWriteFails() {
        return Arbitraries.of(0, 0, 2, 3);
    }

    /** 0: no invocation crashes; n: the function dies before every n-th request that deletes old rows, after the new rows are written. */
    @Provide
    Arbitrary<Integer> everyNthDeletePhaseCrashes() {
        return Arbitraries.of(0, 0, 2, 3);
    }

    /** Lambda after a crash: the same batch again, until an invocation gets through (each crash is a new container's try). */
    private static StreamsEventResponse deliverUntilNoCrash(StreamProcessor processor, List<Record> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return processor.handleRequest(StreamEvents.event(batch), null);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof SimulatedCrash) || attempt == 50) {
                    throw e;
                }
            }
        }
    }

    /** {@code at} as a writer in some zone writes it: ISO with the fraction it needs (Z for UTC), or Python's six digits and offset. */
    private static String written(Instant at, int form) {
        OffsetDateTime local = at.atOffset(OFFSETS.get(form / 2));
        return form % 2 == 0 ? local.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : local.format(PYTHON_ISOFORMAT);
    }

    private static Instant instant(Live message) {
        return Timestamps.parse(message.message().createdAt());
    }

    private static void assertRowsOn(ConversationRowStore store, String group, User first, User second, Message newest) {
        String at = Timestamps.canonical(newest.createdAt());
        List<ConversationRow> expected = new ArrayList<>(List.of(
                new ConversationRow(first.uuid(), group, at, newest.text(), second),
                new ConversationRow(second.uuid(), group, at, newest.text(), first)));
        List<ConversationRow> actual = new ArrayList<>(store.rowsOf(group).stream()
                .filter(ConversationPlanner::isConversationRow).map(Items::conversationRow).toList());
        Comparator<ConversationRow> byOwner = Comparator.comparing(ConversationRow::ownerUuid);
        expected.sort(byOwner);
        actual.sort(byOwner);
        assertEquals(expected, actual, "rows of conversation " + group);
    }

    /** No message item is lost or changed by the processor: the table's messages are exactly the writers' live ones. */
    private void assertMessagesAsWritten(DynamoDbClient dynamoDb, Map<String, List<Live>> live) {
        Map<String, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> expected = new TreeMap<>();
        live.values().forEach(messages -> messages.forEach(message -> expected.put(message.message().messageUuid(), message.item())));
        Map<String, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> actual = new TreeMap<>();
        for (String group : live.keySet()) {
            dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", Items.s("MSG#" + group))))
                    .items().forEach(item -> actual.put(item.get(Items.MESSAGE_UUID).s(), item));
        }
        assertEquals(expected, actual, "message items as their writers left them");
    }

    private static Record malformedRecord(String sequenceNumber, Message message) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image = new LinkedHashMap<>(Items.item(message));
        switch ((int) (Long.parseLong(sequenceNumber) % 3)) {
            case 0 -> image.put(Items.SK, Items.s("not a date-time"));
            case 1 -> image.remove(Items.MESSAGE);
            default -> image.put(Items.PK, Items.s("MSG#not-a-uuid"));
        }
        return StreamEvents.record("INSERT", sequenceNumber, image);
    }

    private String next() {
        return StreamEvents.sequence(sequence.incrementAndGet());
    }

    /** The function dying: not an exception the code handles, so the invocation ends where it is. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("the function died between writing the new rows and deleting the old ones");
        }
    }

    /**
     * Every n-th request that deletes old rows (phase two of a move, after phase one wrote the new rows) is never sent:
     * the invocation dies right there, and its retry makes progress (n = 1 would kill every retry at the same point).
     */
    private static final class CrashBeforeDeletes implements ExecutionInterceptor {
        private final int every;
        private final AtomicInteger deletes = new AtomicInteger();

        CrashBeforeDeletes(int every) {
            this.every = every;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (every > 0 && context.request() instanceof BatchExecuteStatementRequest request
                    && request.statements().stream().anyMatch(statement -> statement.statement().startsWith("DELETE"))
                    && deletes.incrementAndGet() % every == 0) {
                throw new SimulatedCrash();
            }
        }
    }
}
