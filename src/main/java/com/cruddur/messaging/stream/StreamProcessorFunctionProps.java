package com.cruddur.messaging.stream;

import com.cruddur.messaging.config.StreamProcessorSettings;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.network.Network;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Settings of {@link StreamProcessorFunction}.
 *
 * @param functionName      the function's name, derived from the stage ({@code StageNames.streamProcessorFunction})
 * @param messagesTable     the messages table: its stream feeds the function, its rows are what it moves
 * @param network           where the function runs (workload subnets) and the DynamoDB prefix list for egress
 * @param stream            batch size, batching window, retries and maximum record age
 * @param logRetention      retention of the function's log group
 * @param removalPolicy     what happens to that log group and to the parked failed batches when the stack is deleted
 */
public record StreamProcessorFunctionProps(
        String functionName,
        MessagesTable messagesTable,
        Network network,
        StreamProcessorSettings stream,
        RetentionDays logRetention,
        RemovalPolicy removalPolicy) {
}
