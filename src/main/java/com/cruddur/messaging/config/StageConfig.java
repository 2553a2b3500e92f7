package com.cruddur.messaging.config;

import java.util.List;
import java.util.Optional;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything that differs between stages, read once from {@code cdk.json} and validated by
 * {@link StageConfigReader} before any construct is built.
 *
 * @param name               stage name; part of every stack name ({@code Cruddur-<name>-...})
 * @param account            AWS account id; empty for an environment-agnostic synth
 * @param region             AWS region; present exactly when {@code account} is
 * @param availabilityZones  AZs of the VPC when the region is fixed (so nothing is looked up in an
 *                           account); empty means "the first two AZs of the region", resolved by
 *                           CloudFormation at deploy time
 * @param tableName          name of the messages table (SPEC §1, default {@code cruddur-messages})
 * @param billing            capacity mode of table and index
 * @param encryptionKeyArn   customer-managed KMS key for the table; empty means the AWS managed key
 * @param holdsRealData      true turns on RETAIN, deletion protection, point-in-time recovery and
 *                           stack termination protection
 * @param seedData           whether the sample conversation is loaded at deploy time
 * @param seedConversation   which conversation and users the seed loads
 * @param natGateways        NAT gateways of the VPC (0 = none; DynamoDB never needs one)
 * @param logRetention       retention of every log group the stage creates
 * @param streamProcessor    how the stream processor reads the table's stream
 * @param alarmTopicArn      SNS topic that alarms notify; empty means alarms only show in CloudWatch
 * @param auth               the Cognito user pool
 * @param backend            the backend-flask service
 */
public record StageConfig(
        String name,
        Optional<String> account,
        Optional<String> region,
        List<String> availabilityZones,
        String tableName,
        TableBilling billing,
        Optional<String> encryptionKeyArn,
        boolean holdsRealData,
        boolean seedData,
        SeedSettings seedConversation,
        int natGateways,
        RetentionDays logRetention,
        StreamProcessorSettings streamProcessor,
        Optional<String> alarmTopicArn,
        AuthSettings auth,
        BackendSettings backend) {

    public StageConfig {
        availabilityZones = List.copyOf(availabilityZones);
    }

    /** The deployment environment, or {@code null} for an environment-agnostic stage. */
    public Environment environment() {
        if (account.isEmpty()) {
            return null;
        }
        return Environment.builder().account(account.get()).region(region.orElseThrow()).build();
    }

    /** {@code ACCOUNT/REGION}, or {@code any/any} for an environment-agnostic stage. */
    public String environmentName() {
        return account.orElse("any") + "/" + region.orElse("any");
    }

    /** {@code Cruddur-<stage>-<concern>}, the name of every stack of this stage. */
    public String stackName(String concern) {
        return "Cruddur-" + name + "-" + concern;
    }
}
