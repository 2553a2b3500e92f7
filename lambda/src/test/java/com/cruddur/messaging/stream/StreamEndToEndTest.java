package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.LocalDynamoDb;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.harness.stream.LambdaJson;
import com.cruddur.messaging.harness.stream.ShardReader;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.harness.template.StreamMapping;
import com.cruddur.messaging.support.ConversationRowsInTable;
import com.cruddur.messaging.support.RequestCounter;
import com.cruddur.messaging.support.TestClock;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The whole data path on DynamoDB Local: patterns D and C write, the table's real stream is read through the
 * DynamoDB Streams API, the deployed event source mapping's filters decide what reaches the handler, and the handler
 * brings both members' rows to the newest message.
 */
class StreamEndToEndTest {

    private static final User YAYA = new User("a1b2c3d4-0000-4000-8000-000000000001", "Yaya", "yaya2devops");
    private static final User BAYKO = new User("a1b2c3d4-0000-4000-8000-000000000002", "Bayko", "bayko");
    /** How the dev stage's event source mapping feeds the processor, from its synthesized template. */
    private static final StreamMapping MAPPING = StageTemplates.read(TestTemplates.cdkOut("dev"), "dev").streamMapping();

    private final RequestCounter requests = new RequestCounter();
    private final DynamoDbClient dynamoDb = LocalDynamoDb.shared().client(requests);
    private final TableDescription created = LocalDynamoDb.shared().createMessagesTable();
    private final String table = created.tableName();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final MessagesRepository repository = new MessagesRepository(dynamoDb, table, clock);
    private final StreamProcessor processor = new StreamProcessor(new ConversationRowStore(dynamoDb, table),
            new JsonLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    private final ShardReader stream = new ShardReader(LocalDynamoDb.shared().streams(), created.latestStreamArn(),
            MAPPING.startingPosition(), Clock.systemUTC());
    private final ConversationRowsInTable rows = new ConversationRowsInTable(dynamoDb, table);

    @Test
    void messagesWrittenByPatternsDAndCReachBothMembersRowsThroughTheStream() {
        Message first = repository.createConversation(YAYA, BAYKO, "hello bayko");
        Message last = first;
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            last = repository.createMessage(first.groupUuid(), i % 2 == 0 ? BAYKO : YAYA, "reply " + i);
        }

        List<Record> records = stream.read();
        StreamsEventResponse response = processor.handleRequest(delivered(records), null);

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
        processor.handleRequest(delivered(stream.read()), null);

        List<Record> ownWrites = stream.read();
        requests.reset();
        processor.handleRequest(LambdaJson.event(ownWrites, created.latestStreamArn()), null);

        assertTrue(ownWrites.size() >= 4, "both rows moved: a REMOVE and an INSERT each, got " + ownWrites.size());
        assertTrue(ownWrites.stream().allMatch(record -> record.eventName() == OperationType.REMOVE
                || record.dynamodb().newImage().get(Items.PK).s().startsWith("GRP#")));
        assertEquals(0, requests.total(), "GRP# records must not trigger any work");
        assertEquals(List.of(), delivered(ownWrites).getRecords(), "nor does the deployed filter let them reach the processor");
    }

    @Test
    void anEditAndADeletionOfTheNewestMessageReachBothMembersRowsThroughTheDeployedFilter() {
        Message first = repository.createConversation(YAYA, BAYKO, "hello bayko");
        clock.advance(Duration.ofMinutes(1));
        Message reply = repository.createMessage(first.groupUuid(), BAYKO, "hi yaya");
        processor.handleRequest(delivered(stream.read()), null);
        Message edited = new Message(reply.groupUuid(), reply.messageUuid(), reply.createdAt(), "hi yaya, edited", BAYKO);

        dynamoDb.putItem(b -> b.tableName(table).item(Items.item(edited)));
        StreamsEventResponse editResponse = processor.handleRequest(delivered(stream.read()), null);
        assertEquals(List.of(), editResponse.getBatchItemFailures());
        assertBothRowsOn(edited, YAYA, BAYKO);

        dynamoDb.deleteItem(b -> b.tableName(table).key(Items.key(Items.item(edited))));
        StreamsEventResponse deletionResponse = processor.handleRequest(delivered(stream.read()), null);
        assertEquals(List.of(), deletionResponse.getBatchItemFailures());
        assertBothRowsOn(first, YAYA, BAYKO);
    }

    /** What Lambda invokes the processor with for {@code records}: those the deployed filters admit, as the runtime reads them. */
    private DynamodbEvent delivered(List<Record> records) {
        return LambdaJson.event(records.stream().filter(record -> MAPPING.admits(record, created.latestStreamArn())).toList(),
                created.latestStreamArn());
    }

    private void assertBothRowsOn(Message newest, User memberA, User memberB) {
        assertEquals(List.of(new ConversationRow(memberA.uuid(), newest.groupUuid(), newest.createdAt(), newest.text(), memberB)),
                rows.of(memberA.uuid(), newest.groupUuid()));
        assertEquals(List.of(new ConversationRow(memberB.uuid(), newest.groupUuid(), newest.createdAt(), newest.text(), memberA)),
                rows.of(memberB.uuid(), newest.groupUuid()));
    }
}
