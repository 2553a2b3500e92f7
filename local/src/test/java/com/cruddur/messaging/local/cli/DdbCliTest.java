package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.LocalDynamoDbServer;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.support.StubAwsHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every bin/ddb command against the real DynamoDB Local; Cognito and SSM against a stubbed HTTP layer of the real SDK clients. */
class DdbCliTest {

    private static final LocalDynamoDbServer SERVER = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty());
    private static final Path DEV_TEMPLATES = TestTemplates.cdkOut("dev");
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final String SEED_GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    private static final User YAYA = new User("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops");
    private static final User LORE = new User("a1b2c3d4-0000-4000-8000-000000000003", "Lore", "lore");

    private final String table = "cli-" + TABLES.incrementAndGet();
    private final DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(SERVER.endpoint()), Region.US_EAST_1);
    private StubAwsHttp aws = new StubAwsHttp(Map.of());
    private String out;
    private String err;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void schemaLoadCreatesTheTableTheTemplateDefines() {
        assertEquals(0, ddb("schema-load", "--cdk-out", DEV_TEMPLATES.toString()));
        assertTrue(out.contains("created " + table), out);
        var described = dynamoDb.describeTable(b -> b.tableName(table)).table();
        assertEquals("message-group-sk-index", described.globalSecondaryIndexes().get(0).indexName());
        assertEquals("NEW_IMAGE", described.streamSpecification().streamViewTypeAsString());
    }

    @Test
    void schemaLoadRefusesAnExistingTable() {
        createTable();
        assertEquals(1, ddb("schema-load", "--cdk-out", DEV_TEMPLATES.toString()));
        assertTrue(err.contains("table " + table + " already exists"), err);
    }

    @Test
    void listTablesShowsTheTable() {
        createTable();
        assertEquals(0, ddb("list-tables"));
        assertTrue(out.lines().anyMatch(table::equals), out);
    }

    @Test
    void seedLoadsTheStageConversationThroughTheSeedCode() {
        createTable();
        assertEquals(0, ddb("seed", "--cdk-out", DEV_TEMPLATES.toString()));
        assertTrue(out.contains("seeded conversation " + SEED_GROUP), out);
        assertEquals(20, repository().listMessages(SEED_GROUP, Optional.empty()).items().size());
    }

    @Test
    void seedOfAStageWithoutSeedDataIsRefused() {
        createTable();
        assertEquals(2, ddb("seed", "--stage", "prod", "--cdk-out", TestTemplates.cdkOut("prod").toString()));
        assertTrue(err.contains("stage prod has no seed data"), err);
    }

    @Test
    void scanPrintsEveryItemAsJsonForScripts() {
        createTable();
        repository().createConversation(YAYA, LORE, "hello");
        assertEquals(0, ddb("scan", "--json"));
        assertEquals(3, out.split("\"pk\"").length - 1, "the message and both conversation rows: " + out);
        assertTrue(out.contains("\"sk\""), out);
    }

    @Test
    void scanPrintsATableLargerThanOneScanPageWhole() {
        createTable();
        int items = putLargeItems();
        // DynamoDB returns at most 1 MB per Scan call; the precondition that this table needs more than one.
        assertFalse(dynamoDb.scan(b -> b.tableName(table)).lastEvaluatedKey().isEmpty(), "the items fit in one scan page");

        assertEquals(0, ddb("scan"));
        assertTrue(out.strip().endsWith(items + " item(s)"), out.substring(Math.max(0, out.length() - 200)));
        assertEquals("", err);
    }

    @Test
    void scanWithALimitBelowTheTableSaysItStopped() {
        createTable();
        putLargeItems();

        assertEquals(0, ddb("scan", "--limit", "3"));
        assertTrue(out.strip().endsWith("3 item(s)"), out.substring(Math.max(0, out.length() - 200)));
        assertEquals("stopped at --limit 3; the table has more items", err.strip());
    }

    @Test
    void scanWithALimitAboveTheTableSaysNothingMore() {
        createTable();
        repository().createConversation(YAYA, LORE, "hello");

        assertEquals(0, ddb("scan", "--limit", "3"));
        assertTrue(out.strip().endsWith("3 item(s)"), out);
        assertEquals("", err);
    }

    @Test
    void getConversationShowsTheNewest20OldestFirstAndPagesBack() {
        createTable();
        String group = conversationWith(25);

        assertEquals(0, ddb("get-conversation", group));
        List<String> lines = out.lines().skip(1).toList();
        assertEquals(20, lines.size(), out);
        assertTrue(lines.get(0).contains("message 5") && lines.get(19).contains("message 24"), out);
        String token = err.substring(err.indexOf("--next ") + "--next ".length()).trim();

        assertEquals(0, ddb("get-conversation", group, "--next", token));
        List<String> older = out.lines().skip(1).toList();
        assertEquals(5, older.size(), out);
        assertTrue(older.get(0).contains("message 0") && older.get(4).contains("message 4"), out);
    }

    @Test
    void getConversationOfMalformedUuidIsBadInput() {
        createTable();
        assertEquals(2, ddb("get-conversation", "not-a-uuid"));
        assertTrue(err.contains("GROUP_UUID \"not-a-uuid\""), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
    }

    @Test
    void getConversationOfUnknownGroupFails() {
        createTable();
        assertEquals(1, ddb("get-conversation", "00000000-0000-4000-8000-000000000000"));
        assertTrue(err.contains("has no messages"), err);
    }

    @Test
    void listConversationsShowsTheNewestFirst() {
        createTable();
        MessagesRepository repository = repository();
        var older = repository.createConversation(YAYA, LORE, "older conversation");
        var newer = repository.createConversation(YAYA, new User("b1b2c3d4-0000-4000-8000-000000000004", "Kim", "kim"), "newer conversation");

        assertEquals(0, ddb("list-conversations", YAYA.uuid(), "--json"));
        assertTrue(out.indexOf(newer.groupUuid()) < out.indexOf(older.groupUuid()), out);
        assertTrue(out.contains("\"with\" : \"kim\""), out);
    }

    @Test
    void missingTableIsOneLineAndNonZero() {
        assertEquals(1, ddb("scan"));
        assertEquals("scan: table " + table + " does not exist at " + SERVER.endpoint()
                + " (create it with bin/ddb schema-load, or start bin/local)", err.trim());
    }

    @Test
    void dropAsksForTheTableNameAndDropsOnlyOnAMatch() {
        createTable();
        assertEquals(1, withInput("yes\n", () -> ddb("drop")));
        assertTrue(dynamoDb.listTables().tableNames().contains(table));

        assertEquals(0, withInput(table + "\n", () -> ddb("drop")));
        assertFalse(dynamoDb.listTables().tableNames().contains(table));
    }

    @Test
    void cognitoListUsersReadsThePoolIdFromSsmAndPrintsEachUser() {
        aws = new StubAwsHttp(Map.of(
                "AmazonSSM.GetParameter", "{\"Parameter\":{\"Name\":\"/cruddur/dev/cognito/user-pool-id\",\"Value\":\"us-east-1_AbCdEf123\"}}",
                "AWSCognitoIdentityProviderService.ListUsers", "{\"Users\":[{\"Username\":\"3f0c7a8e-1111-4222-8333-444455556666\","
                        + "\"UserStatus\":\"CONFIRMED\",\"Enabled\":true,\"Attributes\":["
                        + "{\"Name\":\"sub\",\"Value\":\"3f0c7a8e-1111-4222-8333-444455556666\"},"
                        + "{\"Name\":\"email\",\"Value\":\"yaya@example.com\"},"
                        + "{\"Name\":\"preferred_username\",\"Value\":\"yaya2devops\"},"
                        + "{\"Name\":\"name\",\"Value\":\"Yaya\"}]}]}"));

        assertEquals(0, run(Ddb.commandLine(aws), "cognito", "list-users", "--stage", "dev", "--region", "us-east-1"));

        assertEquals(List.of("AmazonSSM.GetParameter", "AWSCognitoIdentityProviderService.ListUsers"), aws.targets);
        assertTrue(aws.bodies.get(0).contains("/cruddur/dev/cognito/user-pool-id"), aws.bodies.get(0));
        assertTrue(aws.bodies.get(1).contains("us-east-1_AbCdEf123"), aws.bodies.get(1));
        String row = out.lines().skip(1).findFirst().orElseThrow();
        for (String value : List.of("3f0c7a8e-1111-4222-8333-444455556666", "yaya@example.com", "yaya2devops", "CONFIRMED")) {
            assertTrue(row.contains(value), row);
        }
    }

    @Test
    void cognitoListUsersGoesToAwsEvenWithTheLocalEndpointExported() {
        aws = new StubAwsHttp(Map.of("AWSCognitoIdentityProviderService.ListUsers", "{\"Users\":[]}"));
        // aws.endpointUrl is the system-property twin of the AWS_ENDPOINT_URL that bin/local tells the shell to export.
        System.setProperty("aws.endpointUrl", "http://localhost:8000");
        try {
            assertEquals(0, run(Ddb.commandLine(aws), "cognito", "list-users", "--user-pool-id", "us-east-1_AbCdEf123", "--region", "us-east-1"));
        } finally {
            System.clearProperty("aws.endpointUrl");
        }
        assertEquals(List.of("cognito-idp.us-east-1.amazonaws.com"), aws.hosts);
    }

    @Test
    void cognitoListUsersWithoutThePublishedParameterSaysWhatToDo() {
        aws = new StubAwsHttp(Map.of("AmazonSSM.GetParameter", "{\"__type\":\"ParameterNotFound\",\"message\":\"not found\"}"));
        assertEquals(1, run(Ddb.commandLine(aws), "cognito", "list-users", "--stage", "qa", "--region", "us-east-1"));
        assertEquals("list-users: SSM parameter /cruddur/qa/cognito/user-pool-id not found in us-east-1"
                + " (deploy the stage's Auth stack, or pass --user-pool-id)", err.trim());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("list-tables", "schema-load", "drop", "seed", "scan", "get-conversation", "list-conversations",
                "import-mapping")) {
            assertEquals(0, ddb(command, "--help"), command);
            assertTrue(out.startsWith("Usage: ddb " + command), out);
        }
        for (List<String> nested : List.of(List.of("cognito", "list-users"), List.of("cognito", "link-users"),
                List.of("postgres", "load-reference-users"))) {
            assertEquals(0, run(Ddb.commandLine(aws), nested.get(0), nested.get(1), "--help"));
            assertTrue(out.startsWith("Usage: ddb " + String.join(" ", nested)), out);
        }
    }

    @Test
    void optionsBeforeTheSubcommandAreRefused() {
        // bin/ddb looks for the subcommand in $1 only (to synthesize the stage first); this is why that is enough.
        assertEquals(2, run(Ddb.commandLine(aws), "--endpoint", SERVER.endpoint().toString(), "seed"));
        assertTrue(err.startsWith("Unknown options: '--endpoint'"), err);
    }

    @Test
    void helpShowsNoTableOptionWhereTheTableIsNotTheCommandsToChoose() {
        for (String command : List.of("list-tables", "redrive")) {
            assertEquals(0, ddb(command, "--help"), command);
            assertFalse(out.contains("--table"), out);
        }
        assertEquals(2, run(Ddb.commandLine(aws), "list-tables", "--table", "t"));
        assertTrue(err.startsWith("Unknown options: '--table', 't'"), err);
    }

    @Test
    void importMappingsHelpSaysItsTableDefaultsToTheTemplates() {
        assertEquals(0, ddb("import-mapping", "--help"));
        assertTrue(out.replaceAll("\\s+", " ").contains("default: the table the stage's template names"), out);
        assertFalse(out.contains("DDB_MESSAGE_TABLE"), out);
    }

    @Test
    void helpShowsJsonOnlyWhereTheOutputIsATable() {
        for (String command : List.of("list-tables", "scan", "get-conversation", "list-conversations", "redrive")) {
            assertEquals(0, ddb(command, "--help"), command);
            assertTrue(out.contains("--json"), out);
        }
        for (String command : List.of("schema-load", "seed", "drop", "import-mapping")) {
            assertEquals(0, ddb(command, "--help"), command);
            assertFalse(out.contains("--json"), out);
        }
    }

    @Test
    void helpHidesTheTestsAwsEndpoint() {
        assertEquals(0, ddb("redrive", "--help"));
        assertFalse(out.contains("--aws-endpoint"), out);
        assertEquals(0, run(Ddb.commandLine(aws), "cognito", "list-users", "--help"));
        assertFalse(out.contains("--aws-endpoint"), out);
    }

    private int ddb(String... arguments) {
        return ddbAt(SERVER.endpoint().toString(), arguments);
    }

    private int ddbAt(String endpoint, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        if (!List.of(arguments).contains("--help")) {
            all.addAll(List.of("--endpoint", endpoint));
            // list-tables has no --table: it lists them all.
            if (!arguments[0].equals("list-tables")) {
                all.addAll(List.of("--table", table));
            }
        }
        return run(Ddb.commandLine(aws), all.toArray(String[]::new));
    }

    private int run(CommandLine commandLine, String... arguments) {
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(errors, true));
        int exit = commandLine.execute(arguments);
        out = output.toString();
        err = errors.toString();
        return exit;
    }

    private static int withInput(String input, java.util.function.IntSupplier command) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return command.getAsInt();
        } finally {
            System.setIn(original);
        }
    }

    private void createTable() {
        assertEquals(0, ddb("schema-load", "--cdk-out", DEV_TEMPLATES.toString()));
    }

    /** 30 items of 40 KB: 1.2 MB, more than one scan page. */
    private int putLargeItems() {
        String filler = "x".repeat(40_000);
        for (int i = 0; i < 30; i++) {
            String key = "large-" + i;
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromS(key),
                    "filler", AttributeValue.fromS(filler))));
        }
        return 30;
    }

    private MessagesRepository repository() {
        return new MessagesRepository(dynamoDb, table, Clock.systemUTC());
    }

    private String conversationWith(int messages) {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        String group = new MessagesRepository(dynamoDb, table, Clock.fixed(start, ZoneOffset.UTC))
                .createConversation(YAYA, LORE, "message 0").groupUuid();
        for (int i = 1; i < messages; i++) {
            new MessagesRepository(dynamoDb, table, Clock.fixed(start.plus(Duration.ofMinutes(i)), ZoneOffset.UTC))
                    .createMessage(group, i % 2 == 0 ? YAYA : LORE, "message " + i);
        }
        return group;
    }
}
