package com.cruddur.messaging.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * CloudFormation snapshots under {@code src/test/resources/snapshots}. Asset hashes are replaced by a
 * placeholder so a snapshot changes only when the infrastructure does; keys are sorted so a diff shows
 * what changed, not how a map was ordered. {@code mvn verify -DupdateSnapshots=true} rewrites them.
 */
public final class Snapshots {

    /** The one flag that accepts new snapshots. */
    public static final String UPDATE_FLAG = "updateSnapshots";

    private static final Path DIRECTORY = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "snapshots");
    /**
     * Asset hashes are SHA-256 hex: in S3 keys ({@code <hash>.zip}), image tags and asset parameters. An image digest
     * ({@code @sha256:<hex>}) is the stage's setting, not an asset hash: it stays, so the snapshot shows which image runs.
     */
    private static final Pattern ASSET_HASH = Pattern.compile("(?<!@sha256:)[0-9a-f]{64}");
    /** A Lambda version's logical id ends in a hash of the function's code and configuration. */
    private static final Pattern VERSION_HASH = Pattern.compile("(CurrentVersion[0-9A-F]{8})[0-9a-f]{32}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Snapshots() {
    }

    /** The stack's template as normalized, pretty-printed JSON. */
    public static String normalized(Stack stack) {
        Map<String, Object> template = Template.fromStack(stack).toJSON();
        try {
            String json = JSON.writeValueAsString(template);
            String withoutAssetHashes = ASSET_HASH.matcher(json).replaceAll("[ASSET_HASH]");
            return VERSION_HASH.matcher(withoutAssetHashes).replaceAll("$1[VERSION_HASH]") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template of " + stack.getStackName() + " is not serializable", e);
        }
    }

    /** Fails with a unified diff when {@code stack} no longer matches its committed snapshot. */
    public static void assertMatches(Stack stack) {
        Path file = DIRECTORY.resolve(stack.getStackName() + ".json");
        String actual = normalized(stack);
        try {
            if (Boolean.getBoolean(UPDATE_FLAG)) {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("No snapshot " + file + " yet; review the template and create it with: mvn verify -D" + UPDATE_FLAG + "=true");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                fail("CloudFormation of " + stack.getStackName() + " differs from its snapshot. If every change below is meant,"
                        + " accept it with: mvn verify -D" + UPDATE_FLAG + "=true\n" + unifiedDiff(file, expected, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unifiedDiff(Path file, String expected, String actual) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(
                "snapshot " + file.getFileName(), "synthesized", before, DiffUtils.diff(before, after), 3));
    }
}
