package com.cruddur.messaging.seed;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.harness.LocalDynamoDb;
import com.cruddur.messaging.support.ConversationRowsInTable;
import com.cruddur.messaging.support.EmbeddedUsersDatabase;
import com.cruddur.messaging.support.RequestCounter;
import com.cruddur.messaging.support.StubSsm;
import com.cruddur.messaging.support.TestClock;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The seed custom resource with users given by handle, looked up in a real Postgres through the SSM parameter
 * {@code ConnectionUrlParameter} names (SSM answered under the real SDK client), into DynamoDB Local.
 */
class SeedByHandleTest {

    private static final String GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    private static final String PARAMETER = "/cruddur/dev/backend-flask/CONNECTION_URL";

    private final RequestCounter requests = new RequestCounter();
    private final DynamoDbClient dynamoDb = LocalDynamoDb.shared().client(requests);
    private final String table = LocalDynamoDb.shared().newMessagesTable();
    private final ConversationRowsInTable rows = new ConversationRowsInTable(dynamoDb, table);
    private EmbeddedUsersDatabase database;
    private StubSsm ssm;
    private SeedHandler handler;

    @BeforeEach
    void usersInPostgres() {
        database = EmbeddedUsersDatabase.fresh();
        database.insertUser("Yaya", "yaya2devops@exampro.co", "yaya2devops", "MOCK");
        database.insertUser("Andrew Bayko", "bayko@exampro.co", "bayko", "MOCK");
        ssm = new StubSsm(Map.of(PARAMETER, database.connectionUrl()));
        handler = new SeedHandler(new SeedStore(dynamoDb), ssm::client, new TestClock(Instant.parse("2026-11-24T10:57:11.658279Z")));
    }

    @Test
    void createSeedsTheUsersPostgresHoldsUnderTheHandles() {
        handler.handleRequest(event("Create", byHandle("yaya2devops", "bayko"), null), null);

        User yaya = new User(database.uuidOf("yaya2devops"), "Yaya", "yaya2devops");
        User bayko = new User(database.uuidOf("bayko"), "Andrew Bayko", "bayko");
        List<ConversationRow> yayasRows = rows.of(yaya.uuid(), GROUP);
        assertAll(
                () -> assertEquals(1, yayasRows.size()),
                () -> assertEquals(bayko, yayasRows.get(0).other()),
                () -> assertEquals(yaya, rows.of(bayko.uuid(), GROUP).get(0).other()));
    }

    @Test
    void aHandleNotInTheDatabaseFailsNamingHandleAndDatabase() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> handler.handleRequest(event("Create", byHandle("yaya2devops", "lore"), null), null));

        assertEquals("seed user handle lore is not in public.users of " + database.describe().replaceFirst(":\\d+/", "/"),
                error.getMessage());
    }

    @Test
    void aHandleWithoutConnectionUrlParameterFailsNamingTheProperty() {
        Map<String, Object> properties = byHandle("yaya2devops", "bayko");
        properties.remove("ConnectionUrlParameter");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> handler.handleRequest(event("Create", properties, null), null));

        assertTrue(error.getMessage().contains("seed user handle yaya2devops comes without a uuid")
                && error.getMessage().contains("ConnectionUrlParameter"), error.getMessage());
    }

    @Test
    void explicitUuidsAreSeededWithoutAskingSsm() {
        User lore = new User("a1b2c3d4-0000-4000-8000-000000000003", "Lore", "lore");
        User yaya = new User("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops");
        Map<String, Object> properties = byHandle("yaya2devops", "lore");
        properties.putAll(Map.of("FirstUserUuid", yaya.uuid(), "FirstUserDisplayName", yaya.displayName(),
                "SecondUserUuid", lore.uuid(), "SecondUserDisplayName", lore.displayName()));

        handler.handleRequest(event("Create", properties, null), null);

        assertAll(
                () -> assertEquals(lore, rows.of(yaya.uuid(), GROUP).get(0).other()),
                () -> assertEquals(List.of(), ssm.requests()));
    }

    @Test
    void updateWithTheSameHandlesWritesNothingAndEchoesThePhysicalId() {
        handler.handleRequest(event("Create", byHandle("yaya2devops", "bayko"), null), null);
        requests.reset();
        Map<String, Object> update = event("Update", byHandle("yaya2devops", "bayko"), byHandle("yaya2devops", "bayko"));
        update.put("PhysicalResourceId", "cruddur-seed/" + table + "/" + GROUP);

        Map<String, Object> response = handler.handleRequest(update, null);

        assertAll(
                () -> assertEquals(0, requests.total()),
                () -> assertEquals("cruddur-seed/" + table + "/" + GROUP, response.get("PhysicalResourceId")));
    }

    @Test
    void deleteRemovesTheRowsOfTheUsersFoundByHandle() {
        handler.handleRequest(event("Create", byHandle("yaya2devops", "bayko"), null), null);

        handler.handleRequest(event("Delete", byHandle("yaya2devops", "bayko"), null), null);

        assertAll(
                () -> assertEquals(List.of(), rows.of(database.uuidOf("yaya2devops"), GROUP)),
                () -> assertEquals(List.of(), rows.of(database.uuidOf("bayko"), GROUP)));
    }

    /** The properties SeedData would synthesize for users given by handle alone. */
    private Map<String, Object> byHandle(String first, String second) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:provider");
        properties.put("TableName", table);
        properties.put("MessageGroupUuid", GROUP);
        properties.put("FirstUserHandle", first);
        properties.put("SecondUserHandle", second);
        properties.put("ConnectionUrlParameter", PARAMETER);
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
