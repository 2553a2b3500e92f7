package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Capped exponential backoff with full jitter, never past the invocation's deadline. */
class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private final List<Duration> waits = new ArrayList<>();
    private final Backoff backoff = new Backoff(Clock.fixed(NOW, ZoneOffset.UTC)) {
        @Override
        protected void sleep(Duration wait) {
            waits.add(wait);
        }
    };

    @Test
    void waitsAreJitteredBelowAnExponentialCeilingCappedAtOneSecond() {
        for (int retry = 1; retry <= 12; retry++) {
            assertTrue(backoff.await(retry, NOW.plusSeconds(60)));
        }
        for (int retry = 1; retry <= 12; retry++) {
            long ceiling = Math.min(1000, 25L << (retry - 1));
            long waited = waits.get(retry - 1).toMillis();
            assertTrue(waited >= 0 && waited <= ceiling, "retry " + retry + " waited " + waited + " ms, ceiling " + ceiling);
        }
    }

    @Test
    void aWaitThatWouldEndPastTheDeadlineIsNotStarted() {
        assertFalse(backoff.await(1, NOW.minusMillis(1)));
        assertEquals(List.of(), waits);
    }
}
