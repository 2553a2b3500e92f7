package com.cruddur.messaging.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.access.InlinePolicies;

import software.amazon.awscdk.Annotations;
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
import software.constructs.Construct;

/**
 * One of the app's Java functions (SPEC §5: the stream processor, the seed loader, the sign-up trigger) with what each
 * of them has: Java 25 on arm64 running the {@link LambdaJar}, its own log group {@code Logs}, and a role {@code Role}
 * with exactly one inline policy and nothing else (no managed policies, and L2 grants are ignored): its
 * {@link JavaFunctionProps#permissions}, then, in the VPC, the {@link VpcAttachment} statements, then the use of its
 * table's key. In the VPC it runs in the workload subnets with the caller's security group, and the role carries the
 * acknowledgements of the VPC statements; with SnapStart it gets the alias {@code Alias}, named {@value #LIVE_ALIAS}.
 *
 * <p>Its owners (the stream processor, the seed data, the sign-up trigger) create it with the construct id {@value #ID}:
 * CDK leaves path components named {@code Default} out of logical ids (aws-cdk-lib
 * {@code core/lib/private/uniqueid.ts}, {@code makeUniqueId}: {@code HIDDEN_ID = 'Default'} is filtered from the path
 * before both the hash and the readable part; the constructs library's node address skips it the same way), so the log
 * group, role, function and alias keep the logical ids they were deployed with as the owner's own children. Any other id
 * would rename them, and a renamed log group with a fixed name fails to deploy. Construct paths (and so where cdk-nag
 * acknowledgements sit) do show it: {@code <owner>/Default/Role}. The owner's {@code node.defaultChild} is this
 * construct, which no one reads.
 */
public final class JavaFunction extends Construct {

    /** The construct id its owners give it, so that it adds no component to their resources' logical ids. */
    public static final String ID = "Default";
    /** The alias invokers of a SnapStart function target: it points at the current version, published on every change. */
    public static final String LIVE_ALIAS = "live";

    private final LogGroup logs;
    private final Role role;
    private final Function function;
    private final Optional<Alias> alias;

    public JavaFunction(Construct scope, String id, JavaFunctionProps props) {
        super(scope, id);
        this.logs = LogGroup.Builder.create(this, "Logs").retention(props.logRetention()).removalPolicy(props.logRemovalPolicy()).build();
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(props.roleDescription())
                .inlinePolicies(Map.of(props.policyName(), PolicyDocument.Builder.create().statements(statements(props)).build()))
                .build();
        props.vpc().ifPresent(vpc -> VpcAttachment.acknowledge(role));

        Function.Builder builder = Function.Builder.create(this, props.functionId())
                .description(props.description())
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(props.handler())
                .code(LambdaJar.code())
                .memorySize(props.memorySize())
                .timeout(props.timeout())
                .environment(props.environment())
                .role(role.withoutPolicyUpdates())
                .logGroup(logs);
        props.functionName().ifPresent(builder::functionName);
        props.vpc().ifPresent(vpc -> builder.vpc(vpc.network().vpc()).vpcSubnets(vpc.network().workloadSubnets())
                .securityGroups(List.of(vpc.securityGroup())));
        if (props.snapStart()) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        this.function = builder.build();
        this.alias = props.snapStart() ? Optional.of(liveAlias()) : Optional.empty();
    }

    public LogGroup logs() {
        return logs;
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
    private List<PolicyStatement> statements(JavaFunctionProps props) {
        List<PolicyStatement> statements = new ArrayList<>(props.permissions().apply(logs));
        props.vpc().ifPresent(vpc -> statements.addAll(
                VpcAttachment.statements(this, vpc.network().vpc(), vpc.network().workloadSubnets(), vpc.securityGroup())));
        props.table().flatMap(InlinePolicies::useTableKey).ifPresent(statements::add);
        return statements;
    }

    private Alias liveAlias() {
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "The alias below points at the function's current version, which CDK publishes on every code or configuration change.");
        return Alias.Builder.create(this, "Alias").aliasName(LIVE_ALIAS).version(function.getCurrentVersion()).build();
    }
}
