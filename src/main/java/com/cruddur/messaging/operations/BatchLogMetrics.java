package com.cruddur.messaging.operations;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.constructs.Construct;

/**
 * Metrics read from the stream processor's one JSON line per batch ({@code {"event":"batch_processed","records":…,
 * "groups":…,"failed":…}}): Lambda itself publishes no count of stream records or of conversations, only of
 * invocations. The filters belong to this construct's stack, not the function's, so the dashboard adds them without
 * touching the stream processor.
 */
public final class BatchLogMetrics extends Construct {

    /** The event name the processor's {@code JsonLog} writes once per batch. */
    static final String BATCH_EVENT = "batch_processed";
    public static final String RECORDS_IN = "StreamRecordsIn";
    public static final String CONVERSATIONS_REFRESHED = "ConversationsRefreshed";
    public static final String RECORDS_FAILED = "StreamRecordsFailed";

    private final MetricFilter recordsIn;
    private final MetricFilter conversationsRefreshed;
    private final MetricFilter recordsFailed;

    public BatchLogMetrics(Construct scope, String id, ILogGroup functionLogs, String namespace) {
        super(scope, id);
        this.recordsIn = filter("RecordsIn", functionLogs, namespace, RECORDS_IN, "$.records");
        // "groups" counts the conversations the batch refreshed (each one transaction); failures are counted by "failed".
        this.conversationsRefreshed = filter("ConversationsRefreshed", functionLogs, namespace, CONVERSATIONS_REFRESHED, "$.groups");
        this.recordsFailed = filter("RecordsFailed", functionLogs, namespace, RECORDS_FAILED, "$.failed");
    }

    /** Stream records the function received (after the mapping's filter), summed over {@code period}. */
    public IMetric recordsIn(Duration period) {
        return sum(recordsIn, period, "records in");
    }

    /** Conversations whose rows the batches moved (or tried to). */
    public IMetric conversationsRefreshed(Duration period) {
        return sum(conversationsRefreshed, period, "conversations refreshed");
    }

    /** Records reported back as batch item failures (retried, and parked once retries run out). */
    public IMetric recordsFailed(Duration period) {
        return sum(recordsFailed, period, "records failed");
    }

    private MetricFilter filter(String id, ILogGroup logs, String namespace, String metricName, String value) {
        return MetricFilter.Builder.create(this, id)
                .logGroup(logs)
                .filterPattern(FilterPattern.stringValue("$.event", "=", BATCH_EVENT))
                .metricNamespace(namespace)
                .metricName(metricName)
                .metricValue(value)
                .build();
    }

    private static IMetric sum(MetricFilter filter, Duration period, String label) {
        return filter.metric(MetricOptions.builder().statistic("Sum").period(period).label(label).build());
    }
}
