package com.cruddur.messaging.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where DynamoDB Local listens: the loopback addresses of localhost by default, what --host says otherwise. */
class LocalDynamoDbServerHostTest {

    @Test
    void byDefaultEverySocketIsBoundToALoopbackAddress() {
        try (LocalDynamoDbServer server = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty())) {
            List<InetSocketAddress> bound = server.listeningAddresses();
            assertFalse(bound.isEmpty());
            assertTrue(bound.stream().allMatch(address -> address.getAddress().isLoopbackAddress()), "bound to " + bound);
            assertTrue(server.loopbackOnly());
            assertEquals("localhost", server.endpoint().getHost());
        }
    }

    @Test
    void byDefaultANonLoopbackAddressOfThisMachineRefusesTheConnection() throws IOException {
        InetAddress external = nonLoopbackAddress();
        int port = TestTemplates.freePort();
        try (LocalDynamoDbServer server = LocalDynamoDbServer.start(port, Optional.empty())) {
            assertThrows(ConnectException.class, () -> connect(external, port));
            connect(InetAddress.getLoopbackAddress(), port);
        }
    }

    @Test
    void withTheWildcardHostANonLoopbackAddressOfThisMachineAcceptsTheConnection() throws IOException {
        InetAddress external = nonLoopbackAddress();
        int port = TestTemplates.freePort();
        try (LocalDynamoDbServer server = LocalDynamoDbServer.start("0.0.0.0", port, Optional.empty())) {
            connect(external, port);
            assertFalse(server.loopbackOnly());
            assertTrue(server.listeningAddresses().get(0).getAddress().isAnyLocalAddress(), "bound to " + server.listeningAddresses());
            assertEquals("localhost", server.endpoint().getHost(), "the wildcard includes loopback");
        }
    }

    @Test
    void withOneNonLoopbackHostTheEndpointIsThatAddress() {
        InetAddress external = nonLoopbackAddress();
        int port = TestTemplates.freePort();
        try (LocalDynamoDbServer server = LocalDynamoDbServer.start(external.getHostAddress(), port, Optional.empty())) {
            assertEquals("http://" + external.getHostAddress() + ":" + port, server.endpoint().toString());
            assertThrows(ConnectException.class, () -> connect(InetAddress.getLoopbackAddress(), port));
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    /** An IPv4 address of an interface of this machine that is up and not loopback; the test cannot say anything without one. */
    private static InetAddress nonLoopbackAddress() {
        try {
            Optional<InetAddress> found = NetworkInterface.networkInterfaces().filter(LocalDynamoDbServerHostTest::upAndNotLoopback)
                    .flatMap(NetworkInterface::inetAddresses).filter(address -> address instanceof Inet4Address).findFirst();
            assumeTrue(found.isPresent(), "this machine has no non-loopback IPv4 address to try a connection on");
            return found.get();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean upAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
