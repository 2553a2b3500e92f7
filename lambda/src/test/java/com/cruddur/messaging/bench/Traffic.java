package com.cruddur.messaging.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A chat-shaped stream of new messages (not a test): how many conversations, whether one member is in all of them, and
 * when each message arrives in which conversation from which of its two members. The one home of the benchmark's traffic:
 * the capacity runs batch it on a virtual clock ({@link EventSourceMappingModel}); the propagation runs in local/ replay
 * a prefix of it in real time from the schedule {@link #writeSchedule} writes.
 *
 * @param sharedMember true if side 0 of every conversation is the same user (a member in all of them)
 */
record Traffic(String name, int conversations, boolean sharedMember, List<Arrival> arrivals) {

    /** A message arriving {@code at} after the traffic starts, in {@code conversation}, sent by its member {@code senderSide} (0 or 1). */
    record Arrival(Duration at, int conversation, int senderSide) {
    }

    /** Poisson arrivals (exponential gaps, seeded) at {@code perSecond} on average, each in a uniformly chosen conversation. */
    static Traffic poisson(String name, int messages, int conversations, double perSecond, boolean sharedMember, long seed) {
        Random random = new Random(seed);
        List<Arrival> arrivals = new ArrayList<>();
        double seconds = 0;
        for (int i = 0; i < messages; i++) {
            seconds += -Math.log(1 - random.nextDouble()) / perSecond;
            arrivals.add(new Arrival(Duration.ofNanos(Math.round(seconds * 1e9)), random.nextInt(conversations), random.nextInt(2)));
        }
        return new Traffic(name, conversations, sharedMember, arrivals);
    }

    /** {@code messages} in one conversation, evenly spaced at {@code perSecond}, the two members taking turns. */
    static Traffic burst(String name, int messages, double perSecond) {
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            arrivals.add(new Arrival(Duration.ofNanos(Math.round(i / perSecond * 1e9)), 0, i % 2));
        }
        return new Traffic(name, 1, false, arrivals);
    }

    /** {@code messages} all in the stream at once, round-robin over the conversations (the former fixed-batch scenarios). */
    static Traffic atOnce(String name, int messages, int conversations) {
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            arrivals.add(new Arrival(Duration.ZERO, i % conversations, i % 2));
        }
        return new Traffic(name, conversations, false, arrivals);
    }

    /** How long the traffic lasts, first to last arrival. */
    Duration span() {
        return arrivals.isEmpty() ? Duration.ZERO : arrivals.get(arrivals.size() - 1).at();
    }

    /** The first {@code messages} arrivals only: a shorter sample at the same pace. */
    Traffic prefix(int messages) {
        return new Traffic(name, conversations, sharedMember, arrivals.subList(0, Math.min(messages, arrivals.size())));
    }

    /**
     * Appends this traffic to a propagation schedule: a {@code scenario} line (key, batching window in seconds, conversations,
     * shared member), then one {@code message} line per arrival (milliseconds from the start, conversation, sender side).
     */
    void writeSchedule(Writer out, String key, Duration window) {
        try {
            out.write(String.join("\t", "scenario", key, String.valueOf(window.toSeconds()), String.valueOf(conversations),
                    String.valueOf(sharedMember)) + "\n");
            for (Arrival arrival : arrivals) {
                out.write(String.join("\t", "message", String.valueOf(arrival.at().toMillis()), String.valueOf(arrival.conversation()),
                        String.valueOf(arrival.senderSide())) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
