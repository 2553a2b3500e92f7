package com.cruddur.messaging.network;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Settings of {@link Network}.
 *
 * @param natGateways           NAT gateways for outbound internet from the workload subnets; with 0
 *                              those subnets are isolated and reach DynamoDB only through the gateway
 *                              endpoint
 * @param flowLogRetention      how long VPC flow logs are kept
 * @param flowLogRemovalPolicy  what happens to the flow log group when the stack is deleted
 */
public record NetworkProps(int natGateways, RetentionDays flowLogRetention, RemovalPolicy flowLogRemovalPolicy) {
}
