package com.cruddur.messaging.seed;

import com.cruddur.messaging.config.DatabaseAccess;
import com.cruddur.messaging.config.SeedSettings;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.network.Network;

import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Settings of {@link SeedData}.
 *
 * @param messagesTable  the table the conversation is loaded into
 * @param network        where the loader runs (workload subnets, DynamoDB-only egress)
 * @param conversation   which conversation and users
 * @param logRetention   retention of the loader's and the provider's logs
 * @param database       how Postgres is reached, for users given by handle
 * @param connectionUrlParameter  the SecureString of CONNECTION_URL, for users given by handle
 * @param natGateway     whether the workload subnets reach SSM and an outside database (else a loader that reads Postgres
 *                       runs outside the VPC)
 */
public record SeedDataProps(MessagesTable messagesTable, Network network, SeedSettings conversation, RetentionDays logRetention,
                            DatabaseAccess database, String connectionUrlParameter, boolean natGateway) {
}
