package com.cruddur.messaging.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Every Java function any stage deploys has an artifact test here: a function added later fails this test
 * until it gets one (its jar run under the Runtime Interface Client like {@link StreamProcessorArtifactTest}).
 */
class ArtifactCoverageTest {

    /** The handlers whose deployed jars the artifact tests of this package run. */
    private static final Set<String> HANDLERS_WITH_ARTIFACT_TESTS = Set.of(
            "com.cruddur.messaging.stream.StreamProcessor::handleRequest",  // StreamProcessorArtifactTest
            "com.cruddur.messaging.seed.SeedHandler::handleRequest",        // SeedLoaderArtifactTest
            "com.cruddur.messaging.signup.PostConfirmationHandler::handleRequest");  // SignUpTriggerArtifactTest

    @Test
    void everyJavaFunctionOfEveryStageHasAnArtifactTest() throws IOException {
        Map<String, String> javaFunctions = new TreeMap<>();
        Path snapshots = Path.of(System.getProperty("project.root", ".."), "src", "test", "resources", "snapshots");
        try (Stream<Path> templates = Files.list(snapshots)) {
            for (Path template : templates.sorted().toList()) {
                new ObjectMapper().readTree(template.toFile()).path("Resources").fields().forEachRemaining(resource -> {
                    JsonNode properties = resource.getValue().path("Properties");
                    if ("AWS::Lambda::Function".equals(resource.getValue().path("Type").asText())
                            && properties.path("Runtime").asText().startsWith("java")) {
                        javaFunctions.put(template.getFileName() + " " + resource.getKey(), properties.path("Handler").asText());
                    }
                });
            }
        }

        Set<String> untested = new TreeSet<>(javaFunctions.values());
        untested.removeAll(HANDLERS_WITH_ARTIFACT_TESTS);
        assertEquals(Set.of(), untested, "Java functions without an artifact test: " + javaFunctions);
        assertEquals(HANDLERS_WITH_ARTIFACT_TESTS, new TreeSet<>(javaFunctions.values()), "every listed handler is still deployed");
    }
}
