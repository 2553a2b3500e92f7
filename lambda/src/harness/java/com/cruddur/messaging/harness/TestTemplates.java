package com.cruddur.messaging.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The synthesized templates of a stage as cdk synth writes them, taken from the CDK app's snapshot
 * files: SnapshotTest keeps those equal to the synthesized CloudFormation, so the tests of lambda/ and local/ read
 * exactly what production deploys without running the CDK app. {@code project.root} is the repository's root (both
 * projects' surefire configurations set it).
 */
public final class TestTemplates {

    private TestTemplates() {
    }

    public static Path cdkOut(String stage) {
        Path snapshots = Path.of(System.getProperty("project.root", ".."), "src", "test", "resources", "snapshots");
        try {
            Path directory = Files.createTempDirectory("cdk.out-" + stage);
            try (Stream<Path> files = Files.list(snapshots)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("Cruddur-" + stage + "-")).toList()) {
                    String name = file.getFileName().toString().replace(".json", ".template.json");
                    Files.copy(file, directory.resolve(name));
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
