package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.support.LocalDynamoDb;
import com.cruddur.messaging.support.StreamEvents;
import com.cruddur.messaging.support.TestClock;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SPEC §3 invariants after any sequence of batches: random conversations and members, messages in
 * random order, replayed records, random batch boundaries and malformed records mixed in. After every
 * batch each member has exactly one row per conversation, on the newest message processed so far (so
 * a row never moves back), and exactly the malformed records are reported.
 */
class StreamProcessorPropertiesTest {

    private static final int USERS = 4;
    private static final Instant BASE = Instant.parse("2026-11-24T00:00:00Z");

    private final DynamoDbClient dynamoDb = LocalDynamoDb.shared().client();
    private final String table = LocalDynamoDb.shared().newMessagesTable();
    private final ConversationRowStore store = new ConversationRowStore(dynamoDb, table);
    private final StreamProcessor processor = new StreamProcessor(store, new JsonLog(new PrintStream(OutputStream.nullOutputStream())));
    private final AtomicLong sequence = new AtomicLong();

    /** One generated message: which conversation, when (a slot; slots are made unique), who sends, whether it is replayed. */
    record Step(int conversation, int slot, boolean fromFirstMember, boolean replayed, boolean malformedBefore, int batchBreak) {
    }

    @Property(tries = 1000)
    void invariantsHoldAfterEverySequenceOfBatches(@ForAll("conversationPairs") List<int[]> pairs, @ForAll("steps") List<Step> steps) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(new User(UUID.randomUUID().toString(), "User " + i, "user" + i));
        }
        TestClock clock = new TestClock(BASE);
        MessagesRepository repository = new MessagesRepository(dynamoDb, table, clock);
        List<Message> firsts = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            clock.set(BASE.plusNanos(1000L * i));
            firsts.add(repository.createConversation(users.get(pairs.get(i)[0]), users.get(pairs.get(i)[1]), "first " + i));
        }

        List<List<DynamodbStreamRecord>> batches = new ArrayList<>(List.of(new ArrayList<>()));
        Set<String> malformed = new TreeSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int conversation = step.conversation() % pairs.size();
            User sender = users.get(pairs.get(conversation)[step.fromFirstMember() ? 0 : 1]);
            // Unique instants for every message: slot minutes plus the step index in microseconds.
            String createdAt = Timestamps.format(BASE.plusSeconds(60L + 60L * step.slot()).plusNanos(1000L * i));
            Message message = new Message(firsts.get(conversation).groupUuid(), UUID.randomUUID().toString(), createdAt, "text " + i, sender);
            List<DynamodbStreamRecord> batch = batches.get(batches.size() - 1);
            if (step.malformedBefore()) {
                String sequenceNumber = next();
                malformed.add(sequenceNumber);
                batch.add(malformedRecord(sequenceNumber, message));
            }
            DynamodbStreamRecord record = StreamEvents.insert(next(), Items.item(message));
            batch.add(record);
            if (step.replayed()) {
                batch.add(record);
            }
            if (step.batchBreak() == 0) {
                batches.add(new ArrayList<>());
            }
        }

        Map<String, String> newestSoFar = new HashMap<>();
        firsts.forEach(first -> newestSoFar.put(first.groupUuid(), first.createdAt() + "\u0000" + first.text()));
        for (List<DynamodbStreamRecord> batch : batches) {
            StreamsEventResponse response = processor.handleRequest(StreamEvents.batch(batch), null);

            Set<String> reported = new TreeSet<>();
            response.getBatchItemFailures().forEach(failure -> reported.add(failure.getItemIdentifier()));
            Set<String> malformedInBatch = new TreeSet<>();
            batch.stream().map(record -> record.getDynamodb().getSequenceNumber()).filter(malformed::contains).forEach(malformedInBatch::add);
            assertEquals(malformedInBatch, reported, "exactly the malformed records are reported");

            batch.stream().filter(record -> !malformed.contains(record.getDynamodb().getSequenceNumber())).forEach(record -> {
                Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
                String group = image.get(Items.PK).getS().substring(4);
                String candidate = image.get(Items.SK).getS() + "\u0000" + image.get(Items.MESSAGE).getS();
                newestSoFar.merge(group, candidate, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            });
            for (int i = 0; i < pairs.size(); i++) {
                assertRowsOn(firsts.get(i).groupUuid(), users.get(pairs.get(i)[0]), users.get(pairs.get(i)[1]), newestSoFar.get(firsts.get(i).groupUuid()));
            }
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
                Arbitraries.integers().between(0, 4)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    private void assertRowsOn(String group, User first, User second, String newest) {
        String[] parts = newest.split("\u0000");
        List<ConversationRow> expected = new ArrayList<>(List.of(
                new ConversationRow(first.uuid(), group, parts[0], parts[1], second),
                new ConversationRow(second.uuid(), group, parts[0], parts[1], first)));
        List<ConversationRow> actual = new ArrayList<>(store.rowsOf(group).stream().map(Items::conversationRow).toList());
        Comparator<ConversationRow> byOwner = Comparator.comparing(ConversationRow::ownerUuid);
        expected.sort(byOwner);
        actual.sort(byOwner);
        assertEquals(expected, actual, "rows of conversation " + group);
    }

    private static DynamodbStreamRecord malformedRecord(String sequenceNumber, Message message) {
        Map<String, AttributeValue> image = new LinkedHashMap<>(StreamEvents.toEventImage(Items.item(message)));
        switch ((int) (Long.parseLong(sequenceNumber) % 3)) {
            case 0 -> image.put(Items.SK, new AttributeValue().withS("2026-11-24T10:00:00Z"));
            case 1 -> image.remove(Items.MESSAGE);
            default -> image.put(Items.PK, new AttributeValue().withS("MSG#not-a-uuid"));
        }
        return StreamEvents.record("INSERT", sequenceNumber, image);
    }

    private String next() {
        return StreamEvents.sequence(sequence.incrementAndGet());
    }
}
