package com.cruddur.messaging.local.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.cruddur.messaging.harness.template.LambdaFunction;

/**
 * One Lambda execution environment on this machine, built as AWS builds the managed Java runtime's: the
 * deployment package (the asset {@code cdk synth} staged, byte for byte) unpacked into a task root, a JVM
 * of the runtime's Java release started with the managed runtime's flags, AWS's Runtime Interface Client
 * (Maven Central) loading the handler from the task root through its own class loader and serializer, and
 * the Runtime API served by {@link RuntimeApiServer}. A function with SnapStart initializes as a published
 * version does: the runtime runs the {@code beforeCheckpoint} hooks, then {@code afterRestore}, before the
 * first invocation.
 *
 * <p>The one difference from AWS is the service endpoints ({@code AWS_ENDPOINT_URL_DYNAMODB}, and for a test
 * {@code AWS_ENDPOINT_URL_SSM}, ...), which send the function's unchanged SDK clients to local stand-ins; the
 * function's code has no notion of them.
 */
public final class ExecutionEnvironment implements AutoCloseable {

    /** Where local/'s build puts the Runtime Interface Client and its dependencies (see local/pom.xml). */
    public static final String RUNTIME_LIBRARIES_PROPERTY = "lambda.runtime.libraries";
    static final String RUNTIME_CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Lambda's init phase limit is 10 s; a local machine under test load gets more before it is called stuck. */
    static final Duration INIT_LIMIT = Duration.ofSeconds(60);
    private static final int OUTPUT_LINES_KEPT = 40;

    private final LambdaFunction function;
    private final RuntimeApiServer api;
    private final Process process;
    private final Deque<String> lastOutput = new ArrayDeque<>();

    private ExecutionEnvironment(LambdaFunction function, RuntimeApiServer api, Process process, Consumer<String> output) {
        this.function = function;
        this.api = api;
        this.process = process;
        Thread forward = new Thread(() -> forward(process.getInputStream(), output), "lambda-output-" + function.name());
        forward.setDaemon(true);
        forward.start();
        process.onExit().thenAccept(exited -> api.fail(new FunctionError("runtime exited", "Runtime.ExitError",
                "the runtime of " + function.name() + " exited with code " + exited.exitValue() + "; its last output:\n" + lastOutput())));
    }

    /**
     * Starts {@code function}'s runtime against the DynamoDB at {@code dynamoDbEndpoint} and waits until its init
     * is complete; {@code output} receives every line the function and the runtime print.
     *
     * @throws FunctionError when init fails (the runtime reported an init error, or exited)
     */
    public static ExecutionEnvironment start(LambdaFunction function, URI dynamoDbEndpoint, String region, Consumer<String> output) {
        return start(function, Map.of("DYNAMODB", dynamoDbEndpoint), region, output);
    }

    /** As {@link #start(LambdaFunction, URI, String, Consumer)}, each service of {@code endpoints} (e.g. "SSM") sent to its URI. */
    public static ExecutionEnvironment start(LambdaFunction function, Map<String, URI> endpoints, String region, Consumer<String> output) {
        Path taskRoot = taskRoot(function.code());
        RuntimeApiServer api = new RuntimeApiServer("arn:aws:lambda:" + region + ":000000000000:function:" + function.name()
                + (function.snapStart() ? ":1" : ""), function.timeout());
        ProcessBuilder builder = new ProcessBuilder(command(function)).directory(taskRoot.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment(function, api.address(), taskRoot, endpoints, region));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            api.close();
            throw new UncheckedIOException("cannot start the Lambda runtime: " + String.join(" ", builder.command()), e);
        }
        ExecutionEnvironment environment = new ExecutionEnvironment(function, api, process, output);
        try {
            environment.await(api.ready(), INIT_LIMIT, "init");
        } catch (RuntimeException e) {
            environment.close();
            throw e;
        }
        return environment;
    }

    /** The function this environment runs. */
    public LambdaFunction function() {
        return function;
    }

    /** True once the runtime ran the SnapStart hooks and reached restore (only for a function with SnapStart). */
    public boolean restoredFromCheckpoint() {
        return api.checkpointed().isDone() && !api.checkpointed().isCompletedExceptionally();
    }

    /**
     * Invokes the function synchronously with a JSON payload and returns its JSON response.
     *
     * @throws FunctionError when the handler failed, the runtime died, or the function's timeout passed
     */
    public String invoke(String payload) {
        CompletableFuture<byte[]> response = api.invoke(payload.getBytes(StandardCharsets.UTF_8));
        return new String(await(response, function.timeout(), "invocation"), StandardCharsets.UTF_8);
    }

    private <T> T await(CompletableFuture<T> future, Duration limit, String phase) {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof FunctionError error ? error : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            FunctionError timedOut = new FunctionError("timeout", "Sandbox.Timedout", function.name() + " " + phase + " timed out after "
                    + limit.toSeconds() + " seconds; its last output:\n" + lastOutput());
            // As Lambda does after a timeout, this environment is not used again.
            api.fail(timedOut);
            process.destroyForcibly();
            throw timedOut;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + function.name(), e);
        }
    }

    /** Stops the runtime first, so it never sees its Runtime API vanish mid-poll, then the API. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
    }

    /** The managed runtime's JVM command line (heap sized from the memory setting; no Log4j hot patch or CDS archive). */
    static List<String> command(LambdaFunction function) {
        List<String> command = new ArrayList<>(List.of(
                JavaRuntimes.java(function.javaVersion()).toString(),
                "-XX:MaxHeapSize=" + function.memoryMiB() * 1024 * 85 / 100 + "k",
                "-XX:+UseSerialGC",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                // How the managed runtime connects org.crac (in the function's jar) to its SnapStart hooks.
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Djava.net.preferIPv4Stack=true",
                "-XX:+ErrorFileToStderr",
                // The runtime client loads its JNI library; Java 24+ warns on every start without this.
                "--enable-native-access=ALL-UNNAMED",
                "-classpath", runtimeClasspath(),
                RUNTIME_CLIENT_MAIN,
                function.handler()));
        return command;
    }

    static Map<String, String> environment(LambdaFunction function, String runtimeApi, Path taskRoot, Map<String, URI> endpoints, String region) {
        Map<String, String> environment = new TreeMap<>(function.environment());
        environment.putAll(Map.ofEntries(
                Map.entry("_HANDLER", function.handler()),
                Map.entry("AWS_LAMBDA_RUNTIME_API", runtimeApi),
                Map.entry("LAMBDA_TASK_ROOT", taskRoot.toString()),
                Map.entry("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime()),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", function.name()),
                Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMiB())),
                Map.entry("AWS_LAMBDA_FUNCTION_VERSION", function.snapStart() ? "1" : "$LATEST"),
                Map.entry("AWS_LAMBDA_INITIALIZATION_TYPE", function.snapStart() ? "snap-start" : "on-demand"),
                Map.entry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name()),
                Map.entry("AWS_REGION", region),
                Map.entry("AWS_DEFAULT_REGION", region),
                // DynamoDB Local accepts any credentials; Lambda hands the role's through these same variables.
                Map.entry("AWS_ACCESS_KEY_ID", "local"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                Map.entry("AWS_SESSION_TOKEN", "local"),
                Map.entry("TZ", ":UTC"),
                Map.entry("LANG", "en_US.UTF-8"),
                Map.entry("PATH", "/usr/local/bin:/usr/bin:/bin")));
        endpoints.forEach((service, endpoint) -> environment.put("AWS_ENDPOINT_URL_" + service, endpoint.toString()));
        return environment;
    }

    private static String runtimeClasspath() {
        String directory = System.getProperty(RUNTIME_LIBRARIES_PROPERTY);
        if (directory == null || !Files.isDirectory(Path.of(directory))) {
            throw new IllegalStateException("system property " + RUNTIME_LIBRARIES_PROPERTY + " must name the directory with AWS's Lambda "
                    + "Runtime Interface Client jars (local/target/lambda-runtime, made by mvn -f local/pom.xml compile); it is " + directory);
        }
        try (Stream<Path> jars = Files.list(Path.of(directory))) {
            List<String> classpath = jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().map(Path::toString).toList();
            if (classpath.stream().noneMatch(jar -> jar.contains("aws-lambda-java-runtime-interface-client"))) {
                throw new IllegalStateException("no Runtime Interface Client jar in " + directory);
            }
            return String.join(java.io.File.pathSeparator, classpath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /**
     * The deployment package unpacked as Lambda unpacks it into /var/task, once per asset: the asset file
     * is named by its content hash, so a task root next to it can be reused (unpacking thousands of class
     * files costs seconds on some disks). Unpacked aside and renamed into place, so a reader never sees half.
     */
    static Path taskRoot(Path code) {
        Path taskRoot = code.resolveSibling(code.getFileName() + ".task");
        if (Files.isDirectory(taskRoot)) {
            return taskRoot;
        }
        Path unpacking = null;
        try {
            unpacking = Files.createTempDirectory(code.getParent(), ".unpacking-");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(code))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    Path target = unpacking.resolve(entry.getName()).normalize();
                    if (!target.startsWith(unpacking)) {
                        throw new IllegalArgumentException(code + " has an entry outside its root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target);
                    }
                }
            }
            Files.move(unpacking, taskRoot, StandardCopyOption.ATOMIC_MOVE);
            return taskRoot;
        } catch (IOException e) {
            delete(unpacking);
            if (Files.isDirectory(taskRoot)) {
                return taskRoot;
            }
            throw new UncheckedIOException("cannot unpack the deployment package " + code, e);
        }
    }

    private void forward(InputStream stream, Consumer<String> output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lastOutput) {
                    lastOutput.addLast(line);
                    if (lastOutput.size() > OUTPUT_LINES_KEPT) {
                        lastOutput.removeFirst();
                    }
                }
                output.accept(line);
            }
        } catch (IOException streamClosed) {
            // The process ended; onExit reports it.
        }
    }

    private String lastOutput() {
        synchronized (lastOutput) {
            return String.join("\n", lastOutput);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
