package com.cruddur.messaging.harness.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's stream through the DynamoDB Streams API as Lambda's event source mapping does: every shard from the
 * mapping's starting position, each record once, in stream order per shard. Local mode's pump and the end-to-end
 * tests read the stream through it.
 */
public final class ShardReader {

    /** New shards appear when DynamoDB rolls a shard over (hours apart); looking once a second is plenty. */
    static final Duration SHARD_DISCOVERY = Duration.ofSeconds(1);
    /** Records per GetRecords call, the API's maximum. */
    private static final int PAGE = 1000;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final ShardIteratorType startingPosition;
    private final Clock clock;
    /** The next iterator of each shard found so far; null once a closed shard is read to its end. */
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finishedShards = new HashSet<>();
    private Instant shardsDiscovered = Instant.MIN;

    /** {@code startingPosition} as the mapping's {@code StartingPosition}: TRIM_HORIZON or LATEST. */
    public ShardReader(DynamoDbStreamsClient streams, String streamArn, String startingPosition, Clock clock) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.startingPosition = ShardIteratorType.fromValue(startingPosition);
        this.clock = clock;
    }

    /** Every record the stream holds past what this reader returned before: each shard read until it has nothing more. */
    public List<Record> read() {
        discoverShards();
        List<Record> records = new ArrayList<>();
        for (Map.Entry<String, String> shard : iterators.entrySet()) {
            while (shard.getValue() != null) {
                GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(shard.getValue()).limit(PAGE));
                records.addAll(response.records());
                shard.setValue(response.nextShardIterator());
                if (response.nextShardIterator() == null) {
                    finishedShards.add(shard.getKey());
                }
                if (response.records().isEmpty()) {
                    break;
                }
            }
        }
        return records;
    }

    private void discoverShards() {
        Instant now = clock.instant();
        if (now.isBefore(shardsDiscovered.plus(SHARD_DISCOVERY)) && !iterators.isEmpty()) {
            return;
        }
        shardsDiscovered = now;
        List<Shard> shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        for (Shard shard : shards) {
            if (!iterators.containsKey(shard.shardId()) && !finishedShards.contains(shard.shardId())) {
                iterators.put(shard.shardId(), streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(startingPosition)).shardIterator());
            }
        }
    }
}
