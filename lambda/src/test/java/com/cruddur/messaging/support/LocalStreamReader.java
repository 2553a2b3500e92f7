package com.cruddur.messaging.support;

import java.util.ArrayList;
import java.util.List;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;

import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's stream through the DynamoDB Streams API of DynamoDB Local and hands the records
 * over in Lambda's event model, as the event source mapping would.
 */
public final class LocalStreamReader {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final List<String> iterators = new ArrayList<>();

    public LocalStreamReader(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            iterators.add(streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        }
    }

    /** Every record written since the last call, in stream order per shard. */
    public List<DynamodbStreamRecord> poll() {
        List<DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < iterators.size(); i++) {
            while (iterators.get(i) != null) {
                String iterator = iterators.get(i);
                GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(iterator));
                response.records().forEach(record -> records.add(toLambdaModel(record)));
                iterators.set(i, response.nextShardIterator());
                if (response.records().isEmpty()) {
                    break;
                }
            }
        }
        return records;
    }

    public String streamArn() {
        return streamArn;
    }

    private static DynamodbStreamRecord toLambdaModel(Record record) {
        return StreamEvents.record(record.eventNameAsString(), record.dynamodb().sequenceNumber(),
                record.dynamodb().hasNewImage() ? StreamEvents.toEventImage(record.dynamodb().newImage()) : null);
    }
}
