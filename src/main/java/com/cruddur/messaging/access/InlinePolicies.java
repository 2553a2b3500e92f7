package com.cruddur.messaging.access;

import java.util.List;
import java.util.Optional;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * Statements the app's inline policies share (its functions' roles and the backend task's), written out so each action
 * and resource is visible in code and in the snapshots.
 */
public final class InlinePolicies {

    private InlinePolicies() {
    }

    public static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(resources).build();
    }

    public static PolicyStatement writeOwnLogs(ILogGroup logs) {
        return statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logs.getLogGroupArn()));
    }

    /**
     * An ARN as cdk-nag renders it in a finding id, for an acknowledgement: literal partition, region and account where
     * the stack fixes them, CloudFormation pseudo parameters otherwise.
     */
    public static String findingArn(Stack stack, String service, String resource) {
        return "arn:" + literalOr(stack.getPartition(), "<AWS::Partition>") + ":" + service + ":" + literalOr(stack.getRegion(), "<AWS::Region>")
                + ":" + literalOr(stack.getAccount(), "<AWS::AccountId>") + ":" + resource;
    }

    /** Use of the table's customer-managed key, when the stage configures one (the AWS managed key needs no grant). */
    public static Optional<PolicyStatement> useTableKey(ITable table) {
        return Optional.ofNullable(table.getEncryptionKey()).map(key -> statement("UseTableKey",
                List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"), List.of(key.getKeyArn())));
    }

    private static String literalOr(String value, String placeholder) {
        return Token.isUnresolved(value) ? placeholder : value;
    }
}
