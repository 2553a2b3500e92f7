package com.cruddur.messaging.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.stream.StreamEvents;
import com.cruddur.messaging.harness.template.LambdaFunction;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stream processor's jar exactly as {@code cdk synth} stages it, run the way Lambda runs it: on the
 * runtime's Java release, under AWS's Runtime Interface Client, initialized through SnapStart's hooks,
 * fed a DynamoDB stream event as Lambda delivers it, writing to DynamoDB Local.
 */
class StreamProcessorArtifactTest {

    private static final User YAYA = new User("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops");
    private static final User BAYKO = new User("9f5a2c3b-8d4e-4f6a-8b7c-2d3e4f5a6b7c", "Andrew Bayko", "bayko");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeployedFunction processor;

    @BeforeAll
    static void startTheDeployedJar() {
        processor = DeployedFunction.start("dev", StageTemplates::streamProcessor);
    }

    @AfterAll
    static void stop() {
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void runsTheHandlerTheTemplateNamesOnTheRuntimesJavaWithSnapStart() {
        assertEquals("com.cruddur.messaging.stream.StreamProcessor::handleRequest", processor.function.handler());
        assertEquals(25, processor.function.javaVersion());
        assertTrue(processor.function.snapStart(), "the deployed function publishes SnapStart versions");
        assertTrue(processor.function.code().getFileName().toString().endsWith(".jar"), processor.function.code().toString());
    }

    @Test
    void initCompletesThroughTheSnapStartHooksWithoutAnInitError() {
        assertTrue(processor.environment.restoredFromCheckpoint(), "beforeCheckpoint ran and the runtime asked to restore; output:\n" + processor.output);
    }

    @Test
    void batchWithAGoodAndAMalformedRecordReportsExactlyTheMalformedRecordAndMovesTheRows() throws Exception {
        MessagesRepository repository = new MessagesRepository(processor.dynamoDb, processor.function.environment().get("DDB_MESSAGE_TABLE"),
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
        Message first = repository.createConversation(YAYA, BAYKO, "first");
        Message reply = new MessagesRepository(processor.dynamoDb, processor.function.environment().get("DDB_MESSAGE_TABLE"),
                Clock.fixed(Instant.parse("2026-11-24T10:05:00Z"), ZoneOffset.UTC)).createMessage(first.groupUuid(), BAYKO, "the reply");

        String response = processor.environment.invoke(StreamEvents.eventJson(List.of(
                StreamEvents.insert("101", reply),
                StreamEvents.insertWithSortKey("102", first.groupUuid(), "not a date-time"))));

        assertEquals(JSON.readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"102\"}]}"), JSON.readTree(response));
        for (User member : List.of(YAYA, BAYKO)) {
            List<ConversationRow> rows = repository.listConversations(member.uuid(), Optional.empty()).items();
            assertEquals(1, rows.size(), member.handle() + " has exactly one row");
            assertEquals(reply.createdAt(), rows.get(0).lastMessageAt(), member.handle() + "'s row is on the reply");
            assertEquals("the reply", rows.get(0).message());
        }
    }

    @Test
    void eventTheRuntimeCannotDeserializeIsAFunctionErrorAndTheEnvironmentServesTheNextEvent() throws Exception {
        FunctionError error = assertThrows(FunctionError.class, () -> processor.environment.invoke("{\"Records\": \"not a list\"}"));

        assertEquals("function error", error.kind(), error.getMessage());
        assertEquals(JSON.readTree("{\"batchItemFailures\":[]}"), JSON.readTree(processor.environment.invoke(StreamEvents.eventJson(List.of()))));
    }

    @Test
    void primingThatFailsIsARealRoundTripThatIsLoggedAndInitStillCompletes() {
        LambdaFunction deployed = processor.function;
        LambdaFunction pointedAtAMissingTable = new LambdaFunction(deployed.logicalId(), deployed.name(), deployed.handler(), deployed.runtime(),
                deployed.memoryMiB(), deployed.timeout(), deployed.snapStart(), Map.of("DDB_MESSAGE_TABLE", "no-such-table"), deployed.code());
        List<String> printed = Collections.synchronizedList(new ArrayList<>());

        try (ExecutionEnvironment unprimed = ExecutionEnvironment.start(pointedAtAMissingTable, processor.server.endpoint(),
                DeployedFunction.REGION, printed::add)) {
            assertTrue(unprimed.restoredFromCheckpoint(), "a failed priming query must not fail the version publish: " + printed);
        }
        String output = String.join("\n", printed);
        assertTrue(output.contains("\"event\":\"priming_failed\"") && output.contains("ResourceNotFoundException"),
                "the priming query reached DynamoDB Local and its failure is logged: " + output);
    }
}
