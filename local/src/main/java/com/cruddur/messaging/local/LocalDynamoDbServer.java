package com.cruddur.messaging.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * The real DynamoDB Local (Maven Central) as a server inside this JVM. It runs with {@code -sharedDb},
 * so every client sees the same tables whatever credentials and region it sends — the unchanged
 * Python backend with any boto3 settings included.
 */
public final class LocalDynamoDbServer implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private LocalDynamoDbServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://localhost:" + port);
    }

    /** Starts on {@code port}, in memory or keeping its data in {@code dataDirectory}; fails clearly if the port is taken. */
    public static LocalDynamoDbServer start(int port, Optional<Path> dataDirectory) {
        requireFree(port);
        List<String> arguments = new ArrayList<>(List.of("-port", String.valueOf(port), "-sharedDb"));
        if (dataDirectory.isPresent()) {
            arguments.addAll(List.of("-dbPath", dataDirectory.get().toAbsolutePath().toString()));
        } else {
            arguments.add("-inMemory");
        }
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments.toArray(String[]::new));
            server.start();
            return new LocalDynamoDbServer(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop: " + e.getMessage(), e);
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            // As the server binds: a port held only by connections in TIME_WAIT is free to listen on again.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + " is already in use; stop what listens there or choose another with --port");
        }
    }
}
