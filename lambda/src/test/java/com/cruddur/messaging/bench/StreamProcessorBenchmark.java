package com.cruddur.messaging.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.ZipFile;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.stream.ConversationRowStore;
import com.cruddur.messaging.stream.JsonLog;
import com.cruddur.messaging.stream.StreamProcessor;
import com.cruddur.messaging.support.ConversationRowsInTable;
import com.cruddur.messaging.support.LocalDynamoDb;
import com.cruddur.messaging.support.RequestCounter;
import com.cruddur.messaging.support.StreamEvents;
import com.cruddur.messaging.support.TestClock;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Side-by-side benchmark against DynamoDB Local (not a test): the same generated batches through this
 * processor and through the reference algorithm, then the jar size and cold-start figures.
 * Run with {@code mvn -q -f lambda/pom.xml package exec:java@benchmark -DskipTests}.
 */
public final class StreamProcessorBenchmark {

    private static final int BATCH_SIZE = 100;
    private static final int ROUNDS = 3;
    /** lambda/, wherever Maven was started from (the README runs this from the repository root with -f). */
    private static final Path PROJECT = Path.of(System.getProperty("project.basedir", "."));
    private static final Path JAR = PROJECT.resolve("target").resolve("cruddur-messaging-lambda-1.0.0.jar");

    /** A scenario: conversations, messages spread round-robin over them, and whether the first batch is delivered twice. */
    record Scenario(String name, int messages, int groups, boolean redeliverFirstBatch) {
    }

    /** What one processor left behind. */
    record Outcome(int requests, long wallMicros, int correctRows, int rows) {
    }

    private StreamProcessorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Scenario> scenarios = List.of(
                new Scenario("100 msgs / 10 groups", 100, 10, false),
                new Scenario("1000 msgs / 1 group", 1000, 1, false),
                new Scenario("100 msgs / 100 groups", 100, 100, false),
                new Scenario("200 msgs / 10 groups, batch 1 redelivered after batch 2", 200, 10, true));
        System.out.println("| scenario | processor | DynamoDB requests | wall ms (median of " + ROUNDS + ") | rows correct |");
        System.out.println("|---|---|---|---|---|");
        for (Scenario scenario : scenarios) {
            List<Long> ours = new ArrayList<>();
            List<Long> reference = new ArrayList<>();
            Outcome oursOutcome = null;
            Outcome referenceOutcome = null;
            Outcome asDeployed = null;
            for (int round = 0; round < ROUNDS; round++) {
                // Alternate the two, so machine noise hits both alike.
                oursOutcome = run(scenario, Variant.THIS_PROCESSOR);
                referenceOutcome = run(scenario, Variant.REFERENCE_PER_RECORD);
                ours.add(oursOutcome.wallMicros());
                reference.add(referenceOutcome.wallMicros());
            }
            asDeployed = run(scenario, Variant.REFERENCE_RECORDS_0);
            row(scenario, "this processor", oursOutcome, median(ours));
            row(scenario, "reference, batch size 1", referenceOutcome, median(reference));
            row(scenario, "reference as deployed (Records[0] of a 100-batch)", asDeployed, asDeployed.wallMicros());
            System.out.printf(Locale.ROOT, "| %s | ratio reference/this | %.1fx | %.1fx | |%n", scenario.name(),
                    (double) referenceOutcome.requests() / oursOutcome.requests(), (double) median(reference) / median(ours));
        }
        jarFacts();
        // DynamoDB Local's server threads would otherwise keep the JVM alive.
        LocalDynamoDb.stopShared();
    }

    enum Variant { THIS_PROCESSOR, REFERENCE_PER_RECORD, REFERENCE_RECORDS_0 }

    private static Outcome run(Scenario scenario, Variant variant) {
        LocalDynamoDb local = LocalDynamoDb.shared();
        RequestCounter requests = new RequestCounter();
        DynamoDbClient dynamoDb = local.client(requests);
        String table = local.newMessagesTable();
        TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
        MessagesRepository repository = new MessagesRepository(dynamoDb, table, clock);

        List<Message> firsts = new ArrayList<>();
        List<User[]> members = new ArrayList<>();
        for (int g = 0; g < scenario.groups(); g++) {
            User a = new User(UUID.randomUUID().toString(), "A" + g, "a" + g);
            User b = new User(UUID.randomUUID().toString(), "B" + g, "b" + g);
            clock.advance(Duration.ofMillis(1));
            firsts.add(repository.createConversation(a, b, "first " + g));
            members.add(new User[] {a, b});
        }
        List<DynamodbStreamRecord> records = new ArrayList<>();
        Message[] newest = firsts.toArray(Message[]::new);
        for (int i = 0; i < scenario.messages(); i++) {
            int g = i % scenario.groups();
            clock.advance(Duration.ofMillis(10));
            Message message = new Message(firsts.get(g).groupUuid(), UUID.randomUUID().toString(), Timestamps.format(clock.instant()),
                    "message " + i, members.get(g)[i % 2]);
            newest[g] = message;
            records.add(StreamEvents.insert(StreamEvents.sequence(i + 1L), Items.item(message)));
        }
        List<List<DynamodbStreamRecord>> batches = new ArrayList<>();
        for (int from = 0; from < records.size(); from += BATCH_SIZE) {
            batches.add(records.subList(from, Math.min(records.size(), from + BATCH_SIZE)));
        }
        if (scenario.redeliverFirstBatch()) {
            batches.add(batches.get(0));
        }

        Consumer<List<DynamodbStreamRecord>> processor = processor(variant, dynamoDb, table);
        requests.reset();
        long start = System.nanoTime();
        batches.forEach(processor);
        long wallMicros = (System.nanoTime() - start) / 1000;
        int requestCount = requests.total();

        ConversationRowsInTable rows = new ConversationRowsInTable(dynamoDb, table);
        int correct = 0;
        for (int g = 0; g < scenario.groups(); g++) {
            for (int m = 0; m < 2; m++) {
                User owner = members.get(g)[m];
                List<ConversationRow> found = rows.of(owner.uuid(), newest[g].groupUuid());
                ConversationRow expected = new ConversationRow(owner.uuid(), newest[g].groupUuid(), newest[g].createdAt(),
                        newest[g].text(), members.get(g)[1 - m]);
                if (found.equals(List.of(expected))) {
                    correct++;
                }
            }
        }
        // Keep DynamoDB Local small, so later runs are not slowed by earlier tables.
        dynamoDb.deleteTable(b -> b.tableName(table));
        dynamoDb.close();
        return new Outcome(requestCount, wallMicros, correct, 2 * scenario.groups());
    }

    private static Consumer<List<DynamodbStreamRecord>> processor(Variant variant, DynamoDbClient dynamoDb, String table) {
        switch (variant) {
            case THIS_PROCESSOR: {
                StreamProcessor processor = new StreamProcessor(new ConversationRowStore(dynamoDb, table),
                        new JsonLog(new PrintStream(OutputStream.nullOutputStream())));
                return batch -> processor.handleRequest(StreamEvents.batch(batch), null);
            }
            case REFERENCE_PER_RECORD: {
                ReferenceProcessor reference = new ReferenceProcessor(dynamoDb, table);
                return batch -> batch.forEach(record -> reference.handle(StreamEvents.batch(List.of(record))));
            }
            default: {
                ReferenceProcessor reference = new ReferenceProcessor(dynamoDb, table);
                return batch -> reference.handle(StreamEvents.batch(batch));
            }
        }
    }

    private static void row(Scenario scenario, String processor, Outcome outcome, long wallMicros) {
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %d / %d |%n", scenario.name(), processor, outcome.requests(),
                wallMicros / 1000.0, outcome.correctRows(), outcome.rows());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Shaded jar size, heavy HTTP clients inside it, and cold-start figures of fresh JVMs on that jar. */
    private static void jarFacts() throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            System.out.println("\n(no " + JAR + ": run with `package` to measure the jar and cold start)");
            return;
        }
        long heavyEntries;
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            heavyEntries = zip.stream().filter(entry -> entry.getName().startsWith("io/netty/")
                    || entry.getName().startsWith("org/apache/http/") || entry.getName().startsWith("software/amazon/awssdk/http/apache")
                    || entry.getName().startsWith("software/amazon/awssdk/http/nio/netty")).count();
        }
        System.out.printf(Locale.ROOT, "%nshaded jar: %.2f MB (%d bytes); Netty/Apache HTTP entries inside: %d%n",
                Files.size(JAR) / 1_000_000.0, Files.size(JAR), heavyEntries);

        String table = LocalDynamoDb.shared().newMessagesTable();
        System.out.println("| cold start, fresh JVM on the jar (median of 5) | init ms | first invocation ms |");
        System.out.println("|---|---|---|");
        for (String mode : List.of("plain", "prime")) {
            List<Long> init = new ArrayList<>();
            List<Long> first = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long[] figures = probe(table, mode);
                init.add(figures[0]);
                first.add(figures[1]);
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %d |%n", mode.equals("prime") ? "primed (beforeCheckpoint ran, as before a SnapStart snapshot)"
                    : "not primed", median(init), median(first));
        }
    }

    private static long[] probe(String table, String mode) throws IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String classpath = JAR.toAbsolutePath() + File.pathSeparator + PROJECT.resolve("target").resolve("test-classes").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(javaCommand, "-cp", classpath, ColdStartProbe.class.getName(), mode);
        builder.environment().put("DDB_MESSAGE_TABLE", table);
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("AWS_ENDPOINT_URL", LocalDynamoDb.shared().endpoint().toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cold start probe failed: " + output);
        }
        String[] lines = output.split("\n");
        String[] figures = lines[lines.length - 1].trim().split(" ");
        return new long[] {Long.parseLong(figures[0]), Long.parseLong(figures[1])};
    }
}
