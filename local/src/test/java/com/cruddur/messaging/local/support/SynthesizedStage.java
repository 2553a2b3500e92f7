package com.cruddur.messaging.local.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stage synthesized with its assets, the way bin/local synthesizes it ({@code synth_stage} in bin/lib.sh:
 * {@code npx cdk synth} into {@code cdk.out/local-<stage>}, skipped when nothing changed since the last
 * synth). Tests that run the deployed jars need this; tests of the templates alone use {@link TestTemplates}.
 */
public final class SynthesizedStage {

    private static final Map<String, Path> SYNTHESIZED = new ConcurrentHashMap<>();

    private SynthesizedStage() {
    }

    /** The cloud assembly of {@code stage}, synthesized at most once per test run. */
    public static Path cdkOut(String stage) {
        return SYNTHESIZED.computeIfAbsent(stage, SynthesizedStage::synthesize);
    }

    private static Path synthesize(String stage) {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        List<String> command = List.of("bash", "-c", "source bin/lib.sh && synth_stage \"$1\"", "synth", stage);
        try {
            Process synth = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String output = new String(synth.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (synth.waitFor() != 0) {
                throw new IllegalStateException("synthesizing stage " + stage + " failed:\n" + output);
            }
            return root.resolve("cdk.out").resolve("local-" + stage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while synthesizing stage " + stage, e);
        }
    }
}
