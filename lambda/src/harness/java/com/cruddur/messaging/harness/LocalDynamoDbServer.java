package com.cruddur.messaging.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.server.AbstractLocalDynamoDBServerHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * The real DynamoDB Local (Maven Central) as a server inside this JVM. It runs with {@code -sharedDb},
 * so every client sees the same tables whatever credentials and region it sends — the unchanged
 * Python backend with any boto3 settings included. That also means anyone who can reach the port can
 * read and write, so it listens on the loopback addresses of {@code localhost} unless given another host.
 *
 * <p>DynamoDB Local 3.x has no option for the listening address: its {@code DynamoDBProxyServer} builds
 * {@code new Server(port)}, a Jetty connector on every interface. So this builds the same handlers
 * {@code ServerRunner.createServer} builds from the same command line, and serves them from its own Jetty
 * server with one connector per address. It does not configure DynamoDB Local's telemetry (ServerRunner
 * would, and send it to AWS unless {@code -disableTelemetry}), so nothing here leaves the machine.
 */
public final class LocalDynamoDbServer implements AutoCloseable {

    /** The default host: its addresses are the ones a client that is told {@code localhost} connects to. */
    public static final String LOOPBACK = "localhost";

    private final Server jetty;
    private final AbstractLocalDynamoDBServerHandler handler;
    private final List<ServerConnector> connectors;
    private final URI endpoint;

    private LocalDynamoDbServer(Server jetty, AbstractLocalDynamoDBServerHandler handler, List<ServerConnector> connectors, URI endpoint) {
        this.jetty = jetty;
        this.handler = handler;
        this.connectors = connectors;
        this.endpoint = endpoint;
    }

    /** On the loopback addresses of localhost, {@code port}, in memory or keeping its data in {@code dataDirectory}. */
    public static LocalDynamoDbServer start(int port, Optional<Path> dataDirectory) {
        return start(LOOPBACK, port, dataDirectory);
    }

    /**
     * Listens on every address {@code host} resolves to (a wildcard such as {@code 0.0.0.0} is every interface);
     * {@link #LOOPBACK} must resolve to loopback addresses only. Fails clearly if the port is taken.
     */
    public static LocalDynamoDbServer start(String host, int port, Optional<Path> dataDirectory) {
        List<InetAddress> addresses = resolve(host);
        addresses.forEach(address -> requireFree(address, port));
        List<String> arguments = new ArrayList<>(List.of("-port", String.valueOf(port), "-sharedDb"));
        if (dataDirectory.isPresent()) {
            arguments.addAll(List.of("-dbPath", dataDirectory.get().toAbsolutePath().toString()));
        } else {
            arguments.add("-inMemory");
        }
        try {
            CommandLineInput input = new CommandLineInput(arguments.toArray(String[]::new));
            // As ServerRunner.createServerFromCommandLineArgs and createServer (DynamoDB Local 3.3) read and build them.
            if (!input.init()) {
                throw new IllegalStateException("DynamoDB Local rejected its arguments " + arguments);
            }
            AbstractLocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, input.isInMemory(),
                    input.getDbPath(), input.getSharedDb(), input.shouldDelayTransientStatuses()), input.getCorsParams());
            Server jetty = new Server();
            List<ServerConnector> connectors = new ArrayList<>();
            for (InetAddress address : addresses) {
                ServerConnector connector = new ServerConnector(jetty);
                connector.setHost(address.getHostAddress());
                connector.setPort(port);
                jetty.addConnector(connector);
                connectors.add(connector);
            }
            // As DynamoDBProxyServer.setUpHandler: the handler at the root context.
            ContextHandler context = new ContextHandler();
            context.setHandler(handler);
            jetty.setHandler(new ContextHandlerCollection(context));
            jetty.start();
            return new LocalDynamoDbServer(jetty, handler, connectors, endpoint(addresses, port));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on " + host + " port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Where clients on this machine reach it: localhost, unless it listens only on a non-loopback address. */
    public URI endpoint() {
        return endpoint;
    }

    /** The addresses its sockets are bound to, as the operating system reports them. */
    public List<InetSocketAddress> listeningAddresses() {
        return connectors.stream().map(connector -> {
            try {
                return (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bound address of " + connector, e);
            }
        }).toList();
    }

    /** False when anything beyond this machine may reach it: a wildcard or a non-loopback address. */
    public boolean loopbackOnly() {
        return listeningAddresses().stream().allMatch(address -> address.getAddress().isLoopbackAddress());
    }

    @Override
    public void close() {
        try {
            jetty.stop();
            handler.close();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop: " + e.getMessage(), e);
        }
    }

    private static List<InetAddress> resolve(String host) {
        try {
            List<InetAddress> addresses = Arrays.stream(InetAddress.getAllByName(host)).distinct().toList();
            if (LOOPBACK.equals(host) && !addresses.stream().allMatch(InetAddress::isLoopbackAddress)) {
                throw new IllegalArgumentException("localhost resolves to " + addresses + ", not only loopback addresses; give --host 127.0.0.1");
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + " is not an address of this machine: " + e.getMessage());
        }
    }

    private static URI endpoint(List<InetAddress> addresses, int port) {
        boolean reachableAsLocalhost = addresses.stream().anyMatch(address -> address.isLoopbackAddress() || address.isAnyLocalAddress());
        if (reachableAsLocalhost) {
            return URI.create("http://localhost:" + port);
        }
        String literal = addresses.get(0).getHostAddress();
        return URI.create("http://" + (literal.contains(":") ? "[" + literal + "]" : literal) + ":" + port);
    }

    private static void requireFree(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            // As the server binds: a port held only by connections in TIME_WAIT is free to listen on again.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + " is already in use on " + address.getHostAddress()
                    + "; stop what listens there or choose another with --port");
        }
    }
}
