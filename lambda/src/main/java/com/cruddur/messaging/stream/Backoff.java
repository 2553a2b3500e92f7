package com.cruddur.messaging.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits out a transient failure (throttling, a write conflict) with capped exponential backoff and
 * full jitter, as AWS recommends for DynamoDB, but only while the invocation has time left: a wait that
 * would end past the deadline is not started, so the group is reported and Lambda retries the record later.
 */
public class Backoff {

    static final Duration BASE = Duration.ofMillis(25);
    static final Duration CAP = Duration.ofSeconds(1);

    private final Clock clock;

    public Backoff(Clock clock) {
        this.clock = clock;
    }

    /** Waits before retry number {@code retry} (1, 2, ...); false, without waiting, when that would pass {@code deadline}. */
    public boolean await(int retry, Instant deadline) {
        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(retry - 1, 20));
        Duration wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
        if (clock.instant().plus(wait).isAfter(deadline)) {
            return false;
        }
        sleep(wait);
        return true;
    }

    /** The pause itself; tests replace it to run without waiting. */
    protected void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
