package com.cruddur.messaging.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK whose feature release matches a function's runtime ({@code java25} runs on Java 25), so the
 * artifact runs locally on the Java it runs on in AWS, not on whatever Java started this process.
 * {@code LAMBDA_JAVA_HOME} (environment or system property) wins; then this JVM if it matches; then the
 * usual install locations of Linux and macOS.
 */
public final class JavaRuntimes {

    static final String OVERRIDE = "LAMBDA_JAVA_HOME";
    private static final List<Path> INSTALL_ROOTS = List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"),
            Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"));
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private JavaRuntimes() {
    }

    /** The {@code bin/java} of a JDK of feature release {@code version}; fails naming where it looked and how to fix it. */
    public static Path java(int version) {
        String override = Optional.ofNullable(System.getProperty(OVERRIDE)).orElse(System.getenv(OVERRIDE));
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            if (featureRelease(home).filter(found -> found == version).isEmpty()) {
                throw new IllegalStateException(OVERRIDE + "=" + override + " is not a Java " + version + " JDK (its release file says "
                        + featureRelease(home).map(String::valueOf).orElse("nothing") + "); Lambda's java" + version + " runtime needs Java " + version);
            }
            return home.resolve("bin").resolve("java");
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        for (Path root : INSTALL_ROOTS) {
            candidates.addAll(children(root));
            children(root).forEach(child -> candidates.add(child.resolve("Contents").resolve("Home")));
        }
        return candidates.stream()
                .filter(home -> featureRelease(home).filter(found -> found == version).isPresent())
                .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                .findFirst()
                .map(home -> home.resolve("bin").resolve("java"))
                .orElseThrow(() -> new IllegalStateException("no Java " + version + " found (looked at this JVM and under " + INSTALL_ROOTS
                        + "); the deployed functions run on Lambda's java" + version + " runtime, so install a Java " + version
                        + " JDK (for example Temurin " + version + ") or point " + OVERRIDE + " at one"));
    }

    private static Optional<Integer> featureRelease(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + release, e);
        }
    }

    private static List<Path> children(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
