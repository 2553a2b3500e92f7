package com.cruddur.messaging.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @Test
    void formatsUtcWithSixFractionalDigitsAndExplicitOffset() {
        assertEquals("2026-11-24T10:57:11.658279+00:00", Timestamps.format(Instant.parse("2026-11-24T10:57:11.658279Z")));
    }

    @Test
    void padsWholeSecondsToSixFractionalDigits() {
        assertEquals("2026-01-01T00:00:00.000000+00:00", Timestamps.format(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void truncatesNanosecondsToMicroseconds() {
        assertEquals("2026-11-24T10:57:11.658279+00:00", Timestamps.format(Instant.parse("2026-11-24T10:57:11.658279999Z")));
    }

    @Test
    void stringOrderEqualsTimeOrder() {
        Instant whole = Instant.parse("2026-11-24T10:57:11Z");
        Instant half = Instant.parse("2026-11-24T10:57:11.500Z");
        assertTrue(Timestamps.format(whole).compareTo(Timestamps.format(half)) < 0,
                "a whole second must sort before half a second later");
    }

    @Test
    void parseIsTheInverseOfFormat() {
        Instant instant = Instant.parse("2025-12-31T23:59:59.999999Z");
        assertEquals(instant, Timestamps.parse(Timestamps.format(instant)));
    }

    @Test
    void parsesWhatThePythonBackendWrites() {
        // datetime.now(timezone.utc).isoformat() in backend-flask
        assertEquals(Instant.parse("2026-11-24T10:57:11.658279Z"), Timestamps.parse("2026-11-24T10:57:11.658279+00:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-24T10:57:11Z",
        "2026-11-24T10:57:11.658Z",
        "2026-11-24T10:57:11.658279Z",
        "2026-11-24T10:57:11.658279+01:00",
        "2026-11-24T10:57:11.658279",
        "2026-11-24 10:57:11.658279+00:00",
        ""
    })
    void rejectsEveryOtherShapeNamingTheValue(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(text));
        assertTrue(error.getMessage().contains("\"" + text + "\""), error.getMessage());
    }

    @Test
    void rejectsAnImpossibleDate() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Timestamps.parse("2026-02-30T10:57:11.658279+00:00"));
        assertTrue(error.getMessage().contains("2026-02-30"), error.getMessage());
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(null));
    }
}
