package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** Each log line is one JSON object that a JSON parser reads back field for field, whatever the values hold. */
class JsonLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stringsWithQuotesBackslashesControlCharactersAndUnicodeRoundTrip() throws Exception {
        String awkward = "say \"hi\" \\ to C:\\path\nnext line\r\ttab \u0001\u001f bell\u0007 ünïcødé 💬 \u2028";

        JsonNode line = logged(Map.of("reason", awkward));

        assertEquals(awkward, line.path("reason").asText());
        assertEquals("ERROR", line.path("level").asText());
        assertEquals("malformed_record", line.path("event").asText());
    }

    @Test
    void numbersAreWrittenAsJsonNumbers() throws Exception {
        JsonNode line = logged(new TreeMap<>(Map.of("durationMs", 38L, "records", 3)));

        assertEquals(38, line.path("durationMs").asLong());
        assertEquals(true, line.path("records").isNumber());
    }

    @Test
    void absentValuesAreJsonNull() throws Exception {
        java.util.Map<String, Object> fields = new TreeMap<>();
        fields.put("pk", null);

        assertEquals(true, logged(fields).path("pk").isNull());
    }

    @Test
    void oneLinePerEntry() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLog log = new JsonLog(new PrintStream(out, true, StandardCharsets.UTF_8));

        log.log("INFO", "a", Map.of("text", "with\nnewline"));
        log.log("INFO", "b", Map.of());

        assertEquals(2, out.toString(StandardCharsets.UTF_8).lines().count());
    }

    private static JsonNode logged(Map<String, ?> fields) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLog(new PrintStream(out, true, StandardCharsets.UTF_8)).log("ERROR", "malformed_record", fields);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
