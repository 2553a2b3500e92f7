package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import com.cruddur.messaging.local.runtime.ExecutionEnvironment;
import com.cruddur.messaging.local.runtime.FunctionError;
import com.cruddur.messaging.local.stream.StreamPump.StreamFunction;
import com.cruddur.messaging.local.support.StubAwsHttp;
import com.cruddur.messaging.local.support.SynthesizedStage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * bin/ddb redrive --deployed: the objects Lambda parked in the stage's failed-batches bucket, replayed through the
 * deployed alias with the operator's credentials, through the real CloudFormation, S3 and Lambda SDK clients over a
 * stubbed HTTP layer; the alias runs the synthesized jar under AWS's runtime client against DynamoDB Local.
 */
class DeployedRedriveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final User YAYA = new User("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops");
    private static final User LORE = new User("a1b2c3d4-0000-4000-8000-000000000003", "Lore", "lore");
    private static final String PREFIX = "aws/lambda/4f6c2a8e-0b1d-4c3e-9f5a-7d8e9f0a1b2c/shardId-00000001764000000000-0a1b2c3d/2026/11/25/";
    private static final StreamFunction NEVER_INVOKED = event -> {
        throw new AssertionError("the alias was invoked");
    };

    private final Path cdkOut = SynthesizedStage.cdkOut("dev");
    private final LocalDynamoDbServer server = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty());
    private final DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(server.endpoint()), Region.US_EAST_1);
    private StubAwsHttp aws;
    private String out;
    private String err;

    @AfterEach
    void stop() {
        dynamoDb.close();
        server.close();
    }

    @Test
    void parkedObjectsAreReplayedThroughTheDeployedAliasAndDeletedOnceEveryRecordPasses() throws Exception {
        StageTemplates templates = StageTemplates.read(cdkOut, "dev");
        dynamoDb.createTable(templates.table().createTableRequest());
        Message first = new MessagesRepository(dynamoDb, "cruddur-messages", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)))
                .createConversation(YAYA, LORE, "hi Lore");
        Message parked = new MessagesRepository(dynamoDb, "cruddur-messages", Clock.systemUTC()).createMessage(first.groupUuid(), LORE, "parked");
        Map<String, AttributeValue> broken = new HashMap<>(Items.item(parked));
        broken.put(Items.SK, AttributeValue.fromS("not a date-time"));

        try (ExecutionEnvironment alias = ExecutionEnvironment.start(templates.streamProcessor(), server.endpoint(), "us-east-1", line -> { })) {
            DeployedStageStub stage = new DeployedStageStub(cdkOut, "dev", alias::invoke);
            stage.objects.put(PREFIX + "2026-11-25T21.40.00-a", invocationRecord(false, StreamEvents.json(StreamEvents.insert("101", parked))));
            String stillFailing = invocationRecord(true, StreamEvents.json(StreamEvents.insert("102", broken)), StreamEvents.json(StreamEvents.insert("103", parked)));
            stage.objects.put(PREFIX + "2026-11-25T21.41.00-b", stillFailing);

            assertEquals(1, redrive(stage, "--deployed"));

            assertTrue(out.contains("redrove 2 batch(es), 3 record(s) through " + DeployedStageStub.ALIAS
                    + ": 2 processed, 1 still failing; 1 object(s) deleted, 1 kept in s3://" + DeployedStageStub.BUCKET), out);
            assertTrue(out.contains("kept s3://" + DeployedStageStub.BUCKET + "/" + PREFIX + "2026-11-25T21.41.00-b: 1 of 2 record(s) still fail"), out);
            assertEquals(Map.of(PREFIX + "2026-11-25T21.41.00-b", stillFailing), stage.objects, "only the object that still fails stays, unchanged");
        }
        for (User member : List.of(YAYA, LORE)) {
            List<ConversationRow> rows = new MessagesRepository(dynamoDb, "cruddur-messages", Clock.systemUTC())
                    .listConversations(member.uuid(), Optional.empty()).items();
            assertEquals(Timestamps.canonical(parked.createdAt()), rows.get(0).lastMessageAt(), member.handle());
        }
        assertEquals(2, aws.calls.stream().filter(call -> call.path().equals("/2015-03-31/functions/" + DeployedStageStub.ALIAS + "/invocations")).count());
    }

    @Test
    void dryRunListsWhatIsParkedAndTouchesNothing() {
        DeployedStageStub stage = new DeployedStageStub(cdkOut, "dev", NEVER_INVOKED);
        String parked = invocationRecord(false, StreamEvents.json(StreamEvents.insertWithSortKey("101", "5ae290ed-55d1-47a0-bc6d-fe2bc2700399", "x")));
        stage.objects.put(PREFIX + "2026-11-25T21.40.00-a", parked);

        assertEquals(0, redrive(stage, "--deployed", "--dry-run"));

        assertTrue(out.contains("s3://" + DeployedStageStub.BUCKET + "/" + PREFIX + "2026-11-25T21.40.00-a"), out);
        assertTrue(out.contains("RetryAttemptsExhausted"), out);
        assertEquals(Map.of(PREFIX + "2026-11-25T21.40.00-a", parked), stage.objects);
        assertEquals(Set.of("GET"), aws.calls.stream().filter(call -> !call.body().contains("DescribeStacks"))
                .map(StubAwsHttp.Call::method).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aFunctionErrorKeepsTheWholeObject() {
        DeployedStageStub stage = new DeployedStageStub(cdkOut, "dev", event -> {
            throw new FunctionError("function error", "java.lang.OutOfMemoryError", "Java heap space");
        });
        stage.objects.put(PREFIX + "a", invocationRecord(false, StreamEvents.json(StreamEvents.insertWithSortKey("101", "5ae290ed-55d1-47a0-bc6d-fe2bc2700399", "x"))));

        assertEquals(1, redrive(stage, "--deployed"));

        assertTrue(out.contains("1 record(s) through " + DeployedStageStub.ALIAS + ": 0 processed, 1 still failing; 0 object(s) deleted, 1 kept"), out);
        assertEquals(Set.of(PREFIX + "a"), stage.objects.keySet());
    }

    @Test
    void anUnreadableObjectIsKeptAndNamed() {
        DeployedStageStub stage = new DeployedStageStub(cdkOut, "dev", NEVER_INVOKED);
        stage.objects.put(PREFIX + "a", "{\"version\":\"1.0\",\"payload\":");

        assertEquals(1, redrive(stage, "--deployed"));

        assertTrue(out.contains("unreadable s3://" + DeployedStageStub.BUCKET + "/" + PREFIX + "a is not JSON"), out);
        assertEquals(Set.of(PREFIX + "a"), stage.objects.keySet());
    }

    @Test
    void anExplicitBucketAndAliasNeedNoStack() {
        DeployedStageStub stage = new DeployedStageStub(cdkOut, "dev", NEVER_INVOKED);

        assertEquals(0, redrive(stage, "--deployed", "--stage", "prod", "--bucket", DeployedStageStub.BUCKET, "--function", DeployedStageStub.ALIAS));

        assertTrue(out.contains("nothing parked in s3://" + DeployedStageStub.BUCKET), out);
        assertTrue(aws.calls.stream().noneMatch(call -> call.body().contains("DescribeStacks")));
    }

    @Test
    void aStageThatIsNotDeployedIsOneLineNamingItsStack() {
        assertEquals(2, redrive(new DeployedStageStub(cdkOut, "dev", NEVER_INVOKED), "--deployed", "--stage", "prod"));

        assertTrue(err.startsWith("redrive: stack Cruddur-prod-StreamProcessor is not deployed in this account and region"), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void aBucketWithoutDeployedIsRefused() {
        assertEquals(2, redrive(new DeployedStageStub(cdkOut, "dev", NEVER_INVOKED), "--bucket", DeployedStageStub.BUCKET));

        assertTrue(err.contains("add --deployed"), err);
    }

    private int redrive(DeployedStageStub stage, String... options) {
        aws = new StubAwsHttp(stage);
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine ddb = Ddb.commandLine(aws);
        ddb.setOut(new PrintWriter(output, true));
        ddb.setErr(new PrintWriter(errors, true));
        List<String> arguments = new java.util.ArrayList<>(List.of("redrive", "--region", "us-east-1", "--aws-endpoint", "http://aws.test"));
        arguments.addAll(List.of(options));
        int exit = ddb.execute(arguments.toArray(String[]::new));
        out = output.toString();
        err = errors.toString();
        return exit;
    }

    /**
     * An object as Lambda parks a failed DynamoDB stream batch in an S3 destination: request and response context, the
     * batch's shard and sequence range, and the whole invocation under {@code payload} (as a JSON string when
     * {@code payloadAsString}, since both forms are read).
     */
    private static String invocationRecord(boolean payloadAsString, ObjectNode... records) {
        ObjectNode object = JSON.createObjectNode();
        ObjectNode request = object.putObject("requestContext");
        request.put("requestId", "c9b8a7d6-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        request.put("functionArn", DeployedStageStub.ALIAS);
        request.put("condition", "RetryAttemptsExhausted");
        request.put("approximateInvokeCount", 4);
        ObjectNode response = object.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "7");
        response.put("functionError", "");
        object.put("version", "1.0");
        object.put("timestamp", "2026-11-25T21:40:00.123Z");
        ObjectNode batch = object.putObject("DDBStreamBatchInfo");
        batch.put("shardId", "shardId-00000001764000000000-0a1b2c3d");
        batch.put("startSequenceNumber", records[0].path("dynamodb").path("SequenceNumber").asText());
        batch.put("endSequenceNumber", records[records.length - 1].path("dynamodb").path("SequenceNumber").asText());
        batch.put("batchSize", records.length);
        ObjectNode payload = JSON.createObjectNode();
        payload.putArray("Records").addAll(List.of(records));
        if (payloadAsString) {
            object.put("payload", payload.toString());
        } else {
            object.set("payload", payload);
        }
        return object.toString();
    }
}
