package com.cruddur.messaging.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.LocalDynamoDb;
import com.cruddur.messaging.support.ConversationRowsInTable;
import com.cruddur.messaging.support.RequestCounter;
import com.cruddur.messaging.support.TestClock;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The seed custom resource's lifecycle against the real DynamoDB Local. */
class SeedHandlerTest {

    private static final String GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    private static final User YAYA = new User("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops");
    private static final User BAYKO = new User("9f5a2c3b-8d4e-4f6a-8b7c-2d3e4f5a6b7c", "Andrew Bayko", "bayko");
    private static final User LORE = new User("a1b2c3d4-0000-4000-8000-000000000003", "Lore", "lore");
    private static final Instant NOW = Instant.parse("2026-11-24T10:57:11.658279Z");

    private final RequestCounter requests = new RequestCounter();
    private final DynamoDbClient dynamoDb = LocalDynamoDb.shared().client(requests);
    private final String table = LocalDynamoDb.shared().newMessagesTable();
    private final TestClock clock = new TestClock(NOW);
    private final SeedHandler handler = new SeedHandler(new SeedStore(dynamoDb), clock);
    private final MessagesRepository repository = new MessagesRepository(dynamoDb, table, clock);
    private final ConversationRowsInTable rows = new ConversationRowsInTable(dynamoDb, table);

    @Test
    void createLoadsBothRowsAndTheDialogueAMinuteApartEndingNow() {
        Map<String, Object> response = handler.handleRequest(event("Create", properties(GROUP, YAYA, BAYKO), null), null);

        List<Message> messages = allMessages(GROUP);
        assertEquals(SeedPlan.DIALOGUE.size(), messages.size());
        assertEquals(Timestamps.format(NOW), messages.get(messages.size() - 1).createdAt());
        for (int i = 0; i < messages.size(); i++) {
            assertEquals(NOW.minus(Duration.ofMinutes(messages.size() - 1L - i)), Timestamps.parse(messages.get(i).createdAt()));
            assertEquals(i % 2 == 0 ? YAYA : BAYKO, messages.get(i).sender());
            assertEquals(SeedPlan.DIALOGUE.get(i), messages.get(i).text());
        }
        Message last = messages.get(messages.size() - 1);
        assertEquals(List.of(new ConversationRow(YAYA.uuid(), GROUP, last.createdAt(), last.text(), BAYKO)), rows.of(YAYA.uuid(), GROUP));
        assertEquals(List.of(new ConversationRow(BAYKO.uuid(), GROUP, last.createdAt(), last.text(), YAYA)), rows.of(BAYKO.uuid(), GROUP));
        assertEquals("cruddur-seed/" + table + "/" + GROUP, response.get("PhysicalResourceId"));
    }

    @Test
    void seededConversationReadsBackThroughTheAppsOwnAccessPatterns() {
        handler.handleRequest(event("Create", properties(GROUP, YAYA, BAYKO), null), null);

        assertEquals(20, repository.listMessages(GROUP, Optional.empty()).items().size());
        assertEquals(List.of(GROUP), repository.listConversations(BAYKO.uuid(), Optional.empty()).items().stream()
                .map(ConversationRow::groupUuid).toList());
    }

    @Test
    void repeatedCreateDuplicatesNothing() {
        handler.handleRequest(event("Create", properties(GROUP, YAYA, BAYKO), null), null);
        clock.advance(Duration.ofHours(1));
        handler.handleRequest(event("Create", properties(GROUP, YAYA, BAYKO), null), null);

        assertEquals(SeedPlan.DIALOGUE.size(), allMessages(GROUP).size());
        assertEquals(1, rows.of(YAYA.uuid(), GROUP).size());
        assertEquals(1, rows.of(BAYKO.uuid(), GROUP).size());
    }

    @Test
    void updateWithTheSameSettingsWritesNothing() {
        handler.handleRequest(event("Create", properties(GROUP, YAYA, BAYKO), null), null);
        List<Message> before = allMessages(GROUP);
        clock.advance(Duration.ofHours(1));
        requests.reset();

        handler.handleRequest(event("Update", properties(GROUP, YAYA, BAYKO), properties(GROUP, YAYA, BAYKO)), null);

        assertEquals(0, requests.total());
        assertEquals(before, allMessages(GROUP));
    }

    @Test
    void updateWithNewUsersReplacesExactlyTheOldSeed() {
        handler.handleRequest(event("Create", properties(GROUP, YAYA, BAYKO), null), null);

        Map<String, Object> response = handler.handleRequest(event("Update", properties(GROUP, YAYA, LORE), properties(GROUP, YAYA, BAYKO)), null);

        assertEquals(List.of(), rows.of(BAYKO.uuid(), GROUP));
        assertEquals(1, rows.of(LORE.uuid(), GROUP).size());
        assertTrue(allMessages(GROUP).stream().allMatch(message -> message.sender().equals(YAYA) || message.sender().equals(LORE)));
        assertEquals(SeedPlan.DIALOGUE.size(), allMessages(GROUP).size());
        assertEquals("cruddur-seed/" + table + "/" + GROUP, response.get("PhysicalResourceId"));
    }

    @Test
    void updateToANewConversationMovesTheSeedUnderANewPhysicalId() {
        String other = "6be290ed-55d1-47a0-bc6d-fe2bc2700399";
        handler.handleRequest(event("Create", properties(GROUP, YAYA, BAYKO), null), null);

        Map<String, Object> response = handler.handleRequest(event("Update", properties(other, YAYA, BAYKO), properties(GROUP, YAYA, BAYKO)), null);
        // CloudFormation then deletes the resource under the old id, with the old properties.
        handler.handleRequest(event("Delete", properties(GROUP, YAYA, BAYKO), null), null);

        assertEquals("cruddur-seed/" + table + "/" + other, response.get("PhysicalResourceId"));
        assertEquals(List.of(), allMessages(GROUP));
        assertEquals(SeedPlan.DIALOGUE.size(), allMessages(other).size());
        assertEquals(1, rows.of(YAYA.uuid(), other).size());
    }

    @Test
    void deleteRemovesExactlyWhatTheSeedWroteAndLeavesEverythingElse() {
        handler.handleRequest(event("Create", properties(GROUP, YAYA, BAYKO), null), null);
        clock.advance(Duration.ofMinutes(1));
        Message realReply = repository.createMessage(GROUP, BAYKO, "a real message in the seeded conversation");
        clock.advance(Duration.ofMinutes(1));
        Message realConversation = repository.createConversation(YAYA, LORE, "a real conversation of a seeded user");

        handler.handleRequest(event("Delete", properties(GROUP, YAYA, BAYKO), null), null);

        assertEquals(List.of(realReply), allMessages(GROUP));
        assertEquals(List.of(), rows.of(YAYA.uuid(), GROUP));
        assertEquals(List.of(), rows.of(BAYKO.uuid(), GROUP));
        assertEquals(1, rows.of(YAYA.uuid(), realConversation.groupUuid()).size());
        assertEquals(1, rows.of(LORE.uuid(), realConversation.groupUuid()).size());
        assertEquals(List.of(realConversation), allMessages(realConversation.groupUuid()));
    }

    @Test
    void deleteOfASeedThatIsGoneSucceeds() {
        handler.handleRequest(event("Delete", properties(GROUP, YAYA, BAYKO), null), null);
        assertEquals(List.of(), allMessages(GROUP));
    }

    @Test
    void deleteFromATableThatNoLongerExistsIsNothingToRemove() {
        Map<String, Object> properties = properties(GROUP, YAYA, BAYKO);
        properties.put("TableName", "replaced-and-gone");
        Map<String, Object> delete = event("Delete", properties, null);
        delete.put("PhysicalResourceId", "cruddur-seed/replaced-and-gone/" + GROUP);

        Map<String, Object> response = handler.handleRequest(delete, null);

        assertEquals("cruddur-seed/replaced-and-gone/" + GROUP, response.get("PhysicalResourceId"));
    }

    @Test
    void updateOfTheSameTableAndConversationEchoesThePhysicalIdCloudFormationKnows() {
        handler.handleRequest(event("Create", properties(GROUP, YAYA, BAYKO), null), null);
        Map<String, Object> update = event("Update", properties(GROUP, YAYA, LORE), properties(GROUP, YAYA, BAYKO));
        update.put("PhysicalResourceId", "seed-id-of-an-older-release");

        Map<String, Object> response = handler.handleRequest(update, null);

        assertEquals("seed-id-of-an-older-release", response.get("PhysicalResourceId"), "no replacement, so no Delete that would undo the load");
        assertEquals(1, rows.of(YAYA.uuid(), GROUP).size());
        assertEquals(LORE, rows.of(YAYA.uuid(), GROUP).get(0).other());
    }

    @Test
    void failingWriteIsThrownWithTheTableSoTheProviderReportsFailed() {
        Map<String, Object> properties = properties(GROUP, YAYA, BAYKO);
        properties.put("TableName", "no-such-table");

        ResourceNotFoundException error = assertThrows(ResourceNotFoundException.class,
                () -> handler.handleRequest(event("Create", properties, null), null));

        assertTrue(error.getMessage().toLowerCase().contains("non-existent table") || error.getMessage().contains("not found"),
                error.getMessage());
    }

    @Test
    void malformedPropertiesAreRejectedNamingTheProperty() {
        Map<String, Object> properties = properties(GROUP, YAYA, BAYKO);
        properties.put("MessageGroupUuid", "NOT-A-UUID");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> handler.handleRequest(event("Create", properties, null), null));

        assertTrue(error.getMessage().contains("MessageGroupUuid \"NOT-A-UUID\""), error.getMessage());
    }

    private List<Message> allMessages(String group) {
        List<Message> all = new java.util.ArrayList<>();
        Optional<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> next = Optional.empty();
        do {
            var page = repository.listMessages(group, next);
            all.addAll(0, page.items());
            next = page.next();
        } while (next.isPresent());
        return all;
    }

    private Map<String, Object> properties(String group, User first, User second) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:provider");
        properties.put("TableName", table);
        properties.put("MessageGroupUuid", group);
        properties.put("FirstUserUuid", first.uuid());
        properties.put("FirstUserDisplayName", first.displayName());
        properties.put("FirstUserHandle", first.handle());
        properties.put("SecondUserUuid", second.uuid());
        properties.put("SecondUserDisplayName", second.displayName());
        properties.put("SecondUserHandle", second.handle());
        return properties;
    }

    private static Map<String, Object> event(String requestType, Map<String, Object> properties, Map<String, Object> oldProperties) {
        Map<String, Object> event = new HashMap<>();
        event.put("RequestType", requestType);
        event.put("ResourceProperties", properties);
        if (oldProperties != null) {
            event.put("OldResourceProperties", oldProperties);
        }
        return event;
    }
}
