package com.cruddur.messaging.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.harness.LocalDynamoDb;
import com.cruddur.messaging.support.TestClock;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Access patterns A–D against the real DynamoDB Local. */
class MessagesRepositoryTest {

    private static final User ANDREW = new User("a1b2c3d4-0000-4000-8000-000000000001", "Andrew Brown", "andrewbrown");
    private static final User BAYKO = new User("a1b2c3d4-0000-4000-8000-000000000002", "Andrew Bayko", "bayko");

    private final DynamoDbClient dynamoDb = LocalDynamoDb.shared().client();
    private final String table = LocalDynamoDb.shared().newMessagesTable();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final MessagesRepository repository = new MessagesRepository(dynamoDb, table, clock);

    @Test
    void newConversationWritesBothMembersRowsAndTheFirstMessage() {
        Message first = repository.createConversation(ANDREW, BAYKO, "hello");

        assertEquals(List.of(first), repository.listMessages(first.groupUuid(), Optional.empty()).items());
        assertEquals(List.of(new ConversationRow(ANDREW.uuid(), first.groupUuid(), first.createdAt(), "hello", BAYKO)),
                repository.listConversations(ANDREW.uuid(), Optional.empty()).items());
        assertEquals(List.of(new ConversationRow(BAYKO.uuid(), first.groupUuid(), first.createdAt(), "hello", ANDREW)),
                repository.listConversations(BAYKO.uuid(), Optional.empty()).items());
    }

    @Test
    void newConversationUsesALowercaseRandomGroupUuid() {
        String group = repository.createConversation(ANDREW, BAYKO, "hello").groupUuid();
        assertTrue(group.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), group);
    }

    @Test
    void messageTimestampHasTheSpecFormat() {
        clock.set(Instant.parse("2026-11-24T10:57:11.658279Z"));
        assertEquals("2026-11-24T10:57:11.658279+00:00", repository.createConversation(ANDREW, BAYKO, "hello").createdAt());
    }

    @Test
    void messagesComeNewestTwentyFirstShownOldestFirstThenTheRest() {
        String group = repository.createConversation(ANDREW, BAYKO, "message 0").groupUuid();
        List<Message> sent = new ArrayList<>(repository.listMessages(group, Optional.empty()).items());
        for (int i = 1; i < 25; i++) {
            clock.advance(Duration.ofMinutes(1));
            sent.add(repository.createMessage(group, i % 2 == 0 ? ANDREW : BAYKO, "message " + i));
        }

        Page<Message> newest = repository.listMessages(group, Optional.empty());
        Page<Message> older = repository.listMessages(group, newest.next());

        assertEquals(sent.subList(5, 25), newest.items());
        assertEquals(sent.subList(0, 5), older.items());
        assertEquals(Optional.empty(), older.next());
    }

    @Test
    void conversationsFromLastYearStayVisibleOnNewYearsDay() {
        clock.set(Instant.parse("2025-12-31T23:59:59.999999Z"));
        Message lastYear = repository.createConversation(ANDREW, BAYKO, "happy new year soon");
        clock.set(Instant.parse("2026-01-01T00:00:00.000001Z"));

        assertEquals(List.of(lastYear.groupUuid()),
                repository.listConversations(ANDREW.uuid(), Optional.empty()).items().stream().map(ConversationRow::groupUuid).toList());
    }

    @Test
    void conversationsArePagedNewestFirstTwentyAtATime() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            clock.advance(Duration.ofMinutes(1));
            groups.add(0, repository.createConversation(ANDREW, new User(String.format("a1b2c3d4-0000-4000-8000-%012d", 100 + i),
                    "User " + i, "user" + i), "hi " + i).groupUuid());
        }

        Page<ConversationRow> first = repository.listConversations(ANDREW.uuid(), Optional.empty());
        Page<ConversationRow> second = repository.listConversations(ANDREW.uuid(), first.next());

        assertEquals(groups.subList(0, 20), first.items().stream().map(ConversationRow::groupUuid).toList());
        assertEquals(groups.subList(20, 23), second.items().stream().map(ConversationRow::groupUuid).toList());
    }

    @Test
    void newMessageInAnExistingConversationWritesOnlyTheMessage() {
        Message first = repository.createConversation(ANDREW, BAYKO, "hello");
        clock.advance(Duration.ofMinutes(1));
        Message reply = repository.createMessage(first.groupUuid(), BAYKO, "hi back");

        assertEquals(List.of(first, reply), repository.listMessages(first.groupUuid(), Optional.empty()).items());
        assertEquals("hello", repository.listConversations(ANDREW.uuid(), Optional.empty()).items().get(0).message(),
                "conversation rows are the stream processor's job (pattern E)");
    }

    @Test
    void textOutOfRangeIsRejectedAndNothingIsWritten() {
        Message first = repository.createConversation(ANDREW, BAYKO, "hello");
        clock.advance(Duration.ofMinutes(1));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> repository.createMessage(first.groupUuid(), BAYKO, "x".repeat(1025)));

        assertTrue(error.getMessage().contains("1025"), error.getMessage());
        assertEquals(List.of(first), repository.listMessages(first.groupUuid(), Optional.empty()).items());
    }

    @Test
    void messageNeverOverwritesAnotherAtTheSameInstant() {
        Message first = repository.createConversation(ANDREW, BAYKO, "hello");
        assertThrows(ConditionalCheckFailedException.class, () -> repository.createMessage(first.groupUuid(), BAYKO, "same microsecond"));
        assertEquals(List.of(first), repository.listMessages(first.groupUuid(), Optional.empty()).items());
    }

    @Test
    void messagesAndRowsOtherWritersKeyedInOtherFormsAreReadAndShownInTimeOrder() {
        String group = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
        List<String> keysAsWritten = List.of(
                "2026-11-25T19:04:00.123456+01:00",   // 18:04 UTC, backend-flask in Europe/Berlin
                "2026-11-25T18:10:00+00:00",          // zero microseconds: no fraction
                "2026-11-25T18:20:00.5Z",
                "2026-11-25T13:30:00-05:00");         // 18:30 UTC
        for (String sk : keysAsWritten) {
            putRaw("MSG#" + group, sk, Map.of("message_uuid", java.util.UUID.randomUUID().toString(), "message", "at " + sk));
        }
        putRaw("GRP#" + ANDREW.uuid(), "2026-11-25T19:30:00+01:00", Map.of("message_group_uuid", group, "message", "row of another writer"));

        List<Message> shown = repository.listMessages(group, Optional.empty()).items();
        List<ConversationRow> conversations = repository.listConversations(ANDREW.uuid(), Optional.empty()).items();

        assertEquals(keysAsWritten, shown.stream().map(Message::createdAt).toList(), "oldest first by instant, keys as written");
        assertEquals("2026-11-25T19:30:00+01:00", conversations.get(0).lastMessageAt());
    }

    /** An item as a writer other than this project puts it (boto3's put_item), with BAYKO as its user. */
    private void putRaw(String pk, String sk, Map<String, String> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk),
                "user_uuid", AttributeValue.fromS(BAYKO.uuid()), "user_display_name", AttributeValue.fromS(BAYKO.displayName()),
                "user_handle", AttributeValue.fromS(BAYKO.handle())));
        attributes.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }
}
