package com.cruddur.messaging.data;

import java.util.Optional;

import com.cruddur.messaging.config.TableBilling;

import software.amazon.awscdk.services.kms.IKey;

/**
 * Settings of {@link MessagesTable}.
 *
 * @param tableName      physical table name, handed to consumers as {@code DDB_MESSAGE_TABLE}
 * @param billing        auto-scaled provisioned ranges for table and index, or on-demand
 * @param encryptionKey  customer-managed key; empty means the AWS managed key {@code aws/dynamodb}
 * @param holdsRealData  true: RETAIN on stack deletion, deletion protection and point-in-time recovery
 */
public record MessagesTableProps(String tableName, TableBilling billing, Optional<IKey> encryptionKey, boolean holdsRealData) {
}
