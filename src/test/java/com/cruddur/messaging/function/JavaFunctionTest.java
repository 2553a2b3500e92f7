package com.cruddur.messaging.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.access.InlinePolicies;
import com.cruddur.messaging.function.JavaFunctionProps.VpcPlacement;
import com.cruddur.messaging.network.Network;
import com.cruddur.messaging.network.NetworkProps;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/** What {@link JavaFunction} adds to every function of the app, on a bare stack of its own. */
class JavaFunctionTest {

    @Test
    void inTheVpcThePolicyIsTheOwnStatementsThenTheNetworkInterfacesThenTheTableKey() {
        Stack stack = stack();
        Network network = new Network(stack, "Network", new NetworkProps(0, RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY));
        Table table = Table.Builder.create(stack, "Table").partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED).build();
        Construct owner = new Construct(stack, "Owner");
        LogGroup logs = JavaFunction.logGroup(owner, RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY);
        JavaFunction function = JavaFunction.addTo(owner, "Function", props(logs)
                .table(table)
                .vpc(Optional.of(new VpcPlacement(network, network.dynamoDbOnlySecurityGroup(owner, "SecurityGroup", "test"))))
                .build());

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of("PolicyName", "Test",
                "PolicyDocument", Match.objectLike(Map.of("Statement", List.of(
                        Match.objectLike(Map.of("Sid", "WriteOwnLogs")),
                        Match.objectLike(Map.of("Sid", "CreateNetworkInterfaces")),
                        Match.objectLike(Map.of("Sid", "ManageNetworkInterfaces")),
                        Match.objectLike(Map.of("Sid", "DescribeNetwork")),
                        Match.objectLike(Map.of("Sid", "UseTableKey"))))))),
                "ManagedPolicyArns", Match.absent()));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Runtime", "java25", "Architectures", List.of("arm64"),
                "VpcConfig", Match.objectLike(Map.of("SecurityGroupIds", List.of(Match.anyValue())))));
        assertEquals(2, acknowledgedRules(function).size(), "the two IAM5 findings of the VPC statements: " + acknowledgedRules(function));
    }

    @Test
    void outsideTheVpcThereAreNoNetworkStatementsAndNothingToAcknowledge() {
        Stack stack = stack();
        LogGroup logs = JavaFunction.logGroup(stack, RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY);
        JavaFunction function = JavaFunction.addTo(stack, "Function", props(logs).build());

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of("PolicyName", "Test",
                "PolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of("Sid", "WriteOwnLogs")))))))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("VpcConfig", Match.absent(), "SnapStart", Match.absent()));
        assertEquals(List.of(), acknowledgedRules(function));
        assertEquals(Optional.empty(), function.alias());
        template.resourceCountIs("AWS::Lambda::Alias", 0);
    }

    @Test
    void withSnapStartInvokersGetTheLiveAliasOnTheCurrentVersion() {
        Stack stack = stack();
        LogGroup logs = JavaFunction.logGroup(stack, RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY);
        JavaFunction function = JavaFunction.addTo(stack, "Function", props(logs).snapStart().build());

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", JavaFunction.LIVE_ALIAS,
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FunctionCurrentVersion"), "Version"))));
        assertTrue(function.alias().isPresent());
    }

    @Test
    void aSettingWithoutADefaultIsRefusedByName() {
        LogGroup logs = JavaFunction.logGroup(stack(), RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY);
        IllegalArgumentException noHandler = assertThrows(IllegalArgumentException.class,
                () -> JavaFunctionProps.builder().description("d").memorySize(128).timeout(Duration.seconds(3)).logs(logs)
                        .role("r", "Test", List.of()).build());
        assertEquals("JavaFunctionProps.handler is required", noHandler.getMessage());
        IllegalArgumentException noMemory = assertThrows(IllegalArgumentException.class,
                () -> props(logs).memorySize(0).build());
        assertEquals("JavaFunctionProps.memorySize must be set (MB), got 0", noMemory.getMessage());
    }

    /** Tests never build the Lambda jar (as in TestApps): the asset is only fingerprinted. */
    private static Stack stack() {
        return new Stack(new App(AppProps.builder().context(Map.of("aws:cdk:bundling-stacks", List.of())).build()), "Test");
    }

    private static JavaFunctionProps.Builder props(LogGroup logs) {
        return JavaFunctionProps.builder()
                .description("a test function")
                .handler("com.example.Handler::handleRequest")
                .memorySize(512)
                .timeout(Duration.seconds(10))
                .logs(logs)
                .role("a test role", "Test", List.of(InlinePolicies.writeOwnLogs(logs)));
    }

    private static List<String> acknowledgedRules(JavaFunction function) {
        return function.role().getNode().getMetadata().stream()
                .filter(entry -> Validations.ACKNOWLEDGED_RULES_METADATA_KEY.equals(entry.getType()))
                .flatMap(entry -> ((Map<?, ?>) entry.getData()).keySet().stream().map(String::valueOf))
                .toList();
    }
}
