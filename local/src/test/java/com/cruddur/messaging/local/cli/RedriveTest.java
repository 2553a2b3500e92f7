package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.LocalDynamoDbServer;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.harness.stream.StreamEvents;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.support.SynthesizedStage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** bin/ddb redrive: parked batches replayed through the deployed processor jar, idempotently, what still fails kept. */
class RedriveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final User YAYA = new User("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops");
    private static final User LORE = new User("a1b2c3d4-0000-4000-8000-000000000003", "Lore", "lore");

    private final Path cdkOut = SynthesizedStage.cdkOut("dev");
    private final LocalDynamoDbServer server = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty());
    private final DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(server.endpoint()), Region.US_EAST_1);
    private final Path file = tempFile();
    private String out;
    private String err;

    @AfterEach
    void stop() {
        dynamoDb.close();
        server.close();
    }

    @Test
    void parkedBatchIsReplayedThroughTheProcessorAndOnlyWhatStillFailsIsKept() throws Exception {
        dynamoDb.createTable(StageTemplates.read(cdkOut, "dev").table().createTableRequest());
        Message first = new MessagesRepository(dynamoDb, "cruddur-messages", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)))
                .createConversation(YAYA, LORE, "hi Lore");
        Message parked = new MessagesRepository(dynamoDb, "cruddur-messages", Clock.systemUTC()).createMessage(first.groupUuid(), LORE, "parked");
        Map<String, AttributeValue> broken = new java.util.HashMap<>(Items.item(parked));
        broken.put(Items.SK, AttributeValue.fromS("not a date-time"));
        Files.writeString(file, parkedBatch(StreamEvents.json(StreamEvents.insert("101", parked)), StreamEvents.json(StreamEvents.insert("102", broken))) + "\n");

        assertEquals(1, redrive());
        assertTrue(out.contains("redrove 1 batch(es), 2 record(s) through cruddur-dev-messaging-stream: 1 processed, 1 still failing"), out);
        for (User member : List.of(YAYA, LORE)) {
            List<ConversationRow> rows = new MessagesRepository(dynamoDb, "cruddur-messages", Clock.systemUTC())
                    .listConversations(member.uuid(), Optional.empty()).items();
            assertEquals(Timestamps.canonical(parked.createdAt()), rows.get(0).lastMessageAt(), member.handle());
        }
        List<String> kept = Files.readAllLines(file);
        assertEquals(1, kept.size());
        assertEquals("102", JSON.readTree(kept.get(0)).path("payload").path("Records").get(0).path("dynamodb").path("SequenceNumber").asText());

        assertEquals(1, redrive(), "a second redrive is harmless");
        assertTrue(out.contains("1 record(s) through cruddur-dev-messaging-stream: 0 processed, 1 still failing"), out);
    }

    @Test
    void nothingParkedIsSaidAndSucceeds() {
        assertEquals(0, redrive());
        assertTrue(out.contains("nothing parked in " + file), out);
    }

    @Test
    void anEndpointInAwsIsRefusedNamingIt() {
        int exit = run("redrive", "--endpoint", "https://dynamodb.us-east-1.amazonaws.com", "--cdk-out", cdkOut.toString(), "--file", file.toString());

        assertEquals(2, exit);
        assertTrue(err.contains("https://dynamodb.us-east-1.amazonaws.com is not one"), err);
    }

    private int redrive() {
        return run("redrive", "--endpoint", server.endpoint().toString(), "--cdk-out", cdkOut.toString(), "--file", file.toString());
    }

    private int run(String... arguments) {
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine ddb = Ddb.commandLine(UrlConnectionHttpClient.create());
        ddb.setOut(new PrintWriter(output, true));
        ddb.setErr(new PrintWriter(errors, true));
        int exit = ddb.execute(arguments);
        out = output.toString();
        err = errors.toString();
        return exit;
    }

    /** A line as bin/local parks it: the batch's records in full under payload. */
    private static String parkedBatch(ObjectNode... records) {
        ObjectNode line = JSON.createObjectNode();
        line.put("version", "1.0");
        line.put("reason", "the function reported 1 failed item(s); retries exhausted (3)");
        line.putObject("payload").putArray("Records").addAll(List.of(records));
        return line.toString();
    }

    private static Path tempFile() {
        try {
            return Files.createTempDirectory("redrive").resolve("dead-letters.jsonl");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
