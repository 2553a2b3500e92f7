package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.support.BackendFlask;
import com.cruddur.messaging.local.support.SynthesizedStage;
import com.cruddur.messaging.local.support.TestPostgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Local mode end to end: started on a free port, used as backend-flask would use it, through the deployed stream processor jar. */
class LocalModeTest {

    private static final String SEED_GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    private static final User YAYA = new User("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops");
    private static final User BAYKO = new User("9f5a2c3b-8d4e-4f6a-8b7c-2d3e4f5a6b7c", "Andrew Bayko", "bayko");
    private static final User LORE = new User("a1b2c3d4-0000-4000-8000-000000000003", "Lore", "lore");

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Path cdkOut = SynthesizedStage.cdkOut("dev");
    private final Path deadLetters = Path.of(System.getProperty("java.io.tmpdir"), "local-mode-test-" + ProcessHandle.current().pid() + ".jsonl");
    private LocalMode.Running running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void startsOnTheGivenPortAndPrintsTheReadyLineWithTheBackendsExports() {
        int port = TestTemplates.freePort();
        start(port, false, null);
        String printed = printed();
        assertTrue(printed.contains("[local] ready on http://localhost:" + port + " (this machine only)"), printed);
        assertTrue(printed.contains("\nexport AWS_ENDPOINT_URL_DYNAMODB=http://localhost:" + port + "\n"), printed);
        assertTrue(printed.contains("\nexport AWS_ENDPOINT_URL=http://localhost:" + port + "\n"), printed);
        assertTrue(printed.contains("\nexport DDB_MESSAGE_TABLE=cruddur-messages\n"), printed);
    }

    @Test
    void byDefaultListensOnLoopbackOnlyAndSaysSo() {
        start(TestTemplates.freePort(), true, null);
        assertTrue(running.server().loopbackOnly(), "bound to " + running.server().listeningAddresses());
        assertTrue(printed().contains("listening on 127.0.0.1 port "), printed());
    }

    @Test
    void withTheWildcardHostTheReadyLineSaysItIsExposedToAnyoneWhoCanReachThePort() {
        LocalMode mode = mode(TestTemplates.freePort(), true, null);
        mode.host = "0.0.0.0";
        running = mode.start(new PrintStream(output, true, StandardCharsets.UTF_8));
        String ready = printed().lines().filter(line -> line.startsWith("[local] ready")).findFirst().orElseThrow();
        assertTrue(ready.contains("EXPOSED on every interface port " + mode.port), ready);
        assertTrue(ready.contains("anyone who can reach the port can read and write"), ready);
    }

    @Test
    void streamProcessorIsTheSynthesizedJarUnderTheLambdaRuntimeInAChildJvm() {
        start(TestTemplates.freePort(), true, null);
        String jar = cdkOut.relativize(StageTemplates.read(cdkOut, "dev").streamProcessor().code()).toString();
        assertTrue(printed().contains("[local] stream processor attached: " + jar + " on java25 with SnapStart under AWS's Lambda runtime interface client"),
                printed());
        List<String> runtimes = ProcessHandle.current().descendants()
                .map(child -> child.info().commandLine().orElse(""))
                .filter(command -> command.contains("com.amazonaws.services.lambda.runtime.api.client.AWSLambda"))
                .toList();
        assertEquals(1, runtimes.size(), "one runtime process: " + runtimes);
        assertTrue(runtimes.get(0).endsWith("com.cruddur.messaging.stream.StreamProcessor::handleRequest"), runtimes.get(0));
    }

    @Test
    void tableSchemaEqualsTheTemplate() {
        start(TestTemplates.freePort(), true, null);
        var described = running.dynamoDb().describeTable(b -> b.tableName("cruddur-messages")).table();
        assertEquals(List.of(), StageTemplates.read(cdkOut, "dev").table().differencesFrom(described));
        assertEquals("message-group-sk-index", described.globalSecondaryIndexes().get(0).indexName());
        assertEquals("NEW_IMAGE", described.streamSpecification().streamViewTypeAsString());
    }

    @Test
    void withADatabaseUrlTheSeedBelongsToThePostgresUsersOfItsHandles() {
        TestPostgres.Database database = TestPostgres.newDatabase().withUsersTable();
        String yaya = database.insertUser("Yaya", "yaya2devops", "MOCK");
        String bayko = database.insertUser("Andrew Bayko", "bayko", "MOCK");
        LocalMode mode = mode(TestTemplates.freePort(), false, null);
        mode.database.url = database.url();

        running = mode.start(new PrintStream(output, true, StandardCharsets.UTF_8));

        ConversationRow row = backend().listConversations(yaya, Optional.empty()).items().get(0);
        assertEquals(SEED_GROUP, row.groupUuid());
        assertEquals(bayko, row.other().uuid());
        assertTrue(printed().contains("(yaya2devops and bayko, their uuids and names from Postgres)"), printed());
    }

    @Test
    void seedIsLoadedWithBothRowsOnItsLastMessage() {
        start(TestTemplates.freePort(), false, null);
        MessagesRepository repository = backend();
        List<Message> messages = repository.listMessages(SEED_GROUP, Optional.empty()).items();
        assertEquals(20, messages.size());
        String last = messages.get(messages.size() - 1).createdAt();
        assertEquals(last, repository.listConversations(YAYA.uuid(), Optional.empty()).items().get(0).lastMessageAt());
        assertEquals(last, repository.listConversations(BAYKO.uuid(), Optional.empty()).items().get(0).lastMessageAt());
    }

    @Test
    void messageWrittenAsTheBackendWouldMovesBothMembersRowsThroughTheStreamProcessor() {
        start(TestTemplates.freePort(), false, null);
        Message sent = backend().createMessage(SEED_GROUP, BAYKO, "written by the backend, any credentials");
        awaitRows(YAYA, BAYKO, SEED_GROUP, sent);
        // The log line follows the rows: the function writes it after the batch, and its output reaches us through the runtime's pipe.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!printed().contains("\"event\":\"batch_processed\"") && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
        assertTrue(printed().contains("\"event\":\"batch_processed\""), "each batch is logged: " + printed());
    }

    @Test
    void newConversationThenReplyEndsWithBothRowsOnTheReply() {
        start(TestTemplates.freePort(), true, null);
        MessagesRepository repository = backend();
        Message first = repository.createConversation(YAYA, LORE, "hi Lore");
        awaitRows(YAYA, LORE, first.groupUuid(), first);
        Message reply = repository.createMessage(first.groupUuid(), LORE, "hi Yaya");
        awaitRows(YAYA, LORE, first.groupUuid(), reply);
    }

    @Test
    void deletingTheNewestMessageMovesBothRowsBackThroughTheDeployedProcessor() {
        start(TestTemplates.freePort(), true, null);
        MessagesRepository repository = backend();
        Message first = repository.createConversation(YAYA, LORE, "hi Lore");
        Message reply = repository.createMessage(first.groupUuid(), LORE, "sent by mistake");
        awaitRows(YAYA, LORE, first.groupUuid(), reply);

        running.dynamoDb().deleteItem(b -> b.tableName("cruddur-messages").key(com.cruddur.messaging.contract.Items.key(
                com.cruddur.messaging.contract.Items.item(reply))));

        awaitRows(YAYA, LORE, first.groupUuid(), first);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void backendFlasksOwnBoto3WriteInBerlinTimeMovesBothRowsThroughTheDeployedProcessor(boolean zeroMicroseconds) throws Exception {
        start(TestTemplates.freePort(), true, null);
        // A minute ago, so even a write truncated to the whole second is the newer message.
        Message first = backend(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1))).createConversation(YAYA, LORE, "hi Lore");
        awaitRows(YAYA, LORE, first.groupUuid(), first);

        String createdAt = BackendFlask.createMessage(running.server().endpoint(), first.groupUuid(), "from boto3 in Berlin", LORE, zeroMicroseconds);

        assertTrue(createdAt.endsWith("+01:00"), "written with the host's offset: " + createdAt);
        assertEquals(!zeroMicroseconds, createdAt.contains("."), "no fraction when the microseconds are 0: " + createdAt);
        awaitRows(YAYA, LORE, first.groupUuid(), new Message(first.groupUuid(), first.messageUuid(), Timestamps.canonical(createdAt),
                "from boto3 in Berlin", LORE));
    }

    @Test
    void noSeedStartsWithAnEmptyTable() {
        start(TestTemplates.freePort(), true, null);
        assertEquals(0, running.dynamoDb().scan(b -> b.tableName("cruddur-messages")).count());
        assertTrue(printed().contains("[local] no seed (--no-seed)"));
    }

    @Test
    void dataDirectoryKeepsTheDataBetweenRuns() throws Exception {
        Path dataDir = Files.createTempDirectory("local-data");
        int port = TestTemplates.freePort();
        start(port, true, dataDir);
        Message kept = backend().createConversation(YAYA, LORE, "still here after a restart");
        running.close();
        running = null;

        start(port, true, dataDir);
        assertTrue(printed().contains("[local] table cruddur-messages kept from " + dataDir), printed());
        assertEquals(List.of(kept), backend().listMessages(kept.groupUuid(), Optional.empty()).items());
    }

    @Test
    void takenPortIsAClearErrorNamingIt() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            LocalMode mode = mode(taken.getLocalPort(), true, null);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> mode.start(new PrintStream(output)));
            assertTrue(error.getMessage().contains("port " + taken.getLocalPort() + " is already in use"), error.getMessage());
        }
    }

    private void start(int port, boolean noSeed, Path dataDir) {
        running = mode(port, noSeed, dataDir).start(new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private LocalMode mode(int port, boolean noSeed, Path dataDir) {
        LocalMode mode = new LocalMode();
        mode.stage = "dev";
        mode.port = port;
        mode.noSeed = noSeed;
        mode.dataDir = dataDir;
        mode.cdkOut = cdkOut;
        mode.deadLetterFile = deadLetters;
        return mode;
    }

    /** A client configured like the unchanged backend: its own credentials and region, only the endpoint points here. */
    private MessagesRepository backend() {
        return backend(Clock.systemUTC());
    }

    private MessagesRepository backend(Clock clock) {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(running.server().endpoint().toString()))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBACKEND", "backend-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new MessagesRepository(client, "cruddur-messages", clock);
    }

    private void awaitRows(User one, User other, String group, Message expected) {
        MessagesRepository repository = backend();
        ConversationRow oneRow = new ConversationRow(one.uuid(), group, expected.createdAt(), expected.text(), other);
        ConversationRow otherRow = new ConversationRow(other.uuid(), group, expected.createdAt(), expected.text(), one);
        Supplier<List<ConversationRow>> rows = () -> List.of(
                repository.listConversations(one.uuid(), Optional.empty()).items().stream().filter(r -> r.groupUuid().equals(group)).findFirst().orElse(null),
                repository.listConversations(other.uuid(), Optional.empty()).items().stream().filter(r -> r.groupUuid().equals(group)).findFirst().orElse(null));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<ConversationRow> current = rows.get();
            if (current.get(0) != null && current.get(1) != null && current.equals(List.of(oneRow, otherRow))) {
                return;
            }
            sleep(50);
        }
        assertEquals(List.of(oneRow, otherRow), rows.get(), "both rows on the newest message within 10 s");
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
