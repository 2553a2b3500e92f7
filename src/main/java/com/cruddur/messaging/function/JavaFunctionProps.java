package com.cruddur.messaging.function;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import com.cruddur.messaging.network.Network;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Settings of {@link JavaFunction}: what differs between the app's Java functions. Built with {@link #builder()}; every
 * setting without a default below is required and refused when missing.
 *
 * @param functionId       the construct id of the function; default {@value #DEFAULT_FUNCTION_ID}
 * @param functionName     the function's physical name; default none: CloudFormation names it
 * @param description      what the function does
 * @param handler          its handler in the Lambda jar, {@code class::method}
 * @param memorySize       in MB
 * @param timeout          how long one invocation may run
 * @param environment      its environment variables, sorted so the template is stable; default none
 * @param logRetention     how long its log group keeps events
 * @param logRemovalPolicy what happens to its log group when the stack no longer has it
 * @param roleDescription  the description of its role
 * @param policyName       the name of the role's one inline policy
 * @param permissions      what it may do, given its log group: the statements the inline policy starts with, in their order
 * @param table            the table it reads or writes, if any: the inline policy then ends with the use of the table's
 *                         customer-managed key, where the stage configures one; default none
 * @param vpc              where in the VPC it runs; default none: outside the VPC, with Lambda's own network access
 * @param snapStart        SnapStart on published versions, with the alias {@value JavaFunction#LIVE_ALIAS} for invokers;
 *                         default off
 */
public record JavaFunctionProps(
        String functionId,
        Optional<String> functionName,
        String description,
        String handler,
        int memorySize,
        Duration timeout,
        Map<String, String> environment,
        RetentionDays logRetention,
        RemovalPolicy logRemovalPolicy,
        String roleDescription,
        String policyName,
        Function<ILogGroup, List<PolicyStatement>> permissions,
        Optional<ITable> table,
        Optional<VpcPlacement> vpc,
        boolean snapStart) {

    public static final String DEFAULT_FUNCTION_ID = "Function";

    public JavaFunctionProps {
        required(functionId, "functionId");
        required(description, "description");
        required(handler, "handler");
        if (memorySize <= 0) {
            throw new IllegalArgumentException("JavaFunctionProps.memorySize must be set (MB), got " + memorySize);
        }
        required(timeout, "timeout");
        required(environment, "environment");
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        required(logRetention, "logRetention");
        required(logRemovalPolicy, "logRemovalPolicy");
        required(roleDescription, "roleDescription");
        required(policyName, "policyName");
        required(permissions, "permissions");
    }

    /** The network's workload subnets, with the security group the caller made for what its function must reach. */
    public record VpcPlacement(Network network, ISecurityGroup securityGroup) {
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void required(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("JavaFunctionProps." + name + " is required");
        }
    }

    /** Collects the settings; {@link #build()} refuses a missing required one, naming it. */
    public static final class Builder {
        private String functionId = DEFAULT_FUNCTION_ID;
        private Optional<String> functionName = Optional.empty();
        private String description;
        private String handler;
        private int memorySize;
        private Duration timeout;
        private Map<String, String> environment = Map.of();
        private RetentionDays logRetention;
        private RemovalPolicy logRemovalPolicy;
        private String roleDescription;
        private String policyName;
        private Function<ILogGroup, List<PolicyStatement>> permissions;
        private Optional<ITable> table = Optional.empty();
        private Optional<VpcPlacement> vpc = Optional.empty();
        private boolean snapStart;

        private Builder() {
        }

        public Builder functionId(String functionId) {
            this.functionId = functionId;
            return this;
        }

        public Builder functionName(String functionName) {
            this.functionName = Optional.of(functionName);
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        public Builder memorySize(int memorySize) {
            this.memorySize = memorySize;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        /** How long its log group keeps events, and what happens to it when the stack no longer has it. */
        public Builder logs(RetentionDays retention, RemovalPolicy removalPolicy) {
            this.logRetention = retention;
            this.logRemovalPolicy = removalPolicy;
            return this;
        }

        /**
         * The role's description, the name of its one inline policy and the statements that policy starts with, made
         * from the function's log group (so they can name it, as {@code InlinePolicies.writeOwnLogs} does).
         */
        public Builder role(String description, String policyName, Function<ILogGroup, List<PolicyStatement>> permissions) {
            this.roleDescription = description;
            this.policyName = policyName;
            this.permissions = permissions;
            return this;
        }

        public Builder table(ITable table) {
            this.table = Optional.of(table);
            return this;
        }

        /** Where in the VPC the function runs; empty: outside it. */
        public Builder vpc(Optional<VpcPlacement> vpc) {
            this.vpc = vpc;
            return this;
        }

        public Builder snapStart() {
            this.snapStart = true;
            return this;
        }

        public JavaFunctionProps build() {
            return new JavaFunctionProps(functionId, functionName, description, handler, memorySize, timeout, environment, logRetention,
                    logRemovalPolicy, roleDescription, policyName, permissions, table, vpc, snapStart);
        }
    }
}
