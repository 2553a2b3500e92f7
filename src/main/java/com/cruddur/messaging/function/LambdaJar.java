package com.cruddur.messaging.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import software.amazon.awscdk.AssetHashType;
import software.amazon.awscdk.BundlingOptions;
import software.amazon.awscdk.BundlingOutput;
import software.amazon.awscdk.FileSystem;
import software.amazon.awscdk.FingerprintOptions;
import software.amazon.awscdk.ILocalBundling;
import software.amazon.awscdk.services.lambda.AssetCode;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.assets.AssetOptions;

/**
 * The Lambda code asset: {@code lambda/} built into its shaded jar by Maven on this machine, never in
 * Docker. The asset hash is the fingerprint of {@code lambda/}'s sources and of the pom that pins its
 * dependencies' versions, so the same inputs always give the same hash and a synth whose inputs did not
 * change reuses the jar it already staged. One jar carries every handler of the app; {@link JavaFunction} deploys it.
 */
public final class LambdaJar implements ILocalBundling {

    /** The Lambda project, relative to the directory cdk synth (and the tests) run in. */
    static final Path PROJECT = Path.of("lambda");
    /** The jar the lambda/ build produces ({@code project.build.finalName}). */
    static final String JAR = "cruddur-messaging-lambda-1.0.0.jar";

    /** lambda/pom.xml's parent (its {@code relativePath}): outside {@code lambda/}, yet it decides what goes into the jar. */
    static final String VERSIONS_POM = "../build/pom.xml";

    /** What in the project directory is not a source of the jar. */
    private static final List<String> NOT_SOURCES = List.of("target", ".jqwik-database", "dynamodb-local-metadata.json", "*.iml", ".idea");

    private final Path projectDirectory;

    private LambdaJar(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
    }

    /** The asset of the Maven project in {@link #PROJECT}. */
    static AssetCode code() {
        return code(PROJECT);
    }

    /** The asset of the Maven project in {@code projectDirectory}. */
    static AssetCode code(Path projectDirectory) {
        Path directory = projectDirectory.toAbsolutePath().normalize();
        // CDK's own source fingerprint (what AssetHashType.SOURCE would compute), with the versions pom joined to it.
        String fingerprint = FileSystem.fingerprint(directory.toString(), FingerprintOptions.builder()
                .exclude(NOT_SOURCES)
                .extraHash(read(directory.resolve(VERSIONS_POM)))
                .build());
        return Code.fromAsset(directory.toString(), AssetOptions.builder()
                .assetHashType(AssetHashType.CUSTOM)
                .assetHash(fingerprint)
                .exclude(NOT_SOURCES)
                .bundling(BundlingOptions.builder()
                        // Only reached if local bundling fails to run; a clear Docker error then names the cause.
                        .image(Runtime.JAVA_25.getBundlingImage())
                        .local(new LambdaJar(directory))
                        .outputType(BundlingOutput.ARCHIVED)
                        .build())
                .build());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public Boolean tryBundle(String outputDir, BundlingOptions options) {
        List<String> command = List.of(maven(), "-q", "-B", "-f", projectDirectory.resolve("pom.xml").toString(),
                "package", "-DskipTests");
        try {
            Process build = new ProcessBuilder(command).redirectErrorStream(true).inheritIO().start();
            int exitCode = build.waitFor();
            if (exitCode != 0) {
                throw new IllegalStateException("building the Lambda jar failed (exit " + exitCode + "): " + String.join(" ", command));
            }
            Files.copy(projectDirectory.resolve("target").resolve(JAR), Path.of(outputDir, JAR), StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the Lambda jar", e);
        }
    }

    /** The Maven that runs this synth when there is one (cdk.json runs the app through Maven), else mvn on the PATH. */
    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }
}
