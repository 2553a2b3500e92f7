package com.cruddur.messaging.harness.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The deployed filter (INSERT/MODIFY of MSG# items), evaluated as Lambda evaluates it. */
class FilterPatternTest {

    private static final FilterPattern DEPLOYED = FilterPattern.parse(
            "{\"dynamodb\":{\"NewImage\":{\"pk\":{\"S\":[{\"prefix\":\"MSG#\"}]}}},\"eventName\":[\"INSERT\",\"MODIFY\"]}");

    @Test
    void insertOfAMessageMatches() {
        assertTrue(DEPLOYED.matches(event("INSERT", "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399")));
    }

    @Test
    void modifyOfAMessageMatches() {
        assertTrue(DEPLOYED.matches(event("MODIFY", "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399")));
    }

    @Test
    void conversationRowWritesDoNotMatchSoTheProcessorNeverTriggersItself() {
        assertFalse(DEPLOYED.matches(event("INSERT", "GRP#8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b")));
    }

    @Test
    void removeDoesNotMatch() {
        assertFalse(DEPLOYED.matches(event("REMOVE", "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399")));
    }

    @Test
    void recordWithoutNewImageDoesNotMatch() {
        assertFalse(DEPLOYED.matches(json("{\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":\"MSG#x\"}}}}")));
    }

    @Test
    void operatorLocalModeCannotEvaluateIsRefusedNamingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FilterPattern.parse("{\"eventName\":[{\"anything-but\":[\"REMOVE\"]}]}"));
        assertTrue(error.getMessage().contains("anything-but"), error.getMessage());
    }

    @Test
    void bareValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FilterPattern.parse("{\"eventName\":\"INSERT\"}"));
    }

    private static JsonNode event(String eventName, String pk) {
        return json("{\"eventName\":\"" + eventName + "\",\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":\"" + pk + "\"}},\"NewImage\":{\"pk\":{\"S\":\""
                + pk + "\"},\"sk\":{\"S\":\"2026-11-25T10:57:11.658279+00:00\"}}}}");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
