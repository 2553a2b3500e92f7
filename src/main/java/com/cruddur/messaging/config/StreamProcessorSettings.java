package com.cruddur.messaging.config;

/**
 * How the stream processor's event source mapping reads the table's stream.
 *
 * @param batchSize                 most records per invocation (1..10000)
 * @param batchingWindowSeconds     how long Lambda may wait to fill a batch (0..300); a larger window
 *                                  means fewer invocations, each coalescing more messages
 * @param retryAttempts             retries of a failing batch before it is parked in the failed-batches bucket (0..10000)
 * @param maxRecordAgeSeconds       records older than this are parked unprocessed (60..604800)
 * @param parkedBatchRetentionDays  how long the bucket keeps a parked batch (with its full records) before it expires (1..3650)
 */
public record StreamProcessorSettings(int batchSize, int batchingWindowSeconds, int retryAttempts, int maxRecordAgeSeconds,
                                      int parkedBatchRetentionDays) {
}
