package com.cruddur.messaging.harness.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.cruddur.messaging.harness.stream.LambdaRecords;
import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The event source mapping's settings that decide what the stream processor sees and when: batch
 * size, batching window, filters, retries, record age and whether it reports item failures.
 *
 * @param maxRetryAttempts  retries after the first attempt; -1 = until the record expires (Lambda's default)
 * @param maxRecordAge      records older than this are not processed but dead-lettered; empty = no limit
 */
public record StreamMapping(
        int batchSize,
        Duration batchingWindow,
        List<FilterPattern> filters,
        int maxRetryAttempts,
        Optional<Duration> maxRecordAge,
        boolean reportBatchItemFailures,
        boolean bisectOnError,
        String startingPosition) {

    /** Lambda's defaults for DynamoDB streams where the template says nothing. */
    static final int DEFAULT_BATCH_SIZE = 100;

    static StreamMapping from(JsonNode properties) {
        List<FilterPattern> filters = new ArrayList<>();
        properties.path("FilterCriteria").path("Filters").forEach(filter -> filters.add(FilterPattern.parse(filter.path("Pattern").asText())));
        boolean reportsItemFailures = false;
        for (JsonNode type : properties.path("FunctionResponseTypes")) {
            reportsItemFailures |= "ReportBatchItemFailures".equals(type.asText());
        }
        int maxRecordAgeSeconds = properties.path("MaximumRecordAgeInSeconds").asInt(-1);
        return new StreamMapping(
                properties.path("BatchSize").asInt(DEFAULT_BATCH_SIZE),
                Duration.ofSeconds(properties.path("MaximumBatchingWindowInSeconds").asInt(0)),
                filters,
                properties.path("MaximumRetryAttempts").asInt(-1),
                maxRecordAgeSeconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(maxRecordAgeSeconds)),
                reportsItemFailures,
                properties.path("BisectBatchOnFunctionError").asBoolean(false),
                properties.path("StartingPosition").asText("LATEST"));
    }

    /**
     * Lambda invokes for a record that matches any filter, or for every record when there are none; the filters see
     * {@code record} of the stream {@code streamArn} as the function would receive it.
     */
    public boolean admits(Record record, String streamArn) {
        JsonNode event = LambdaRecords.toJson(record, streamArn);
        return filters.isEmpty() || filters.stream().anyMatch(filter -> filter.matches(event));
    }
}
