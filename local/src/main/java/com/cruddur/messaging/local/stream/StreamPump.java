package com.cruddur.messaging.local.stream;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.cruddur.messaging.harness.stream.LambdaRecords;
import com.cruddur.messaging.harness.stream.ShardReader;
import com.cruddur.messaging.harness.template.StreamMapping;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What Lambda's event source mapping does for the deployed stream processor, done against the local
 * table's stream: it polls every shard ({@link ShardReader}), drops records the mapping's filters reject, gathers batches
 * by batch size and batching window, invokes the function with the event JSON Lambda sends, and on
 * reported item failures retries from the first failed record (bisecting on a function error) until the
 * retry limit, then dead-letters the rest.
 */
public final class StreamPump implements Runnable {

    /** What the pump invokes: Lambda's DynamoDB event JSON in, the function's response JSON out; a function error is thrown. */
    @FunctionalInterface
    public interface StreamFunction {
        String invoke(String event);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Duration IDLE_POLL = Duration.ofMillis(50);

    private final ShardReader shards;
    private final String streamArn;
    private final StreamMapping mapping;
    private final StreamFunction function;
    private final DeadLetterFile deadLetters;
    private final Clock clock;
    private final PrintStream log;
    private final List<Record> pending = new ArrayList<>();
    private Instant windowStart;
    private volatile boolean running = true;

    public StreamPump(DynamoDbStreamsClient streams, String streamArn, StreamMapping mapping,
                      StreamFunction function, DeadLetterFile deadLetters, Clock clock, PrintStream log) {
        this.shards = new ShardReader(streams, streamArn, mapping.startingPosition(), clock);
        this.streamArn = streamArn;
        this.mapping = mapping;
        this.function = function;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void run() {
        while (running) {
            try {
                boolean delivered = pollOnce();
                if (!delivered) {
                    Thread.sleep(IDLE_POLL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.println("[stream] polling failed, retrying: " + e.getMessage());
                }
            }
        }
    }

    public void stop() {
        running = false;
    }

    /** Reads what the shards have, and delivers a batch if one is full or its window has passed; true if it delivered. */
    boolean pollOnce() {
        for (Record record : shards.read()) {
            if (mapping.admits(record, streamArn)) {
                if (pending.isEmpty()) {
                    windowStart = clock.instant();
                }
                pending.add(record);
            }
        }
        boolean delivered = false;
        while (pending.size() >= mapping.batchSize()
                || (!pending.isEmpty() && !clock.instant().isBefore(windowStart.plus(mapping.batchingWindow())))) {
            List<Record> batch = new ArrayList<>(pending.subList(0, Math.min(mapping.batchSize(), pending.size())));
            pending.subList(0, batch.size()).clear();
            windowStart = clock.instant();
            deliver(batch);
            delivered = true;
        }
        return delivered;
    }

    private void deliver(List<Record> batch) {
        List<Record> fresh = new ArrayList<>();
        List<Record> expired = new ArrayList<>();
        Instant now = clock.instant();
        for (Record record : batch) {
            Instant created = record.dynamodb().approximateCreationDateTime();
            boolean tooOld = mapping.maxRecordAge().isPresent() && created != null && created.plus(mapping.maxRecordAge().get()).isBefore(now);
            (tooOld ? expired : fresh).add(record);
        }
        if (!expired.isEmpty()) {
            deadLetter(expired, "older than the maximum record age " + mapping.maxRecordAge().get());
        }
        if (!fresh.isEmpty()) {
            invokeWithRetries(fresh, 0);
        }
    }

    /** Invokes until everything succeeds or the retries (shared by bisected halves) are used up; returns the retries used. */
    private int invokeWithRetries(List<Record> records, int retriesUsed) {
        List<Record> remaining = records;
        int retries = retriesUsed;
        while (true) {
            String reason;
            int firstFailed;
            try {
                List<String> failed = batchItemFailures(function.invoke(LambdaRecords.toEvent(remaining, streamArn)));
                firstFailed = firstFailed(remaining, failed);
                if (firstFailed < 0) {
                    return retries;
                }
                reason = "the function reported " + failed.size() + " failed item(s)";
            } catch (RuntimeException e) {
                reason = "the function failed: " + e.getMessage();
                if (mapping.bisectOnError() && remaining.size() > 1 && !retriesExhausted(retries)) {
                    int half = remaining.size() / 2;
                    int used = invokeWithRetries(new ArrayList<>(remaining.subList(0, half)), retries + 1);
                    return invokeWithRetries(new ArrayList<>(remaining.subList(half, remaining.size())), used);
                }
                firstFailed = 0;
            }
            remaining = new ArrayList<>(remaining.subList(firstFailed, remaining.size()));
            if (retriesExhausted(retries)) {
                deadLetter(remaining, reason + "; retries exhausted (" + mapping.maxRetryAttempts() + ")");
                return retries;
            }
            retries++;
            log.println("[stream] retry " + retries + " of " + remaining.size() + " record(s) from sequence number "
                    + remaining.get(0).dynamodb().sequenceNumber() + ": " + reason);
        }
    }

    private boolean retriesExhausted(int retries) {
        return mapping.maxRetryAttempts() >= 0 && retries >= mapping.maxRetryAttempts();
    }

    /**
     * The sequence numbers a response reports failed. As Lambda reads it: a null or empty response or list is
     * success; a response that is not such JSON, or an identifier that is null or empty, fails the whole batch.
     */
    public static List<String> batchItemFailures(String response) {
        if (response == null || response.isBlank() || "null".equals(response.strip())) {
            return List.of();
        }
        JsonNode failures;
        try {
            failures = JSON.readTree(response).path("batchItemFailures");
        } catch (JsonProcessingException e) {
            return List.of("");
        }
        List<String> failed = new ArrayList<>();
        failures.forEach(failure -> failed.add(failure.path("itemIdentifier").asText("")));
        return failed;
    }

    /** Lambda's checkpointing: the batch resumes at the earliest failed record; a failure it cannot place fails the whole batch. */
    private int firstFailed(List<Record> records, List<String> failedSequenceNumbers) {
        if (!mapping.reportBatchItemFailures() || failedSequenceNumbers.isEmpty()) {
            return -1;
        }
        Set<String> failed = new HashSet<>(failedSequenceNumbers);
        for (int i = 0; i < records.size(); i++) {
            if (failed.contains(records.get(i).dynamodb().sequenceNumber())) {
                return i;
            }
        }
        return 0;
    }

    private void deadLetter(List<Record> records, String reason) {
        deadLetters.write(records, reason, clock.instant(), streamArn);
        log.println("[stream] " + records.size() + " record(s) dead-lettered to " + deadLetters.path() + ": " + reason);
    }
}
