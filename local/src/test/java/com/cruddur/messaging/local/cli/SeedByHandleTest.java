package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.LocalDynamoDbServer;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.support.StubAwsHttp;
import com.cruddur.messaging.local.support.TestPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.regions.Region;

/** bin/ddb seed with backend-flask's Postgres: the seed's users are the Postgres users of its handles (SeedLoader, shared with bin/local). */
class SeedByHandleTest {

    private static final LocalDynamoDbServer SERVER = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty());
    private static final Path DEV_TEMPLATES = TestTemplates.cdkOut("dev");
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final String SEED_GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    /** The dev stage's seedConversation.firstUser uuid in cdk.json. */
    private static final String TEMPLATE_FIRST_USER = "8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b";

    private final String table = "seed-by-handle-" + TABLES.incrementAndGet();
    private final MessagesRepository repository = new MessagesRepository(
            Clients.dynamoDb(Optional.of(SERVER.endpoint()), Region.US_EAST_1), table, Clock.systemUTC());
    private final TestPostgres.Database database = TestPostgres.newDatabase().withUsersTable();
    private String out;
    private String err;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void theConversationBelongsToThePostgresUsersOfTheSeedHandles() {
        String yaya = database.insertUser("Yaya in Postgres", "yaya2devops", "MOCK");
        String bayko = database.insertUser("Bayko in Postgres", "bayko", "MOCK");

        assertEquals(0, seed("--database-url", database.url()));

        List<ConversationRow> rows = repository.listConversations(yaya, Optional.empty()).items();
        assertEquals(1, rows.size(), "the first user's conversation row, under its Postgres uuid");
        assertEquals(SEED_GROUP, rows.get(0).groupUuid());
        assertEquals(bayko, rows.get(0).other().uuid());
        assertEquals("Bayko in Postgres", rows.get(0).other().displayName());
        assertEquals(List.of(), repository.listConversations(TEMPLATE_FIRST_USER, Optional.empty()).items());
        assertTrue(out.contains("(yaya2devops and bayko, their uuids and names from Postgres)"), out);
    }

    @Test
    void aSeedHandleMissingFromPostgresFailsWithOneLineAndSeedsNothing() {
        database.insertUser("Yaya", "yaya2devops", "MOCK");

        assertEquals(1, seed("--database-url", database.url()));

        assertEquals("seed: no user with handle bayko in Postgres public.users for the seed (sign up as bayko, or load the reference"
                + " users with bin/ddb postgres load-reference-users)", err.trim());
        assertEquals(List.of(), repository.listMessages(SEED_GROUP, Optional.empty()).items());
    }

    @Test
    void withoutADatabaseUrlTheTemplatesUuidsAreUsedAndTheOutputSaysSo() {
        assertEquals(0, seed());

        assertEquals(SEED_GROUP, repository.listConversations(TEMPLATE_FIRST_USER, Optional.empty()).items().get(0).groupUuid());
        assertTrue(out.contains("(yaya2devops and bayko, the template's uuids; no database URL)"), out);
    }

    /** bin/ddb seed into a fresh table created from the dev template. */
    private int seed(String... options) {
        assertEquals(0, ddb("schema-load"));
        List<String> arguments = new ArrayList<>(List.of("seed"));
        arguments.addAll(List.of(options));
        return ddb(arguments.toArray(String[]::new));
    }

    private int ddb(String... arguments) {
        var commandLine = Ddb.commandLine(new StubAwsHttp(Map.of()));
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--endpoint", SERVER.endpoint().toString(), "--table", table, "--cdk-out", DEV_TEMPLATES.toString()));
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(errors, true));
        int exit = commandLine.execute(all.toArray(String[]::new));
        out = output.toString();
        err = errors.toString();
        return exit;
    }
}
