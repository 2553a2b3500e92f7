package com.cruddur.messaging.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import com.cruddur.messaging.harness.LocalDynamoDbServer;
import com.cruddur.messaging.harness.template.LambdaFunction;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.harness.template.StreamMapping;
import com.cruddur.messaging.harness.template.TableDefinition;
import com.cruddur.messaging.local.runtime.ExecutionEnvironment;
import com.cruddur.messaging.local.stream.DeadLetterFile;
import com.cruddur.messaging.local.stream.StreamPump;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Local mode (SPEC §6): DynamoDB Local on localhost (loopback only unless {@code --host}), the messages table created from the stage's
 * synthesized template, the seed loaded by the seed resource's own code, and the stream processor's
 * deployed jar (the asset {@code cdk synth} staged) running under AWS's Lambda runtime interface client on
 * the runtime's Java, fed from the local table's stream as the deployed event source mapping would feed it.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run the messaging data path on this machine: DynamoDB Local, the table, the seed and the stream processor.")
public final class LocalMode implements Callable<Integer> {

    @Option(names = "--stage", defaultValue = "dev", description = "stage whose template defines the table and mapping (default: ${DEFAULT-VALUE})")
    String stage;

    @Option(names = "--port", defaultValue = "8000", description = "DynamoDB Local's port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = LocalDynamoDbServer.LOOPBACK, description = "address DynamoDB Local listens on (default: "
            + "${DEFAULT-VALUE}, loopback only); e.g. 0.0.0.0 for backend-flask in a container, which exposes it: any credentials are"
            + " accepted, so anyone who can reach the port can read and write")
    String host = LocalDynamoDbServer.LOOPBACK;

    @Option(names = "--no-seed", description = "start with an empty table")
    boolean noSeed;

    @Option(names = "--data-dir", description = "keep the data in this directory between runs (default: in memory)")
    Path dataDir;

    @Option(names = "--cdk-out", description = "the stage's synthesized cloud assembly (default: cdk.out/local-<stage>, which bin/local"
            + " synthesizes when its inputs changed; a directory given here is used as it is)")
    Path cdkOut;

    @Mixin
    DatabaseUrl database = new DatabaseUrl();

    /** The shell bin/local runs in, whose region and credentials the printed exports keep; tests give their own. */
    Map<String, String> environment = System.getenv();
    Path home = Path.of(System.getProperty("user.home"));

    @Option(names = "--dead-letter-file", description = "where records that run out of retries go (default: <cdk-out>/dead-letters.jsonl)")
    Path deadLetterFile;

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new LocalMode()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Running running = start(System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            System.out.println("[local] stopped");
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Starts everything and prints the ready line; the caller closes the result to stop. */
    public Running start(PrintStream out) {
        // bin/local passes the repository root, so the default works from any directory.
        Path cdkOut = this.cdkOut != null ? this.cdkOut
                : Path.of(System.getProperty("cruddur.root", ".")).resolve("cdk.out").resolve("local-" + stage);
        StageTemplates templates = StageTemplates.read(cdkOut, stage);
        TableDefinition table = templates.table();
        StreamMapping mapping = templates.streamMapping();
        out.println("[local] stage " + stage + ": table and stream mapping from " + cdkOut);
        LocalDynamoDbServer server = LocalDynamoDbServer.start(host, port, Optional.ofNullable(dataDir));
        try {
            out.println("[local] DynamoDB Local on " + server.endpoint() + (dataDir == null ? " (in memory)" : " (data in " + dataDir + ")")
                    + ", listening on " + listening(server));
            DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(server.endpoint()), Clients.LOCAL_REGION);
            TableDescription description = createOrCheck(dynamoDb, table, out);
            if (noSeed) {
                out.println("[local] no seed (--no-seed)");
            } else {
                SeedLoader.load(dynamoDb, templates, table.tableName(), database.url(), line -> out.println("[local] " + line));
            }
            LambdaFunction function = templates.streamProcessor();
            ExecutionEnvironment processor = ExecutionEnvironment.start(function, server.endpoint(), Clients.LOCAL_REGION.id(), out::println);
            DynamoDbStreamsClient streams = Clients.streams(server.endpoint());
            DeadLetterFile deadLetters = new DeadLetterFile(deadLetterFile != null ? deadLetterFile : cdkOut.resolve("dead-letters.jsonl"));
            StreamPump pump = new StreamPump(streams, description.latestStreamArn(), mapping, processor::invoke, deadLetters, Clock.systemUTC(), out);
            Thread pumpThread = new Thread(pump, "stream-pump");
            pumpThread.setDaemon(true);
            pumpThread.start();
            out.println("[local] stream processor attached: " + cdkOut.relativize(function.code()) + " on " + function.runtime()
                    + (function.snapStart() ? " with SnapStart" : "") + " under AWS's Lambda runtime interface client; batch size "
                    + mapping.batchSize() + ", window " + mapping.batchingWindow().toSeconds() + " s, " + mapping.maxRetryAttempts()
                    + " retries, " + mapping.filters().size() + " filter(s); dead letters to " + deadLetters.path());
            out.println("[local] ready on " + server.endpoint() + (server.loopbackOnly() ? " (this machine only)" : " — EXPOSED on " + listening(server)
                    + ": DynamoDB Local accepts any credentials, so anyone who can reach the port can read and write")
                    + "; a client's shell needs:");
            ClientExports.lines(server.endpoint(), table.tableName(), AwsSettingsInEnvironment.of(environment, home)).forEach(out::println);
            return new Running(server, dynamoDb, streams, processor, pump, pumpThread);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static String listening(LocalDynamoDbServer server) {
        return server.listeningAddresses().stream()
                .map(address -> (address.getAddress().isAnyLocalAddress() ? "every interface" : address.getAddress().getHostAddress())
                        + " port " + address.getPort())
                .collect(Collectors.joining(", "));
    }

    private TableDescription createOrCheck(DynamoDbClient dynamoDb, TableDefinition table, PrintStream out) {
        try {
            TableDescription existing = dynamoDb.describeTable(b -> b.tableName(table.tableName())).table();
            List<String> differences = table.differencesFrom(existing);
            if (!differences.isEmpty()) {
                throw new IllegalStateException("table " + table.tableName() + " in " + dataDir + " differs from the template: "
                        + String.join("; ", differences) + " (delete the directory or use another --data-dir)");
            }
            out.println("[local] table " + table.tableName() + " kept from " + dataDir);
            return existing;
        } catch (ResourceNotFoundException absent) {
            TableDescription created = dynamoDb.createTable(table.createTableRequest()).tableDescription();
            out.println("[local] table " + table.tableName() + " created from Cruddur-" + stage + "-Data: keys "
                    + table.keySchema().stream().map(key -> key.attributeName()).toList() + ", "
                    + table.globalSecondaryIndexes().size() + " GSI(s), stream " + table.streamViewType().orElse("off"));
            return created;
        }
    }

    /** A running local mode; closing stops the stream pump and the processor's runtime, then DynamoDB Local. */
    public record Running(LocalDynamoDbServer server, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, ExecutionEnvironment processor,
                          StreamPump pump, Thread pumpThread) implements AutoCloseable {
        @Override
        public void close() {
            pump.stop();
            pumpThread.interrupt();
            try {
                pumpThread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            processor.close();
            dynamoDb.close();
            streams.close();
            server.close();
        }
    }
}
