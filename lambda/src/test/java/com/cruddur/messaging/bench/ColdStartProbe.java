package com.cruddur.messaging.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.cruddur.messaging.contract.Items;
import com.cruddur.messaging.contract.Message;
import com.cruddur.messaging.contract.Timestamps;
import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.harness.stream.StreamEvents;
import com.cruddur.messaging.stream.StreamProcessor;

/**
 * Runs in a fresh JVM on the shaded Lambda jar: builds the handler exactly as Lambda does (from the
 * environment) and times its first invocation. With {@code prime}, the CRaC beforeCheckpoint hook runs
 * first, as it does before a SnapStart snapshot, and only the invocation after it is timed.
 * Prints one line: {@code initMillis firstInvocationMillis}.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        boolean prime = args.length > 0 && args[0].equals("prime");
        long start = System.nanoTime();
        StreamProcessor processor = new StreamProcessor();
        if (prime) {
            processor.beforeCheckpoint(null);
        }
        long initialized = System.nanoTime();
        Message message = new Message(UUID.randomUUID().toString(), UUID.randomUUID().toString(), Timestamps.format(Instant.now()),
                "cold start", new User(UUID.randomUUID().toString(), "Probe", "probe"));
        processor.handleRequest(StreamEvents.event(List.of(StreamEvents.insert(StreamEvents.sequence(1), Items.item(message)))), null);
        long invoked = System.nanoTime();
        System.out.println((initialized - start) / 1_000_000 + " " + (invoked - initialized) / 1_000_000);
    }
}
