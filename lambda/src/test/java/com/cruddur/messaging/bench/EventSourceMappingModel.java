package com.cruddur.messaging.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How Lambda's event source mapping cuts a DynamoDB stream into batches, on a virtual clock (not a test). As Lambda's
 * guide describes it (lambda/latest/dg/with-ddb.html, "Polling and batching streams"): Lambda polls each shard at a
 * base rate of 4 times a second; with no batching window it invokes as soon as a poll finds records, with all it
 * found (up to the batch size); with a window it goes on reading until the batch is full or the window, counted from
 * the poll that found the first record, has passed.
 *
 * <p>The invocation itself takes no virtual time here. A real invocation lasts some milliseconds, during which more
 * records arrive, so real batches are at least this large: with a window of 0 the model gives the smallest batches,
 * and so an upper bound on the capacity a message costs.
 */
final class EventSourceMappingModel {

    /** Lambda's base polling rate for a DynamoDB stream shard: 4 times a second. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private EventSourceMappingModel() {
    }

    /**
     * The batches, as index ranges [from, to) into {@code arrivals} (stream order, non-decreasing offsets from the
     * start of the stream), for the given batch size and batching window.
     */
    static List<int[]> batches(List<Duration> arrivals, int batchSize, Duration window) {
        long poll = POLL_INTERVAL.toNanos();
        List<int[]> batches = new ArrayList<>();
        long now = 0;
        int next = 0;
        while (next < arrivals.size()) {
            long first = arrivals.get(next).toNanos();
            if (first > now) {
                now = ceilTo(first, poll);
            }
            // The last poll inside the window: polls run every 250 ms from the one that found the first record.
            long lastPoll = now + window.toNanos() / poll * poll;
            int to = next;
            while (to < arrivals.size() && to - next < batchSize && arrivals.get(to).toNanos() <= lastPoll) {
                to++;
            }
            if (to - next == batchSize) {
                // Full before the window ran out: invoked at the poll that completed it.
                now = Math.max(now, ceilTo(arrivals.get(to - 1).toNanos(), poll));
            } else {
                now = lastPoll;
            }
            batches.add(new int[] {next, to});
            next = to;
        }
        return batches;
    }

    private static long ceilTo(long value, long step) {
        return (value + step - 1) / step * step;
    }
}
