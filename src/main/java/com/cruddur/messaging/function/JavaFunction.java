package com.cruddur.messaging.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.access.InlinePolicies;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One of the app's Java functions (SPEC §5: the stream processor, the seed loader, the sign-up trigger) with what each
 * of them has: Java 25 on arm64 running the {@link LambdaJar}, its own log group {@code Logs} ({@link #logGroup}), and a
 * role {@code Role} with exactly one inline policy and nothing else (no managed policies, and L2 grants are ignored):
 * its {@link JavaFunctionProps#permissions}, then, in the VPC, the {@link VpcAttachment} statements, then the use of its
 * table's key. In the VPC it runs in the workload subnets with the caller's security group, and the role carries the
 * acknowledgements of the VPC statements; with SnapStart it gets the alias {@code Alias}, named {@value #LIVE_ALIAS}.
 *
 * <p>Not a construct level of its own: {@link #logGroup} and {@link #addTo} create these as children of the construct
 * that owns the function (the stream processor, the seed data, the sign-up trigger), so they keep the construct paths,
 * hence the logical ids, they were deployed with. An extra level would rename them, and a renamed log group with a
 * fixed name fails to deploy.
 */
public final class JavaFunction {

    /** The alias invokers of a SnapStart function target: it points at the current version, published on every change. */
    public static final String LIVE_ALIAS = "live";

    private final Role role;
    private final Function function;
    private final Optional<Alias> alias;

    private JavaFunction(Role role, Function function, Optional<Alias> alias) {
        this.role = role;
        this.function = function;
        this.alias = alias;
    }

    /**
     * The log group {@code Logs} of the function that {@code scope} is about to add: made first, so that the statements
     * its role starts with can name it ({@code InlinePolicies.writeOwnLogs}).
     */
    public static LogGroup logGroup(Construct scope, RetentionDays retention, RemovalPolicy removalPolicy) {
        return LogGroup.Builder.create(scope, "Logs").retention(retention).removalPolicy(removalPolicy).build();
    }

    /** Adds the function (construct id {@code functionId}), its role and, with SnapStart, its alias to {@code scope}. */
    public static JavaFunction addTo(Construct scope, String functionId, JavaFunctionProps props) {
        Role role = Role.Builder.create(scope, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(props.roleDescription())
                .inlinePolicies(Map.of(props.policyName(), PolicyDocument.Builder.create().statements(statements(scope, props)).build()))
                .build();
        props.vpc().ifPresent(vpc -> VpcAttachment.acknowledge(role));

        Function.Builder builder = Function.Builder.create(scope, functionId)
                .description(props.description())
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(props.handler())
                .code(LambdaJar.code())
                .memorySize(props.memorySize())
                .timeout(props.timeout())
                .environment(props.environment())
                .role(role.withoutPolicyUpdates())
                .logGroup(props.logs());
        props.functionName().ifPresent(builder::functionName);
        props.vpc().ifPresent(vpc -> builder.vpc(vpc.network().vpc()).vpcSubnets(vpc.network().workloadSubnets())
                .securityGroups(List.of(vpc.securityGroup())));
        if (props.snapStart()) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        Function function = builder.build();
        return new JavaFunction(role, function, props.snapStart() ? Optional.of(liveAlias(scope, function)) : Optional.empty());
    }

    public Role role() {
        return role;
    }

    public Function function() {
        return function;
    }

    /** The {@value #LIVE_ALIAS} alias, which a SnapStart function has and invokers target. */
    public Optional<Alias> alias() {
        return alias;
    }

    /** The function's own statements, then what attaching it to the VPC needs, then its table key's use: in this order. */
    private static List<PolicyStatement> statements(Construct scope, JavaFunctionProps props) {
        List<PolicyStatement> statements = new ArrayList<>(props.permissions());
        props.vpc().ifPresent(vpc -> statements.addAll(
                VpcAttachment.statements(scope, vpc.network().vpc(), vpc.network().workloadSubnets(), vpc.securityGroup())));
        props.table().flatMap(InlinePolicies::useTableKey).ifPresent(statements::add);
        return statements;
    }

    private static Alias liveAlias(Construct scope, Function function) {
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "The alias below points at the function's current version, which CDK publishes on every code or configuration change.");
        return Alias.Builder.create(scope, "Alias").aliasName(LIVE_ALIAS).version(function.getCurrentVersion()).build();
    }
}
