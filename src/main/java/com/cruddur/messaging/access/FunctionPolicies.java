package com.cruddur.messaging.access;

import java.util.List;
import java.util.Optional;

import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * Statements every function of this app needs in its one inline policy, written out so each action
 * and resource is visible in code and in the snapshots.
 */
public final class FunctionPolicies {

    /** ENI management for a function in a VPC; Lambda checks these on * (EC2 has no resource-level scoping for them). */
    public static final List<String> VPC_ACTIONS = List.of(
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    private FunctionPolicies() {
    }

    public static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(resources).build();
    }

    public static PolicyStatement writeOwnLogs(ILogGroup logs) {
        return statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logs.getLogGroupArn()));
    }

    public static PolicyStatement attachToVpc() {
        return statement("AttachToVpc", VPC_ACTIONS, List.of("*"));
    }

    /** Use of the table's customer-managed key, when the stage configures one (the AWS managed key needs no grant). */
    public static Optional<PolicyStatement> useTableKey(ITable table) {
        return Optional.ofNullable(table.getEncryptionKey()).map(key -> statement("UseTableKey",
                List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"), List.of(key.getKeyArn())));
    }
}
