package com.cruddur.messaging.signup;

import com.cruddur.messaging.config.DatabaseAccess;
import com.cruddur.messaging.network.Network;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Settings of {@link SignUpTrigger}.
 *
 * @param functionName            the function's name, derived from the stage
 * @param metricNamespace         the stage's namespace of log-derived metrics, so two stages' failures never add up
 * @param userPool                the pool whose confirmed sign-ups become users rows
 * @param network                 the VPC; the function runs in its workload subnets when {@code inVpc}
 * @param inVpc                   true where the workload subnets reach SSM and the database (a NAT gateway); false runs
 *                                the function outside the VPC, with Lambda's own internet access
 * @param database                how the database is reached (egress and, for an RDS in the VPC, its ingress rule)
 * @param connectionUrlParameter  the SecureString holding CONNECTION_URL
 * @param logRetention            retention of the function's log group
 * @param removalPolicy           what happens to the log group with the stack
 */
public record SignUpTriggerProps(
        String functionName,
        String metricNamespace,
        UserPool userPool,
        Network network,
        boolean inVpc,
        DatabaseAccess database,
        String connectionUrlParameter,
        RetentionDays logRetention,
        RemovalPolicy removalPolicy) {
}
