package com.cruddur.messaging.data;

import java.util.Map;
import java.util.TreeMap;

import com.cruddur.messaging.alarms.StageAlarm;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.constructs.Construct;

/**
 * Sustained throttling of the messages table or its index. A few throttled requests in a burst are retried (the SDK's
 * retries, the stream processor's backoff); throttling that lasts ten minutes means capacity is too low for the traffic.
 */
public final class TableThrottleAlarms extends Construct {

    /** Throttle events in one 5-minute period, for two periods in a row. */
    static final int THROTTLE_EVENTS = 10;

    public TableThrottleAlarms(Construct scope, String id, MessagesTable messagesTable) {
        super(scope, id);
        String table = messagesTable.table().getTableName();
        for (String operation : new String[] {"Read", "Write"}) {
            alarm(operation + "Throttles", "The messages table throttles " + operation.toLowerCase() + "s.",
                    Map.of("TableName", table), operation + "ThrottleEvents");
            alarm("Index" + operation + "Throttles", "The index " + MessagesTable.MESSAGE_GROUP_INDEX + " throttles "
                    + operation.toLowerCase() + "s (its writes also block the table's).",
                    new TreeMap<>(Map.of("TableName", table, "GlobalSecondaryIndexName", MessagesTable.MESSAGE_GROUP_INDEX)), operation + "ThrottleEvents");
        }
    }

    private void alarm(String id, String description, Map<String, String> dimensions, String metricName) {
        StageAlarm.above(this, id, description + " Raise capacity or its auto-scaling maximum (README: Operations).",
                Metric.Builder.create().namespace("AWS/DynamoDB").metricName(metricName).dimensionsMap(dimensions)
                        .statistic("Sum").period(Duration.minutes(5)).build(),
                THROTTLE_EVENTS, 2);
    }
}
