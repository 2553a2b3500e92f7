package com.cruddur.messaging.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda Runtime API (2018-06-01) that AWS's runtime interface client talks to inside an execution
 * environment: {@code next} hands out one queued invocation at a time (long-polling like Lambda's),
 * {@code response} and {@code error} complete it, {@code init/error} and {@code restore/error} fail the
 * environment, {@code restore/next} ends a SnapStart checkpoint. Loopback only.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html">Lambda Runtime API</a>
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern INVOCATION_RESULT = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");

    private final HttpServer server;
    private final ExecutorService handlers;
    private final String functionArn;
    private final Duration timeout;
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> checkpointed = new CompletableFuture<>();
    private volatile FunctionError environmentError;

    RuntimeApiServer(String functionArn, Duration timeout) {
        this.functionArn = functionArn;
        this.timeout = timeout;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on the loopback interface for the Lambda Runtime API", e);
        }
        // A thread per connection: next blocks until there is work, as Lambda's does.
        handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lambda-runtime-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Completes when the runtime first asks for work: its init (and SnapStart checkpoint, if any) succeeded. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Completes when the runtime reported a SnapStart checkpoint done ({@code restore/next}). */
    CompletableFuture<Void> checkpointed() {
        return checkpointed;
    }

    /** The init or restore error the runtime reported, if any. */
    Optional<FunctionError> environmentError() {
        return Optional.ofNullable(environmentError);
    }

    /** Queues {@code payload} for the runtime; the future completes with its response or fails with its {@link FunctionError}. */
    CompletableFuture<byte[]> invoke(byte[] payload) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), payload, new CompletableFuture<>());
        if (environmentError != null) {
            invocation.result().completeExceptionally(environmentError);
        } else {
            queued.add(invocation);
        }
        return invocation.result();
    }

    /** Fails every queued and running invocation, as Lambda does when the environment dies. */
    void fail(FunctionError error) {
        if (environmentError == null) {
            environmentError = error;
        }
        ready.completeExceptionally(error);
        checkpointed.completeExceptionally(error);
        for (Invocation invocation = queued.poll(); invocation != null; invocation = queued.poll()) {
            invocation.result().completeExceptionally(error);
        }
        inFlight.values().forEach(invocation -> invocation.result().completeExceptionally(error));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Matcher result = INVOCATION_RESULT.matcher(path);
            if ("GET".equals(method) && path.equals(PREFIX + "invocation/next")) {
                next(exchange);
            } else if ("POST".equals(method) && result.matches()) {
                complete(exchange, result.group(1), result.group(2), body);
            } else if ("POST".equals(method) && path.equals(PREFIX + "init/error")) {
                fail(FunctionError.from("init error", exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), body));
                accepted(exchange);
            } else if ("GET".equals(method) && path.equals(PREFIX + "restore/next")) {
                checkpointed.complete(null);
                exchange.sendResponseHeaders(200, -1);
            } else if ("POST".equals(method) && path.equals(PREFIX + "restore/error")) {
                fail(FunctionError.from("restore error", exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), body));
                accepted(exchange);
            } else {
                send(exchange, 404, "{\"errorMessage\":\"unknown Runtime API path " + method + " " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        ready.complete(null);
        Invocation invocation;
        try {
            do {
                invocation = queued.poll(1, TimeUnit.SECONDS);
            } while (invocation == null && environmentError == null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (invocation == null) {
            send(exchange, 500, "{\"errorMessage\":\"the execution environment is shutting down\"}");
            return;
        }
        inFlight.put(invocation.requestId(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + timeout.toMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-" + invocation.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
        exchange.sendResponseHeaders(200, invocation.payload().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.payload());
        }
    }

    private void complete(HttpExchange exchange, String requestId, String outcome, byte[] body) throws IOException {
        Invocation invocation = inFlight.remove(requestId);
        if (invocation == null) {
            send(exchange, 400, "{\"errorMessage\":\"unknown request id " + requestId + "\"}");
            return;
        }
        if ("response".equals(outcome)) {
            invocation.result().complete(body);
        } else {
            invocation.result().completeExceptionally(
                    FunctionError.from("function error", exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), body));
        }
        accepted(exchange);
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        fail(new FunctionError("shutdown", "Runtime.Shutdown", "the execution environment was shut down"));
        server.stop(0);
        handlers.shutdownNow();
    }

    private record Invocation(String requestId, byte[] payload, CompletableFuture<byte[]> result) {
    }
}
