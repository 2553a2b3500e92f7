package com.cruddur.messaging.config;

import static com.cruddur.messaging.config.StageConfigAssertions.assertError;
import static com.cruddur.messaging.config.StageConfigAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The seed conversation's uuid is judged by the examples lambda/'s SynthesizedContractTest holds its keys to, so the
 * app never synthesizes a seed the loader refuses at deploy.
 */
class CanonicalUuidTest {

    private static final Path EXAMPLES = Path.of("src/test/resources/contract/uuids.json");

    @ParameterizedTest
    @MethodSource("acceptedUuids")
    void aSharedAcceptedUuidIsASeedConversationTheAppSynthesizes(String uuid) {
        assertEquals(uuid, read("dev", Map.of("seedConversation", Map.of("messageGroupUuid", uuid))).seedConversation().messageGroupUuid());
    }

    @ParameterizedTest
    @MethodSource("refusedUuids")
    void aSharedRefusedUuidIsRefusedNamingTheSetting(String uuid) {
        assertError(() -> read("dev", Map.of("seedConversation", Map.of("messageGroupUuid", uuid))),
                "stages.dev.seedConversation.messageGroupUuid", "lowercase canonical UUID");
    }

    @Test
    void theSharedExamplesAreThere() {
        assertFalse(acceptedUuids().toList().isEmpty());
        assertFalse(refusedUuids().toList().isEmpty());
    }

    static Stream<String> acceptedUuids() {
        return examples("accepted");
    }

    static Stream<String> refusedUuids() {
        return examples("refused");
    }

    private static Stream<String> examples(String verdict) {
        try {
            List<String> uuids = new ArrayList<>();
            JsonNode examples = new ObjectMapper().readTree(EXAMPLES.toFile());
            examples.path(verdict).forEach(uuid -> uuids.add(uuid.asText()));
            return uuids.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
