package com.cruddur.messaging.local.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Keys;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.data.MessagesRepository;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.local.Clients;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Not a test: times bin/local from start to its ready line (a cold build once, then warm starts), and
 * the stream propagation latency of 1,000 messages over 50 conversations (message put → both members'
 * conversation rows on it), with the memory of local mode's processes. Run with
 * {@code mvn -q -f local/pom.xml test-compile exec:java@benchmark}.
 */
public final class LocalModeBenchmark {

    static final int WARM_STARTS = 5;
    static final int CONVERSATIONS = 50;
    static final int MESSAGES = 1_000;
    static final int WRITERS = 10;
    /** How often a writer checks its rows: often enough to resolve well under the 1 s target, rarely enough not to load DynamoDB Local. */
    static final int POLL_MILLIS = 25;

    private LocalModeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        System.out.println("first start with the build check and the synth forced (stamps removed: mvn compile + cdk synth + start)");
        deleteRecursively(root.resolve("local/target/.built"));
        deleteRecursively(root.resolve("cdk.out/local-dev"));
        try (LocalProcess cold = LocalProcess.start(root)) {
            System.out.printf("  ready after %.1f s%n", cold.readySeconds);
        }

        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < WARM_STARTS; i++) {
            try (LocalProcess process = LocalProcess.start(root)) {
                warm.add(process.readySeconds);
            }
        }
        Collections.sort(warm);
        System.out.printf("warm start to ready (%d runs): min %.2f s, median %.2f s, max %.2f s%n",
                WARM_STARTS, warm.get(0), warm.get(WARM_STARTS / 2), warm.get(WARM_STARTS - 1));

        try (LocalProcess process = LocalProcess.start(root)) {
            List<Double> latencies = propagation(process.endpoint);
            Collections.sort(latencies);
            System.out.printf("propagation of %d messages over %d conversations (%d writers): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    latencies.size(), CONVERSATIONS, WRITERS, percentile(latencies, 50), percentile(latencies, 99),
                    latencies.get(latencies.size() - 1));
            System.out.printf("local-mode memory (its JVM and the stream processor's runtime JVM): resident %d MB now, peak %d MB%n",
                    process.memoryKb("VmRSS") / 1024, process.memoryKb("VmHWM") / 1024);
        }
    }

    private static List<Double> propagation(URI endpoint) throws Exception {
        DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(endpoint), Region.US_EAST_1);
        MessagesRepository repository = new MessagesRepository(dynamoDb, "cruddur-messages", Clock.systemUTC());
        List<User[]> pairs = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            User[] pair = {user("a", i), user("b", i)};
            groups.add(repository.createConversation(pair[0], pair[1], "conversation " + i).groupUuid());
            pairs.add(pair);
        }
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int first = writer;
            results.add(writers.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                for (int n = 0; n < MESSAGES / WRITERS; n++) {
                    int conversation = first + (n % (CONVERSATIONS / WRITERS)) * WRITERS;
                    User[] pair = pairs.get(conversation);
                    long start = System.nanoTime();
                    Message message = repository.createMessage(groups.get(conversation), pair[n % 2], "message " + n);
                    while (!bothRowsOn(dynamoDb, pair, message)) {
                        Thread.sleep(POLL_MILLIS);
                    }
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> result : results) {
            all.addAll(result.get());
        }
        writers.shutdown();
        return all;
    }

    /** One consistent BatchGetItem for both members' rows keyed on the message: the check itself should load DynamoDB Local little. */
    private static boolean bothRowsOn(DynamoDbClient dynamoDb, User[] pair, Message message) {
        List<Map<String, AttributeValue>> keys = List.of(rowKey(pair[0], message), rowKey(pair[1], message));
        return dynamoDb.batchGetItem(b -> b.requestItems(Map.of("cruddur-messages",
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build()))).responses().get("cruddur-messages").size() == 2;
    }

    private static Map<String, AttributeValue> rowKey(User member, Message message) {
        return Map.of(Items.PK, Items.s(Keys.conversationsOf(member.uuid())), Items.SK, Items.s(message.createdAt()));
    }

    private static User user(String side, int i) {
        return new User(String.format("%s0000000-0000-4000-8000-%012d", side.equals("a") ? "a" : "b", i), side + i, side + i);
    }

    static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }

    /** bin/local as a child process on a free port, timed from launch to its ready line. */
    static final class LocalProcess implements AutoCloseable {
        final Process process;
        final URI endpoint;
        final double readySeconds;

        private LocalProcess(Process process, URI endpoint, double readySeconds) {
            this.process = process;
            this.endpoint = endpoint;
            this.readySeconds = readySeconds;
        }

        static LocalProcess start(Path root) throws IOException {
            return start(root, root.resolve("local/target/benchmark-local.log"));
        }

        /** Started with {@code options} after the port; its output goes to {@code log}. */
        static LocalProcess start(Path root, Path log, String... options) throws IOException {
            int port = TestTemplates.freePort();
            long start = System.nanoTime();
            // Its output goes to a file (one line per batch, with its duration) that a reader of the figures can inspect.
            List<String> command = new ArrayList<>(List.of(root.resolve("bin/local").toString(), "--port", String.valueOf(port)));
            command.addAll(List.of(options));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            while (process.isAlive()) {
                if (Files.readAllLines(log).stream().anyMatch(line -> line.startsWith("[local] ready"))) {
                    return new LocalProcess(process, URI.create("http://localhost:" + port), (System.nanoTime() - start) / 1e9);
                }
                sleep(20);
            }
            throw new IllegalStateException("bin/local ended before it was ready (exit " + process.exitValue() + "); see " + log);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The sum over local mode's process and its descendants (the function's runtime runs in a JVM of its own). */
        long memoryKb(String field) throws IOException {
            long total = 0;
            for (long pid : java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                    .map(ProcessHandle::pid).toList()) {
                total += memoryKb(pid, field);
            }
            return total;
        }

        private static long memoryKb(long pid, String field) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
        }
    }
}
