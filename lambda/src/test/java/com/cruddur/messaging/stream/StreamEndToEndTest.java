package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.support.ConversationRowsInTable;
import com.cruddur.messaging.support.LocalDynamoDb;
import com.cruddur.messaging.support.LocalStreamReader;
import com.cruddur.messaging.support.RequestCounter;
import com.cruddur.messaging.support.StreamEvents;
import com.cruddur.messaging.support.TestClock;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole data path on DynamoDB Local: patterns D and C write, the table's real stream is read
 * through the DynamoDB Streams API, and the handler brings both members' rows to the newest message.
 */
class StreamEndToEndTest {

    private static final User YAYA = new User("a1b2c3d4-0000-4000-8000-000000000001", "Yaya", "yaya2devops");
    private static final User BAYKO = new User("a1b2c3d4-0000-4000-8000-000000000002", "Bayko", "bayko");

    private final RequestCounter requests = new RequestCounter();
    private final DynamoDbClient dynamoDb = LocalDynamoDb.shared().client(requests);
    private final String table = LocalDynamoDb.shared().newMessagesTable();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final MessagesRepository repository = new MessagesRepository(dynamoDb, table, clock);
    private final StreamProcessor processor = new StreamProcessor(new ConversationRowStore(dynamoDb, table),
            new JsonLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    private final LocalStreamReader stream = new LocalStreamReader(LocalDynamoDb.shared().streams(),
            dynamoDb.describeTable(b -> b.tableName(table)).table().latestStreamArn());
    private final ConversationRowsInTable rows = new ConversationRowsInTable(dynamoDb, table);

    @Test
    void messagesWrittenByPatternsDAndCReachBothMembersRowsThroughTheStream() {
        Message first = repository.createConversation(YAYA, BAYKO, "hello bayko");
        Message last = first;
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            last = repository.createMessage(first.groupUuid(), i % 2 == 0 ? BAYKO : YAYA, "reply " + i);
        }

        List<DynamodbStreamRecord> records = stream.poll();
        StreamsEventResponse response = processor.handleRequest(StreamEvents.batch(records), null);

        assertEquals(8, records.size(), "two conversation rows and six messages were written");
        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(List.of(new ConversationRow(YAYA.uuid(), first.groupUuid(), last.createdAt(), "reply 4", BAYKO)),
                rows.of(YAYA.uuid(), first.groupUuid()));
        assertEquals(List.of(new ConversationRow(BAYKO.uuid(), first.groupUuid(), last.createdAt(), "reply 4", YAYA)),
                rows.of(BAYKO.uuid(), first.groupUuid()));
    }

    @Test
    void theProcessorsOwnWritesComingBackThroughTheStreamChangeNothing() {
        Message first = repository.createConversation(YAYA, BAYKO, "hello bayko");
        clock.advance(Duration.ofMinutes(1));
        repository.createMessage(first.groupUuid(), BAYKO, "hi yaya");
        processor.handleRequest(StreamEvents.batch(stream.poll()), null);

        List<DynamodbStreamRecord> ownWrites = stream.poll();
        requests.reset();
        processor.handleRequest(StreamEvents.batch(ownWrites), null);

        assertTrue(ownWrites.size() >= 4, "both rows moved: a REMOVE and an INSERT each, got " + ownWrites.size());
        assertTrue(ownWrites.stream().allMatch(record -> "REMOVE".equals(record.getEventName())
                || record.getDynamodb().getNewImage().get("pk").getS().startsWith("GRP#")));
        assertEquals(0, requests.total(), "GRP# records must not trigger any work");
    }
}
