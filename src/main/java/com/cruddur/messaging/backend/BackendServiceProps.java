package com.cruddur.messaging.backend;

import com.cruddur.messaging.config.BackendSettings;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.network.Network;

import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * @param stageName      stage the service belongs to; part of the cluster, service and family names
 * @param settings       image, size, scaling, URLs, TLS, access logs and placement
 * @param network        VPC, its subnets and the DynamoDB gateway endpoint
 * @param messagesTable  the table whose name and ARN the task receives (never a literal)
 * @param userPool       the pool whose id the backend verifies tokens against
 * @param webClient      the app client whose id the backend checks as the token audience
 * @param logRetention   retention of the container logs
 * @param holdsRealData  true = load balancer deletion protection and logs kept on stack delete
 */
public record BackendServiceProps(
        String stageName,
        BackendSettings settings,
        Network network,
        MessagesTable messagesTable,
        IUserPool userPool,
        IUserPoolClient webClient,
        RetentionDays logRetention,
        boolean holdsRealData) {
}
