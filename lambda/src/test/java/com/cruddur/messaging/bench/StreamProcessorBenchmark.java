package com.cruddur.messaging.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.ZipFile;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.harness.LocalDynamoDb;
import com.cruddur.messaging.harness.stream.StreamEvents;
import com.cruddur.messaging.stream.ConversationRowStore;
import com.cruddur.messaging.stream.JsonLog;
import com.cruddur.messaging.stream.StreamProcessor;
import com.cruddur.messaging.support.RequestCounter;
import com.cruddur.messaging.support.TestClock;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Side-by-side benchmark against DynamoDB Local (not a test): chat-shaped traffic through this processor and through the
 * reference algorithm, with the requests, the read and write capacity per message (table and index apart, see
 * {@link CapacityMeter}) and whether every conversation row ends correct; then the propagation latency of this
 * processor through local mode's real stream path (local/'s PropagationBenchmark, on a prefix of the same traffic);
 * then the jar size and cold-start figures. Prints one markdown table.
 * Run with {@code mvn -q -f lambda/pom.xml package exec:java@benchmark -DskipTests}; {@code -Dbench.propagation=false}
 * leaves out the local-mode part, {@code -Dbench.coldStart=false} the jar and cold start.
 */
public final class StreamProcessorBenchmark {

    /** Lambda's default batch size, and the stages' (cdk.json streamProcessor.batchSize). */
    static final int BATCH_SIZE = 100;
    static final long SEED = 15;
    /**
     * us-east-1 list prices, Standard table class (README "What a million messages cost" gives the sources and dates):
     * on-demand per million write and read request units, provisioned per capacity unit-hour.
     */
    static final double ON_DEMAND_PER_MILLION_WRU = 0.625;
    static final double ON_DEMAND_PER_MILLION_RRU = 0.125;
    static final double PROVISIONED_PER_WCU_HOUR = 0.00065;
    static final double PROVISIONED_PER_RCU_HOUR = 0.00013;
    /** prod's auto-scaling target (cdk.json billing.targetUtilizationPercent): provisioned capacity is paid for, used or not. */
    static final double PROVISIONED_UTILIZATION = 0.70;
    /** Conversations the reference works on side by side (see run). */
    static final int REFERENCE_PARALLELISM = 4;
    /** lambda/, wherever Maven was started from (the README runs this from the repository root with -f). */
    private static final Path PROJECT = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
    private static final Path JAR = PROJECT.resolve("target").resolve("cruddur-messaging-lambda-1.0.0.jar");
    private static final Path OUT = PROJECT.resolve("target").resolve("benchmark");
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    /** Where the table goes: standard output as it was at the start (DynamoDB Local prints a banner there on every start). */
    private static PrintStream out = System.out;

    /**
     * One traffic, the batching windows this processor sees it with, whether the first batch is delivered again after the
     * last (a Lambda retry), and how many of its first messages local mode replays in real time for the propagation
     * latency (0: not replayed).
     */
    record Case(String key, Traffic traffic, List<Duration> windows, boolean redeliverFirstBatch, int propagationSample) {
    }

    /** What one processor left behind. */
    record Outcome(int requests, int records, int conversationBatches, int batches, CapacityMeter.Capacity capacity, int failedRequests,
                   int correctRows, int rows) {

        /** Records delivered per conversation per batch: 1 when every batch holds one message of each conversation it touches. */
        double perConversationBatch() {
            return (double) records / conversationBatches;
        }

        double writesPerMessage(int messages) {
            return (capacity.writeTable() + capacity.writeIndex()) / messages;
        }
    }

    /** Propagation through local mode: percentiles in ms, messages timed, rows correct after the replay. */
    record Propagation(double p50, double p99, int messages, int lost, int correctRows, int rows) {
    }

    private StreamProcessorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        Duration none = Duration.ZERO;
        Duration oneSecond = Duration.ofSeconds(1);
        List<Case> cases = List.of(
                new Case("chat", Traffic.poisson("chat: 1,000 msgs over 200 conversations, Poisson 4/s", 1000, 200, 4, false, SEED),
                        List.of(none, oneSecond), false, 120),
                new Case("burst", Traffic.burst("burst: 200 msgs in 1 conversation at 100/s", 200, 100),
                        List.of(none, oneSecond), false, 200),
                new Case("member", Traffic.poisson("a member in 500 conversations: 500 msgs, Poisson 4/s", 500, 500, 4, true, SEED + 1),
                        List.of(none), false, 80),
                new Case("ten", Traffic.atOnce("synthetic: 100 msgs / 10 conversations in one batch", 100, 10),
                        List.of(none), false, 0),
                new Case("redelivery", Traffic.atOnce("synthetic: 200 msgs / 10 conversations, batch 1 redelivered after batch 2", 200, 10),
                        List.of(none), true, 0));

        Files.createDirectories(OUT);
        // Only a tally: every run's meter adds its checks of DynamoDB Local against the rules to it.
        CapacityMeter agreement = new CapacityMeter();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (Case c : cases) {
            outcomes.put(c.key() + "/reference", run(c, Variant.REFERENCE, Duration.ZERO, agreement));
            for (Duration window : c.windows()) {
                outcomes.put(c.key() + "/w" + window.toSeconds(), run(c, Variant.THIS_PROCESSOR, window, agreement));
            }
            System.err.printf(Locale.ROOT, "[bench] %s done after %.0f s%n", c.key(), (System.nanoTime() - started) / 1e9);
        }
        LocalDynamoDb.stopShared();

        Map<String, Propagation> propagation = Boolean.parseBoolean(System.getProperty("bench.propagation", "true"))
                ? propagation(cases) : Map.of();

        out.println("| scenario | processor | batches (msgs per conversation per batch) | requests (per conversation per batch)"
                + " | RCU/msg table | RCU/msg index | WCU/msg table | WCU/msg index | WCU/msg ÷ reference | propagation p50 / p99"
                + " | rows correct |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Case c : cases) {
            int messages = c.traffic().arrivals().size();
            Outcome reference = outcomes.get(c.key() + "/reference");
            for (Duration window : c.windows()) {
                String key = c.key() + "/w" + window.toSeconds();
                row(c.traffic().name(), "this processor, window " + window.toSeconds() + " s", outcomes.get(key), messages, reference,
                        propagation.get(c.key() + "-w" + window.toSeconds()));
            }
            row(c.traffic().name(), "reference, every record (any window)", reference, messages, null, null);
        }
        out.println();
        out.println("m = reported by DynamoDB Local " + dynamoDbLocalVersion() + " (ReturnConsumedCapacity=INDEXES); c = computed from"
                + " the items by DynamoDB's documented rules where Local does not report DynamoDB's figure (a TransactWriteItems, which"
                + " DynamoDB bills at 2 writes per item and Local below 1, see the check below; a PartiQL statement, for which Local"
                + " reports nothing)."
                + " Per message = divided by the messages of the traffic (redelivered records not counted again). Capacity of the"
                + " processor only: backend-flask's own PutItem of each message (1 WCU) is not in it.");
        out.println("Check of the rules against DynamoDB Local: " + agreement.agreement() + ".");
        outcomes.forEach((key, outcome) -> {
            if (outcome.failedRequests() > 0) {
                out.println("note: " + key + " had " + outcome.failedRequests() + " failed request(s), billed by DynamoDB but not counted above");
            }
        });
        targets(cases, outcomes, propagation);
        costs(cases, outcomes);
        if (Boolean.parseBoolean(System.getProperty("bench.coldStart", "true"))) {
            jarFacts();
        }
        LocalDynamoDb.stopShared();
    }

    enum Variant { THIS_PROCESSOR, REFERENCE }

    /** The figures issue 15 sets targets for, read off the table (benchmark figures, not assertions). */
    private static void targets(List<Case> cases, Map<String, Outcome> outcomes, Map<String, Propagation> propagation) {
        List<String> single = new ArrayList<>();
        List<String> many = new ArrayList<>();
        double requests = 0;
        double p99 = 0;
        int wrong = 0;
        int referenceWrong = 0;
        for (Case c : cases) {
            int messages = c.traffic().arrivals().size();
            Outcome reference = outcomes.get(c.key() + "/reference");
            referenceWrong += reference.rows() - reference.correctRows();
            for (Duration window : c.windows()) {
                Outcome outcome = outcomes.get(c.key() + "/w" + window.toSeconds());
                String figure = String.format(Locale.ROOT, "%s %d s %.2f", c.key(), window.toSeconds(),
                        outcome.writesPerMessage(messages) / reference.writesPerMessage(messages));
                if (outcome.perConversationBatch() < 1.5) {
                    single.add(figure);
                } else if (outcome.perConversationBatch() >= 10) {
                    many.add(figure);
                }
                requests = Math.max(requests, (double) outcome.requests() / outcome.conversationBatches());
                wrong += outcome.rows() - outcome.correctRows();
                Propagation timed = propagation.get(c.key() + "-w" + window.toSeconds());
                if (timed != null) {
                    wrong += timed.rows() - timed.correctRows() + timed.lost();
                    if (window.isZero()) {
                        p99 = Math.max(p99, timed.p99());
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "Targets (issue 15): WCU/msg ÷ reference with one message per conversation per batch (≤ 1.0): %s;"
                        + " with ≥ 10 (≤ 0.2): %s; requests per conversation per batch (≤ 2): at most %.2f; propagation p99 through local"
                        + " mode, window 0 (≤ 1 s): %s; wrong rows (0): %d, the reference's %d.%n", String.join(", ", single),
                String.join(", ", many), requests, propagation.isEmpty() ? "not measured" : String.format(Locale.ROOT, "at most %.0f ms", p99),
                wrong, referenceWrong);
    }

    /**
     * What a million messages cost at the measured capacity: on-demand bills each capacity unit as a request unit; provisioned
     * capacity serves 3,600 units per unit-hour at full use, and auto scaling keeps it at {@link #PROVISIONED_UTILIZATION}.
     */
    private static void costs(List<Case> cases, Map<String, Outcome> outcomes) {
        out.println();
        out.printf(Locale.ROOT, "| scenario | processor | on-demand $ per million messages | provisioned $ per million messages (%.0f %% utilized) |%n",
                PROVISIONED_UTILIZATION * 100);
        out.println("|---|---|---|---|");
        for (Case c : cases) {
            List<String> keys = new ArrayList<>();
            c.windows().forEach(window -> keys.add(c.key() + "/w" + window.toSeconds()));
            keys.add(c.key() + "/reference");
            for (String key : keys) {
                CapacityMeter.Capacity capacity = outcomes.get(key).capacity();
                double messages = c.traffic().arrivals().size();
                double writes = (capacity.writeTable() + capacity.writeIndex()) / messages;
                double reads = (capacity.readTable() + capacity.readIndex()) / messages;
                double onDemand = writes * ON_DEMAND_PER_MILLION_WRU + reads * ON_DEMAND_PER_MILLION_RRU;
                double provisioned = (writes * PROVISIONED_PER_WCU_HOUR + reads * PROVISIONED_PER_RCU_HOUR) / 3600 * 1_000_000
                        / PROVISIONED_UTILIZATION;
                out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f |%n", c.traffic().name(),
                        key.endsWith("/reference") ? "reference" : "this processor, window " + key.substring(key.indexOf("/w") + 2) + " s",
                        onDemand, provisioned);
            }
        }
    }

    private static Outcome run(Case c, Variant variant, Duration window, CapacityMeter agreement) {
        Traffic traffic = c.traffic();
        LocalDynamoDb local = LocalDynamoDb.shared();
        RequestCounter requests = new RequestCounter();
        CapacityMeter meter = new CapacityMeter();
        DynamoDbClient dynamoDb = local.client(requests, meter);
        String table = local.newMessagesTable();
        long phase = System.nanoTime();
        TestClock clock = new TestClock(START);

        User shared = new User(UUID.randomUUID().toString(), "Member", "member");
        List<User[]> members = new ArrayList<>();
        Message[] newest = new Message[traffic.conversations()];
        List<WriteRequest> setup = new ArrayList<>();
        for (int g = 0; g < traffic.conversations(); g++) {
            User a = traffic.sharedMember() ? shared : new User(UUID.randomUUID().toString(), "A" + g, "a" + g);
            User b = new User(UUID.randomUUID().toString(), "B" + g, "b" + g);
            // Pattern D's items (both rows and the first message, as MessagesRepository.createConversation writes them), loaded in
            // batches of 25 rather than one transaction each: the setup is not measured, and DynamoDB Local is slow.
            Message first = new Message(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    Timestamps.format(clock.advance(Duration.ofMillis(1))), "first " + g, a);
            setup.add(put(Items.item(first)));
            setup.add(put(Items.item(new ConversationRow(a.uuid(), first.groupUuid(), first.createdAt(), first.text(), b))));
            setup.add(put(Items.item(new ConversationRow(b.uuid(), first.groupUuid(), first.createdAt(), first.text(), a))));
            newest[g] = first;
            members.add(new User[] {a, b});
        }
        for (int from = 0; from < setup.size(); from += 25) {
            List<WriteRequest> chunk = setup.subList(from, Math.min(setup.size(), from + 25));
            if (!dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, chunk))).unprocessedItems().isEmpty()) {
                throw new IllegalStateException("DynamoDB Local left items of the setup unprocessed");
            }
        }
        // The traffic starts after the last conversation was created; times strictly increase (µs), so no two messages share an instant.
        Instant trafficStart = clock.advance(Duration.ofSeconds(1));
        List<Record> records = new ArrayList<>();
        Map<Integer, Integer> groupOfRecord = new HashMap<>();
        Instant previous = trafficStart;
        for (int i = 0; i < traffic.arrivals().size(); i++) {
            Traffic.Arrival arrival = traffic.arrivals().get(i);
            Instant at = trafficStart.plus(arrival.at()).truncatedTo(ChronoUnit.MICROS);
            if (!at.isAfter(previous)) {
                at = previous.plusNanos(1000);
            }
            previous = at;
            int g = arrival.conversation();
            Message message = new Message(newest[g].groupUuid(), UUID.randomUUID().toString(), Timestamps.format(at), "message " + i,
                    members.get(g)[arrival.senderSide()]);
            newest[g] = message;
            records.add(StreamEvents.insert(StreamEvents.sequence(i + 1L), Items.item(message)));
            groupOfRecord.put(i, g);
        }
        List<List<Record>> batches = new ArrayList<>();
        List<Set<Integer>> groupsOfBatch = new ArrayList<>();
        if (variant == Variant.REFERENCE) {
            // The reference handles each record on its own, whatever the batch: the same requests under any batching window.
            for (int i = 0; i < records.size(); i++) {
                batches.add(List.of(records.get(i)));
                groupsOfBatch.add(Set.of(groupOfRecord.get(i)));
            }
        } else {
            for (int[] range : EventSourceMappingModel.batches(traffic.arrivals().stream().map(Traffic.Arrival::at).toList(), BATCH_SIZE, window)) {
                batches.add(records.subList(range[0], range[1]));
                Set<Integer> groups = new HashSet<>();
                for (int i = range[0]; i < range[1]; i++) {
                    groups.add(groupOfRecord.get(i));
                }
                groupsOfBatch.add(groups);
            }
        }
        if (c.redeliverFirstBatch()) {
            // Lambda delivers the first batch again after the last (a retry): the reference gets its records again, one by one.
            int[] first = EventSourceMappingModel.batches(traffic.arrivals().stream().map(Traffic.Arrival::at).toList(), BATCH_SIZE, window).get(0);
            if (variant == Variant.REFERENCE) {
                for (int i = first[0]; i < first[1]; i++) {
                    batches.add(List.of(records.get(i)));
                    groupsOfBatch.add(Set.of(groupOfRecord.get(i)));
                }
            } else {
                batches.add(batches.get(0));
                groupsOfBatch.add(groupsOfBatch.get(0));
            }
        }

        Consumer<List<Record>> processor = processor(variant, dynamoDb, table);
        double setupSeconds = (System.nanoTime() - phase) / 1e9;
        phase = System.nanoTime();
        requests.reset();
        meter.reset();
        if (variant == Variant.REFERENCE) {
            // The reference only touches the rows of the record's conversation, so its requests and capacity do not depend on how
            // conversations interleave: they run side by side (each in stream order) to keep DynamoDB Local's hours short.
            Map<Integer, List<List<Record>>> byConversation = new LinkedHashMap<>();
            for (int i = 0; i < batches.size(); i++) {
                byConversation.computeIfAbsent(groupsOfBatch.get(i).iterator().next(), g -> new ArrayList<>()).add(batches.get(i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(REFERENCE_PARALLELISM);
            try {
                for (Future<?> done : pool.invokeAll(byConversation.values().stream()
                        .map(inOrder -> (Callable<Void>) () -> {
                            inOrder.forEach(processor);
                            return null;
                        }).toList())) {
                    done.get();
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("the reference failed", e);
            } finally {
                pool.shutdown();
            }
        } else {
            batches.forEach(processor);
        }
        double processSeconds = (System.nanoTime() - phase) / 1e9;
        phase = System.nanoTime();
        if (!meter.unmodeled().isEmpty()) {
            throw new IllegalStateException("the capacity meter cannot bill " + meter.unmodeled() + " (" + c.key() + ", " + variant
                    + "): teach CapacityMeter the operation before reading capacity figures");
        }
        int requestCount = requests.total();
        CapacityMeter.Capacity capacity = meter.capacity();
        int failed = meter.failedRequests();

        // Every member's rows, read once from the table (a Scan by an unmetered client): exactly one per conversation, on its newest message.
        Map<String, List<ConversationRow>> rowsByOwnerAndGroup = new HashMap<>();
        try (DynamoDbClient reader = local.client()) {
            reader.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item -> {
                if (item.get(Items.PK).s().startsWith("GRP#")) {
                    ConversationRow row = Items.conversationRow(item);
                    rowsByOwnerAndGroup.computeIfAbsent(row.ownerUuid() + "/" + row.groupUuid(), key -> new ArrayList<>()).add(row);
                }
            });
            reader.deleteTable(b -> b.tableName(table));
        }
        int correct = 0;
        for (int g = 0; g < traffic.conversations(); g++) {
            for (int m = 0; m < 2; m++) {
                User owner = members.get(g)[m];
                ConversationRow expected = new ConversationRow(owner.uuid(), newest[g].groupUuid(), newest[g].createdAt(),
                        newest[g].text(), members.get(g)[1 - m]);
                if (List.of(expected).equals(rowsByOwnerAndGroup.get(owner.uuid() + "/" + newest[g].groupUuid()))) {
                    correct++;
                }
            }
        }
        dynamoDb.close();
        meter.addChecksTo(agreement);
        // DynamoDB Local slows down with every table it has held (a third table's setup took 4 times the first's): each run gets a new one.
        stopLocal();
        System.err.printf(Locale.ROOT, "[bench] %s, %s, window %d s: setup %.1f s, processing %.1f s, check %.1f s%n", c.key(), variant,
                window.toSeconds(), setupSeconds, processSeconds, (System.nanoTime() - phase) / 1e9);
        return new Outcome(requestCount, batches.stream().mapToInt(List::size).sum(), groupsOfBatch.stream().mapToInt(Set::size).sum(), batches.size(), capacity, failed, correct,
                2 * traffic.conversations());
    }

    private static void stopLocal() {
        try {
            LocalDynamoDb.stopShared();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static Consumer<List<Record>> processor(Variant variant, DynamoDbClient dynamoDb, String table) {
        if (variant == Variant.THIS_PROCESSOR) {
            StreamProcessor processor = new StreamProcessor(new ConversationRowStore(dynamoDb, table),
                    new JsonLog(new PrintStream(OutputStream.nullOutputStream())));
            return batch -> processor.handleRequest(StreamEvents.event(batch), null);
        }
        ReferenceProcessor reference = new ReferenceProcessor(dynamoDb, table);
        return batch -> reference.handle(StreamEvents.event(batch));
    }

    private static void row(String scenario, String processor, Outcome outcome, int messages, Outcome reference, Propagation propagation) {
        CapacityMeter.Capacity capacity = outcome.capacity();
        String ratio = reference == null ? "" : String.format(Locale.ROOT, "%.2f",
                outcome.writesPerMessage(messages) / reference.writesPerMessage(messages));
        String latency = propagation == null ? "–" : String.format(Locale.ROOT, "%.0f / %.0f ms (%d msgs%s)", propagation.p50(),
                propagation.p99(), propagation.messages(), propagation.lost() == 0 ? "" : ", " + propagation.lost() + " never seen");
        String rows = outcome.correctRows() + " / " + outcome.rows()
                + (propagation == null ? "" : " (local mode: " + propagation.correctRows() + " / " + propagation.rows() + ")");
        out.printf(Locale.ROOT, "| %s | %s | %d (%.2f) | %d (%.2f) | %s | %s | %s | %s | %s | %s | %s |%n", scenario, processor,
                outcome.batches(), outcome.perConversationBatch(), outcome.requests(),
                (double) outcome.requests() / outcome.conversationBatches(),
                figure(capacity.readTable() / messages, capacity.readTableComputed()),
                figure(capacity.readIndex() / messages, capacity.readIndexComputed()),
                figure(capacity.writeTable() / messages, capacity.writeTableComputed()),
                figure(capacity.writeIndex() / messages, capacity.writeIndexComputed()), ratio, latency, rows);
    }

    private static String figure(double value, boolean computed) {
        return String.format(Locale.ROOT, "%.2f %s", value, computed ? "c" : "m");
    }

    private static String dynamoDbLocalVersion() {
        return System.getProperty("dynamodb.local.version", "");
    }

    /**
     * Replays a prefix of each case's traffic through local mode (bin/local, the deployed jar under AWS's runtime client, fed
     * by the stream pump) in real time, once per batching window, by running local/'s PropagationBenchmark; reads its results.
     */
    private static Map<String, Propagation> propagation(List<Case> cases) throws IOException, InterruptedException {
        Path schedule = OUT.resolve("propagation-schedule.tsv");
        Path results = OUT.resolve("propagation-results.tsv");
        Files.deleteIfExists(results);
        try (Writer out = Files.newBufferedWriter(schedule, StandardCharsets.UTF_8)) {
            for (Case c : cases) {
                if (c.propagationSample() > 0) {
                    for (Duration window : c.windows()) {
                        c.traffic().prefix(c.propagationSample()).writeSchedule(out, c.key() + "-w" + window.toSeconds(), window);
                    }
                }
            }
        }
        Path root = PROJECT.getParent();
        ProcessBuilder builder = new ProcessBuilder("mvn", "-q", "-f", root.resolve("local/pom.xml").toString(), "test-compile",
                "exec:java@propagation", "-Dbench.schedule=" + schedule, "-Dbench.results=" + results);
        builder.inheritIO();
        int exit = builder.start().waitFor();
        if (exit != 0 || !Files.exists(results)) {
            System.err.println("[bench] the local-mode propagation run failed (exit " + exit + "); the table has no latencies");
            return Map.of();
        }
        Map<String, Propagation> byKey = new HashMap<>();
        for (String line : Files.readAllLines(results)) {
            String[] f = line.split("\t");
            byKey.put(f[0], new Propagation(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6])));
        }
        return byKey;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Shaded jar size, heavy HTTP clients inside it, and cold-start figures of fresh JVMs on that jar. */
    private static void jarFacts() throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            out.println("\n(no " + JAR + ": run with `package` to measure the jar and cold start)");
            return;
        }
        long heavyEntries;
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            heavyEntries = zip.stream().filter(entry -> entry.getName().startsWith("io/netty/")
                    || entry.getName().startsWith("org/apache/http/") || entry.getName().startsWith("software/amazon/awssdk/http/apache")
                    || entry.getName().startsWith("software/amazon/awssdk/http/nio/netty")).count();
        }
        out.printf(Locale.ROOT, "%nshaded jar: %.2f MB (%d bytes); Netty/Apache HTTP entries inside: %d%n",
                Files.size(JAR) / 1_000_000.0, Files.size(JAR), heavyEntries);

        String table = LocalDynamoDb.shared().newMessagesTable();
        out.println("| cold start, fresh JVM on the jar (median of 5) | init ms | first invocation ms |");
        out.println("|---|---|---|");
        for (String mode : List.of("plain", "prime")) {
            List<Long> init = new ArrayList<>();
            List<Long> first = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long[] figures = probe(table, mode);
                init.add(figures[0]);
                first.add(figures[1]);
            }
            out.printf(Locale.ROOT, "| %s | %d | %d |%n", mode.equals("prime") ? "primed (beforeCheckpoint ran, as before a SnapStart snapshot)"
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
