package com.cruddur.messaging.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    void parsesTheCanonicalForm() {
        assertEquals(Instant.parse("2026-11-24T10:57:11.658279Z"), Timestamps.parse("2026-11-24T10:57:11.658279+00:00"));
    }

    @ParameterizedTest
    @CsvSource({
        // what backend-flask writes on a host whose zone is not UTC, and with zero microseconds
        "2026-11-25T19:04:31.123456+01:00, 2026-11-25T18:04:31.123456Z",
        "2026-11-25T18:04:31+00:00,        2026-11-25T18:04:31Z",
        "2026-11-25T13:04:31.5-05:00,      2026-11-25T18:04:31.5Z",
        // other clients: Z, milliseconds, nanoseconds
        "2026-11-25T18:04:31.123Z,         2026-11-25T18:04:31.123Z",
        "2026-11-25T18:04:31Z,             2026-11-25T18:04:31Z",
        "2026-11-25T18:04:31.123456789Z,   2026-11-25T18:04:31.123456789Z",
        "2026-11-26T08:04:31+14:00,        2026-11-25T18:04:31Z"
    })
    void parsesAnyIsoDateTimeWithAnOffsetToItsInstant(String text, String instant) {
        assertEquals(Instant.parse(instant), Timestamps.parse(text));
    }

    @Test
    void canonicalFormOfAnOffsetTimestampIsItsInstantInUtc() {
        assertEquals("2026-11-25T18:04:31.123456+00:00", Timestamps.canonical("2026-11-25T19:04:31.123456+01:00"));
        assertEquals("2026-11-25T18:04:31.000000+00:00", Timestamps.canonical("2026-11-25T18:04:31+00:00"));
    }

    @Test
    void stringOrderOfOtherFormsIsNotTimeOrderButInstantsAre() {
        String earlierInstantLaterString = "2026-11-25T19:04:00+01:00";   // 18:04 UTC
        String laterInstant = "2026-11-25T18:30:00+00:00";
        assertTrue(earlierInstantLaterString.compareTo(laterInstant) > 0);
        assertTrue(Timestamps.parse(earlierInstantLaterString).isBefore(Timestamps.parse(laterInstant)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-24T10:57:11.658279",
        "2026-11-24 10:57:11.658279+00:00",
        "not a date-time",
        "1764000000",
        ""
    })
    void rejectsWhatIsNotADateTimeWithAnOffsetNamingTheValue(String text) {
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
