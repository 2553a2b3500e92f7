package com.cruddur.messaging.local.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
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
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.cruddur.messaging.harness.LocalDynamoDb;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.harness.template.FilterPattern;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.harness.template.StreamMapping;
import com.cruddur.messaging.local.support.InProcessFunction;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The local event source mapping against DynamoDB Local's real stream: filtering, batching, retries and dead letters as Lambda does them. */
class StreamPumpTest {

    private static final List<FilterPattern> DEPLOYED_FILTERS = StageTemplates.read(TestTemplates.cdkOut("dev"), "dev").streamMapping().filters();

    private final DynamoDbClient dynamoDb = LocalDynamoDb.shared().client();
    private final DynamoDbStreamsClient streams = LocalDynamoDb.shared().streams();
    private final TableDescription created = LocalDynamoDb.shared().createMessagesTable();
    private final String table = created.tableName();
    private final String streamArn = created.latestStreamArn();
    private final List<List<String>> invocations = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Path deadLetters = tempFile();

    @Test
    void onlyRecordsTheFilterAdmitsReachTheHandler() {
        put("MSG#g1", "0001");
        put("GRP#u1", "0001");
        dynamoDb.deleteItem(b -> b.tableName(table).key(key("MSG#g1", "0001")));
        dynamoDb.deleteItem(b -> b.tableName(table).key(key("GRP#u1", "0001")));
        put("MSG#g2", "0002");
        StreamPump pump = pump(mapping(100, 3), handler(event -> success()), Clock.systemUTC());

        drain(pump, 3);

        assertEquals(List.of("INSERT MSG#g1/0001", "REMOVE MSG#g1/0001", "INSERT MSG#g2/0002"), invocations.stream().flatMap(List::stream).toList(),
                "message inserts and deletions pass; the GRP# write and its deletion are filtered out");
    }

    @Test
    void batchesNeverExceedTheBatchSize() {
        for (int i = 0; i < 25; i++) {
            put("MSG#g1", String.format("%04d", i));
        }
        drain(pump(mapping(10, 3), handler(event -> success()), Clock.systemUTC()), 25);

        assertEquals(List.of(10, 10, 5), invocations.stream().map(List::size).toList());
    }

    @Test
    void reportedFailureIsRetriedFromTheFailedRecordThenDeadLettered() throws Exception {
        for (int i = 0; i < 5; i++) {
            put("MSG#g1", String.format("%04d", i));
        }
        StreamPump pump = pump(mapping(100, 2), handler(event -> failing(event, "0002")), Clock.systemUTC());

        drain(pump, 5);

        assertEquals(List.of(5, 3, 3), invocations.stream().map(List::size).toList(), "first try, then 2 retries from the failed record");
        String deadLettered = Files.readString(deadLetters);
        assertEquals(1, deadLettered.lines().count());
        assertTrue(deadLettered.contains("retries exhausted (2)"), deadLettered);
        List<com.fasterxml.jackson.databind.JsonNode> parked = parkedRecords();
        assertEquals(3, parked.size(), deadLettered);
        assertEquals("MSG#g1", parked.get(0).path("dynamodb").path("NewImage").path("pk").path("S").asText(), "the full record is parked");
        assertEquals("g", parked.get(0).path("dynamodb").path("NewImage").path("message_group_uuid").path("S").asText());
        assertEquals("0002", parked.get(0).path("dynamodb").path("Keys").path("sk").path("S").asText());
    }

    @Test
    void failureThatClearsOnRetryDeadLettersNothing() {
        for (int i = 0; i < 3; i++) {
            put("MSG#g1", String.format("%04d", i));
        }
        AtomicInteger calls = new AtomicInteger();
        drain(pump(mapping(100, 3), handler(event -> calls.incrementAndGet() == 1 ? failing(event, "0001") : success()), Clock.systemUTC()), 3);

        assertEquals(List.of(3, 2), invocations.stream().map(List::size).toList());
        assertFalse(Files.exists(deadLetters));
    }

    @Test
    void thrownErrorIsBisectedSoOnlyThePoisonRecordIsDeadLettered() throws Exception {
        for (int i = 0; i < 4; i++) {
            put(i == 2 ? "MSG#poison" : "MSG#g1", String.format("%04d", i));
        }
        List<String> processed = new ArrayList<>();
        StreamPump pump = pump(mapping(100, 3), handler(event -> {
            List<String> keys = keys(event);
            if (keys.stream().anyMatch(key -> key.contains("MSG#poison"))) {
                throw new IllegalStateException("poison");
            }
            processed.addAll(keys);
            return success();
        }), Clock.systemUTC());

        drain(pump, 4);

        assertEquals(3, processed.size(), "every other record is processed: " + processed);
        String deadLettered = Files.readString(deadLetters);
        assertTrue(deadLettered.contains("MSG#poison") && !deadLettered.contains("MSG#g1"), deadLettered);
        assertTrue(deadLettered.contains("the function failed: poison"), deadLettered);
    }

    @Test
    void recordsOlderThanTheMaximumAgeAreDeadLetteredWithoutInvokingTheHandler() throws Exception {
        put("MSG#g1", "0001");
        Clock twoHoursLater = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);

        drain(pump(mapping(100, 3), handler(event -> success()), twoHoursLater), 1);

        assertEquals(List.of(), invocations);
        assertTrue(Files.readString(deadLetters).contains("older than the maximum record age PT1H"));
    }

    /** Polls until {@code records} records were handled or dead-lettered (the stream may lag the writes a little). */
    private void drain(StreamPump pump, int records) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            pump.pollOnce();
            long seen = invocations.stream().flatMap(List::stream).distinct().count() + deadLetterCount();
            if (seen >= records) {
                pump.pollOnce();
                return;
            }
            sleep(50);
        }
    }

    private long deadLetterCount() {
        return parkedRecords().size();
    }

    /** Every record in the dead-letter file, as parked (the payload of each batch line). */
    private List<com.fasterxml.jackson.databind.JsonNode> parkedRecords() {
        List<com.fasterxml.jackson.databind.JsonNode> records = new ArrayList<>();
        try {
            if (Files.exists(deadLetters)) {
                for (String line : Files.readAllLines(deadLetters)) {
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("payload").path("Records").forEach(records::add);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return records;
    }

    private StreamPump pump(StreamMapping mapping, com.amazonaws.services.lambda.runtime.RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
                            Clock clock) {
        return new StreamPump(streams, streamArn, mapping, InProcessFunction.of(handler), new DeadLetterFile(deadLetters), clock,
                new PrintStream(log, true));
    }

    private com.amazonaws.services.lambda.runtime.RequestHandler<DynamodbEvent, StreamsEventResponse> handler(
            Function<DynamodbEvent, StreamsEventResponse> behaviour) {
        return (event, context) -> {
            invocations.add(keys(event));
            return behaviour.apply(event);
        };
    }

    private static StreamMapping mapping(int batchSize, int retries) {
        return new StreamMapping(batchSize, Duration.ZERO, DEPLOYED_FILTERS, retries, Optional.of(Duration.ofHours(1)),
                true, true, "TRIM_HORIZON");
    }

    private static StreamsEventResponse success() {
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    /** Reports the record with sort key {@code sk} as failed, as the processor reports a record it could not handle. */
    private static StreamsEventResponse failing(DynamodbEvent event, String sk) {
        List<BatchItemFailure> failures = event.getRecords().stream()
                .filter(record -> record.getDynamodb().getKeys().get("sk").getS().equals(sk))
                .map(record -> BatchItemFailure.builder().withItemIdentifier(record.getDynamodb().getSequenceNumber()).build())
                .toList();
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private static List<String> keys(DynamodbEvent event) {
        return event.getRecords().stream().map(StreamPumpTest::describe).toList();
    }

    private static String describe(DynamodbStreamRecord record) {
        return record.getEventName() + " " + record.getDynamodb().getKeys().get("pk").getS() + "/" + record.getDynamodb().getKeys().get("sk").getS();
    }

    private void put(String pk, String sk) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk),
                "message_group_uuid", AttributeValue.fromS("g"))));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static Path tempFile() {
        try {
            Path directory = Files.createTempDirectory("dead-letters");
            return directory.resolve("dead-letters.jsonl");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
