package com.cruddur.messaging.local.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.bench.LocalModeBenchmark.LocalProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Not a test: the propagation latency of the stream processor through local mode's real stream path (bin/local: the
 * deployed jar under AWS's runtime client, fed by the stream pump with the stage's mapping), for traffic the lambda/
 * benchmark hands over as a schedule. Each message is put at its scheduled wall time (pattern C, as backend-flask does)
 * and timed from the put until both members' conversation rows are on it or on a newer message of the conversation
 * (consistent queries every {@value #POLL_MILLIS} ms); then every row is checked. Scenarios with a batching window
 * other than the stage's run on a copy of the synthesized stage whose event source mapping has that window.
 * Run by lambda/'s StreamProcessorBenchmark, or alone with
 * {@code mvn -q -f local/pom.xml test-compile exec:java@propagation -Dbench.schedule=FILE -Dbench.results=FILE}.
 */
public final class PropagationBenchmark {

    static final int POLL_MILLIS = 25;
    /** A message whose rows have not moved this long after the last put is counted as never seen. */
    static final long GIVE_UP_MILLIS = 30_000;
    private static final String TABLE = "cruddur-messages";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream LOG = System.err;

    /** One scenario of the schedule: its conversations and messages (ms from the start, conversation, sender side). */
    record Scenario(String key, int windowSeconds, int conversations, boolean sharedMember, List<long[]> messages) {
    }

    /** A message put and not yet seen on both rows. */
    private record Pending(int conversation, String sk, long putNanos) {
    }

    private PropagationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        List<Scenario> scenarios = read(Path.of(System.getProperty("bench.schedule")));
        Map<Integer, List<Scenario>> byWindow = new TreeMap<>();
        scenarios.forEach(s -> byWindow.computeIfAbsent(s.windowSeconds(), w -> new ArrayList<>()).add(s));
        List<String> results = new ArrayList<>();
        for (Map.Entry<Integer, List<Scenario>> window : byWindow.entrySet()) {
            Path log = root.resolve("local/target/benchmark-propagation-w" + window.getKey() + ".log");
            String[] options = window.getKey() == 0 ? new String[] {"--no-seed"}
                    : new String[] {"--no-seed", "--cdk-out", withBatchingWindow(root, window.getKey()).toString()};
            try (LocalProcess local = LocalProcess.start(root, log, options)) {
                LOG.printf(Locale.ROOT, "[propagation] bin/local ready in %.1f s (%s)%n", local.readySeconds, log);
                for (Scenario scenario : window.getValue()) {
                    results.add(replay(local.endpoint, scenario));
                }
            }
        }
        Files.write(Path.of(System.getProperty("bench.results")), results, StandardCharsets.UTF_8);
    }

    /**
     * A copy of the synthesized dev stage (the assembly bin/local synthesized for the first run) whose stream mapping has
     * {@code MaximumBatchingWindowInSeconds} = {@code seconds}: what synthesizing with
     * {@code -c dev.streamProcessor.batchingWindowSeconds=N} gives, without a second synth. Other entries are links to the original.
     */
    static Path withBatchingWindow(Path root, int seconds) throws IOException {
        Path source = root.resolve("cdk.out/local-dev");
        Path copy = root.resolve("local/target/bench-assembly-window-" + seconds);
        LocalModeBenchmark.deleteRecursively(copy);
        Files.createDirectories(copy);
        try (var entries = Files.list(source)) {
            for (Path entry : entries.toList()) {
                Path target = copy.resolve(entry.getFileName());
                if (entry.getFileName().toString().endsWith(".template.json")) {
                    JsonNode template = JSON.readTree(entry.toFile());
                    template.path("Resources").forEach(resource -> {
                        if ("AWS::Lambda::EventSourceMapping".equals(resource.path("Type").asText())) {
                            ((ObjectNode) resource.path("Properties")).put("MaximumBatchingWindowInSeconds", seconds);
                        }
                    });
                    JSON.writeValue(target.toFile(), template);
                } else if (!entry.getFileName().toString().equals("dead-letters.jsonl")) {
                    Files.createSymbolicLink(target, entry);
                }
            }
        }
        return copy;
    }

    /** Creates the scenario's conversations, replays its messages in real time and returns its result line. */
    private static String replay(URI endpoint, Scenario scenario) throws Exception {
        DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(endpoint), Region.US_EAST_1);
        MessagesRepository repository = new MessagesRepository(dynamoDb, TABLE, Clock.systemUTC());
        String run = Long.toHexString(System.nanoTime());
        User shared = user("m" + run, 0);
        List<User[]> members = new ArrayList<>();
        Message[] newest = new Message[scenario.conversations()];
        for (int g = 0; g < scenario.conversations(); g++) {
            User a = scenario.sharedMember() ? shared : user("a" + run, g);
            User b = user("b" + run, g);
            newest[g] = repository.createConversation(a, b, "first " + g);
            members.add(new User[] {a, b});
        }
        List<String> groups = java.util.Arrays.stream(newest).map(Message::groupUuid).toList();
        // Let the processor finish with the conversations' first messages before the clock starts.
        Thread.sleep(2_000);

        List<Pending> pending = new ArrayList<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        boolean[] writing = {true};
        Thread watcher = new Thread(() -> watch(dynamoDb, members, groups, pending, latencies, writing), "propagation-watcher");
        watcher.start();
        long start = System.nanoTime();
        for (int i = 0; i < scenario.messages().size(); i++) {
            long[] message = scenario.messages().get(i);
            long wait = start + message[0] * 1_000_000 - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int g = (int) message[1];
            long put = System.nanoTime();
            Message created = repository.createMessage(newest[g].groupUuid(), members.get(g)[(int) message[2]], "message " + i);
            newest[g] = created;
            synchronized (pending) {
                pending.add(new Pending(g, created.createdAt(), put));
            }
        }
        double sentSeconds = (System.nanoTime() - start) / 1e9;
        synchronized (pending) {
            writing[0] = false;
        }
        watcher.join();
        int lost;
        synchronized (pending) {
            lost = pending.size();
        }

        int[] rows = checkRows(dynamoDb, members, newest);
        dynamoDb.close();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? Double.NaN : LocalModeBenchmark.percentile(sorted, 50);
        double p99 = sorted.isEmpty() ? Double.NaN : LocalModeBenchmark.percentile(sorted, 99);
        LOG.printf(Locale.ROOT, "[propagation] %s: %d messages put in %.1f s, p50 %.0f ms, p99 %.0f ms, max %.0f ms, %d never seen;"
                        + " rows correct %d / %d%n", scenario.key(), scenario.messages().size(), sentSeconds, p50, p99,
                sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), lost, rows[0], rows[1]);
        return String.join("\t", scenario.key(), String.format(Locale.ROOT, "%.1f", p50), String.format(Locale.ROOT, "%.1f", p99),
                String.valueOf(sorted.size()), String.valueOf(lost), String.valueOf(rows[0]), String.valueOf(rows[1]));
    }

    /**
     * Until every put message is seen (or given up): each round, for each conversation with messages pending, the newest row
     * each member has for it at or after the oldest pending message; a message is seen when both rows are at or after it.
     */
    private static void watch(DynamoDbClient dynamoDb, List<User[]> members, List<String> groups, List<Pending> pending,
                              List<Double> latencies, boolean[] writing) {
        long lastProgress = System.nanoTime();
        while (true) {
            Map<Integer, String> oldestByConversation = new LinkedHashMap<>();
            synchronized (pending) {
                if (pending.isEmpty() && !writing[0]) {
                    return;
                }
                if (!writing[0] && System.nanoTime() - lastProgress > GIVE_UP_MILLIS * 1_000_000) {
                    return;
                }
                for (Pending p : pending) {
                    oldestByConversation.merge(p.conversation(), p.sk(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
                }
            }
            for (Map.Entry<Integer, String> conversation : oldestByConversation.entrySet()) {
                String reached = null;
                for (User member : members.get(conversation.getKey())) {
                    Optional<String> sk = newestRowAtOrAfter(dynamoDb, member, groups.get(conversation.getKey()), conversation.getValue());
                    if (sk.isEmpty()) {
                        reached = null;
                        break;
                    }
                    reached = reached == null || sk.get().compareTo(reached) < 0 ? sk.get() : reached;
                }
                if (reached == null) {
                    continue;
                }
                long now = System.nanoTime();
                String rowsAt = reached;
                synchronized (pending) {
                    int before = pending.size();
                    pending.removeIf(p -> {
                        if (p.conversation() == conversation.getKey() && p.sk().compareTo(rowsAt) <= 0) {
                            latencies.add((now - p.putNanos()) / 1e6);
                            return true;
                        }
                        return false;
                    });
                    if (pending.size() < before) {
                        lastProgress = now;
                    }
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The sort key of the member's row for the conversation if it is at or after {@code sk} (a consistent read of that range only). */
    private static Optional<String> newestRowAtOrAfter(DynamoDbClient dynamoDb, User member, String groupUuid, String sk) {
        List<Map<String, AttributeValue>> rows = dynamoDb.query(QueryRequest.builder().tableName(TABLE).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk >= :sk")
                .filterExpression("#group = :group")
                .expressionAttributeNames(Map.of("#pk", Items.PK, "#sk", Items.SK, "#group", Items.MESSAGE_GROUP_UUID))
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.conversationsOf(member.uuid())), ":sk", Items.s(sk),
                        ":group", Items.s(groupUuid)))
                .scanIndexForward(false).build()).items();
        return rows.stream().map(row -> row.get(Items.SK).s()).max(String::compareTo);
    }

    /** [correct, total]: each member has exactly one row per conversation, on its newest message. */
    private static int[] checkRows(DynamoDbClient dynamoDb, List<User[]> members, Message[] newest) {
        Set<String> owners = new LinkedHashSet<>();
        members.forEach(pair -> {
            owners.add(pair[0].uuid());
            owners.add(pair[1].uuid());
        });
        Map<String, List<Map<String, AttributeValue>>> rowsByOwnerAndGroup = new HashMap<>();
        for (String owner : owners) {
            dynamoDb.queryPaginator(QueryRequest.builder().tableName(TABLE).consistentRead(true).keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", Items.PK))
                    .expressionAttributeValues(Map.of(":pk", Items.s(Keys.conversationsOf(owner)))).build()).items()
                    .forEach(row -> rowsByOwnerAndGroup.computeIfAbsent(owner + "/" + row.get(Items.MESSAGE_GROUP_UUID).s(),
                            key -> new ArrayList<>()).add(row));
        }
        int correct = 0;
        for (int g = 0; g < members.size(); g++) {
            for (User member : members.get(g)) {
                List<Map<String, AttributeValue>> rows = rowsByOwnerAndGroup.getOrDefault(member.uuid() + "/" + newest[g].groupUuid(), List.of());
                if (rows.size() == 1 && rows.get(0).get(Items.SK).s().equals(newest[g].createdAt())
                        && rows.get(0).get(Items.MESSAGE).s().equals(newest[g].text())) {
                    correct++;
                }
            }
        }
        return new int[] {correct, 2 * members.size()};
    }

    private static User user(String prefix, int i) {
        return new User(java.util.UUID.nameUUIDFromBytes((prefix + "/" + i).getBytes(StandardCharsets.UTF_8)).toString(), prefix + i, prefix + i);
    }

    /** Reads the schedule lambda/'s benchmark wrote (see its Traffic.writeSchedule). */
    static List<Scenario> read(Path schedule) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        for (String line : Files.readAllLines(schedule, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f[0].equals("scenario")) {
                scenarios.add(new Scenario(f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Boolean.parseBoolean(f[4]), new ArrayList<>()));
            } else if (f[0].equals("message")) {
                scenarios.get(scenarios.size() - 1).messages().add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
            }
        }
        return scenarios;
    }
}
