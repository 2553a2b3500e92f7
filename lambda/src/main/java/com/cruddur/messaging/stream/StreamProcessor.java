package com.cruddur.messaging.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.cruddur.messaging.stream.StreamRecordClassifier.Changed;
import com.cruddur.messaging.stream.StreamRecordClassifier.Classified;
import com.cruddur.messaging.stream.StreamRecordClassifier.Malformed;
import com.cruddur.messaging.stream.StreamRecordClassifier.Relevant;

import org.crac.Core;
import org.crac.Resource;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code cruddur-messaging-stream}: access pattern E (SPEC §2, §3). For every new message in a batch
 * it moves both members' conversation rows to the newest message of their conversation.
 *
 * <p>Every record is read (not just {@code Records[0]}); a batch is coalesced to one refresh per
 * conversation; a malformed record or a failed conversation is reported as a batch item failure by
 * sequence number, so Lambda retries from there (bounded, then to the on-failure destination) while
 * the records around it are processed. Replays and out-of-order records are no-ops because rows only
 * ever move forward in time.
 */
public final class StreamProcessor implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Resource {

    public static final String TABLE_NAME_VARIABLE = "DDB_MESSAGE_TABLE";
    /**
     * Conversations of a batch touch disjoint rows (and the writes are conditional anyway), so they are
     * refreshed concurrently: the work is network round trips, and a batch then takes about as long as
     * its slowest conversation instead of the sum of all. One pool per container.
     */
    static final int GROUP_PARALLELISM = 8;
    /**
     * How long a conversation's row writes wait for the other conversations in progress to have theirs ready, so they
     * share one request ({@link StatementCoalescer}); normally they all are ready sooner, and the writes go at once.
     */
    static final Duration WRITE_LINGER = Duration.ofMillis(25);
    private static final ExecutorService GROUP_WORKERS = Executors.newFixedThreadPool(GROUP_PARALLELISM, runnable -> {
        Thread thread = new Thread(runnable, "conversation-refresh");
        thread.setDaemon(true);
        return thread;
    });
    /** Kept free at the end of an invocation to return the batch's failures before Lambda's timeout. */
    static final Duration REPORTING_MARGIN = Duration.ofSeconds(2);
    /** The time a call without a Lambda context (a test, local tooling) may spend: the deployed function's timeout. */
    static final Duration DEFAULT_TIME = Duration.ofSeconds(30);
    /** A group id no conversation has: priming queries it to warm the client without touching data. */
    private static final String PRIMING_GROUP = "00000000-0000-0000-0000-000000000000";

    private final ConversationIndex index;
    private final ConversationRowStore store;
    private final ConversationRefresher refresher;
    private final JsonLog log;

    /** The Lambda entry: one client per container, configured from the environment, primed before a SnapStart snapshot. */
    public StreamProcessor() {
        this(storeFromEnvironment(), new JsonLog(System.out));
        Core.getGlobalContext().register(this);
    }

    public StreamProcessor(ConversationRowStore store, JsonLog log) {
        this(store, store, log);
    }

    /** With a separate index view, so tests can make the GSI lag behind the table. */
    public StreamProcessor(ConversationIndex index, ConversationRowStore store, JsonLog log) {
        this(index, store, log, new Backoff(Clock.systemUTC()));
    }

    /** With the backoff that waits out throttling, so tests can run it without waiting. */
    public StreamProcessor(ConversationIndex index, ConversationRowStore store, JsonLog log, Backoff backoff) {
        this.index = index;
        this.store = store;
        this.refresher = new ConversationRefresher(index, store, backoff, (group, collision) ->
                log.log("WARN", "row_key_collision", fields("messageGroupUuid", group, "memberPartition", collision.memberPartition(),
                        "sk", collision.sk(), "otherMessageGroupUuid", collision.otherGroupUuid())));
        this.log = log;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        long started = System.nanoTime();
        List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<String> failed = new ArrayList<>();
        Map<String, List<NewMessage>> messagesByGroup = new LinkedHashMap<>();
        Map<String, List<String>> changesByGroup = new LinkedHashMap<>();
        int ignored = 0;

        for (DynamodbStreamRecord record : records) {
            Classified classified = StreamRecordClassifier.classify(record);
            if (classified instanceof Relevant relevant) {
                messagesByGroup.computeIfAbsent(relevant.message().groupUuid(), group -> new ArrayList<>()).add(relevant.message());
            } else if (classified instanceof Changed changed) {
                changesByGroup.computeIfAbsent(changed.groupUuid(), group -> new ArrayList<>()).add(changed.sequenceNumber());
            } else if (classified instanceof Malformed malformed) {
                log.log("ERROR", "malformed_record", fields("sequenceNumber", malformed.sequenceNumber(), "reason", malformed.reason(),
                        "pk", malformed.pk(), "sk", malformed.sk(), "eventName", malformed.eventName(),
                        "approximateCreationDateTime", malformed.approximateCreation()));
                failed.add(malformed.sequenceNumber());
            } else {
                ignored++;
            }
        }

        List<Callable<List<String>>> groups = new ArrayList<>();
        Instant deadline = deadline(context);
        StatementCoalescer writes = store.coalescer(WRITE_LINGER);
        Set<String> touchedGroups = new LinkedHashSet<>(messagesByGroup.keySet());
        touchedGroups.addAll(changesByGroup.keySet());
        touchedGroups.forEach(group -> groups.add(() -> refreshGroup(group, messagesByGroup.getOrDefault(group, List.of()),
                changesByGroup.getOrDefault(group, List.of()), deadline, writes)));
        try {
            // invokeAll keeps the groups' order, so the reported failures are in record order as before.
            for (Future<List<String>> groupFailures : GROUP_WORKERS.invokeAll(groups)) {
                failed.addAll(groupFailures.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing conversations", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("refreshing a conversation failed unexpectedly", e.getCause());
        }

        log.log("INFO", "batch_processed", fields("records", records.size(), "groups", touchedGroups.size(),
                "ignored", ignored, "failed", failed.size(), "durationMs", (System.nanoTime() - started) / 1_000_000));
        return StreamsEventResponse.builder()
                .withBatchItemFailures(failed.stream().map(sequence -> BatchItemFailure.builder().withItemIdentifier(sequence).build()).toList())
                .build();
    }

    /**
     * Moves one conversation's rows to its newest message (re-read from the table when the batch edited or
     * deleted one of its messages); returns the sequence numbers to report if that fails.
     */
    private List<String> refreshGroup(String group, List<NewMessage> messages, List<String> changes, Instant deadline,
                                      StatementCoalescer writes) {
        writes.enter();
        try {
            if (changes.isEmpty()) {
                refresher.refresh(ConversationPlanner.newestPerGroup(messages).get(group), deadline, writes);
            } else {
                refresher.recheck(group, messages.stream().map(NewMessage::senderUuid).toList(), deadline, writes);
            }
            return List.of();
        } catch (RuntimeException e) {
            List<String> failed = new ArrayList<>();
            messages.forEach(message -> failed.add(message.sequenceNumber()));
            failed.addAll(changes);
            for (String sequenceNumber : failed) {
                log.log("ERROR", "group_failed", fields("sequenceNumber", sequenceNumber, "messageGroupUuid", group,
                        "reason", String.valueOf(e.getMessage())));
            }
            return failed;
        } finally {
            writes.leave();
        }
    }

    /** Until when transient failures are waited out: the invocation's remaining time less a margin to report the batch. */
    private static Instant deadline(Context context) {
        Duration remaining = context == null ? DEFAULT_TIME : Duration.ofMillis(context.getRemainingTimeInMillis());
        return Instant.now().plus(remaining).minus(REPORTING_MARGIN);
    }

    /**
     * SnapStart: a real round trip before the snapshot, so classes, TLS and the connection pool are warm after
     * restore. A failure here would fail the version publish and with it the deploy, so an error or a throttle
     * is logged and the snapshot is taken unprimed: the first invocation after restore then pays the warm-up.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        try {
            index.rowsOf(PRIMING_GROUP);
        } catch (RuntimeException e) {
            log.log("WARN", "priming_failed", fields("reason", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to do: credentials and region come from the restored environment on the next call.
    }

    private static ConversationRowStore storeFromEnvironment() {
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(requiredEnvironment("AWS_REGION", "the region Lambda runs in")))
                .build();
        return new ConversationRowStore(dynamoDb, requiredEnvironment(TABLE_NAME_VARIABLE, "the name of the messages table"));
    }

    private static String requiredEnvironment(String name, String meaning) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; it must hold " + meaning);
        }
        return value;
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
