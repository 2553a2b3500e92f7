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
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CfnResourceProps;
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
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;
import software.constructs.IConstruct;

/** What {@link JavaFunction} adds to every function of the app, on a bare stack of its own. */
class JavaFunctionTest {

    @Test
    void inTheVpcThePolicyIsTheOwnStatementsThenTheNetworkInterfacesThenTheTableKey() {
        Stack stack = stack();
        Network network = new Network(stack, "Network", new NetworkProps(0, RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY));
        Table table = Table.Builder.create(stack, "Table").partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED).build();
        Construct owner = new Construct(stack, "Owner");
        JavaFunction function = new JavaFunction(owner, JavaFunction.ID, props()
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
    void itsIdAddsNothingToTheLogicalIdsOfWhatItOwnsThoughItIsInTheirPath() {
        Stack stack = stack();
        JavaFunction function = new JavaFunction(new Construct(stack, "Owner"), JavaFunction.ID, props().snapStart().build());
        Construct ownerWithoutTheLevel = new Construct(stack(), "Owner");

        for (IConstruct child : List.of(function.logs(), function.role(), function.function(), function.alias().orElseThrow())) {
            CfnElement ownersOwnChild = new CfnResource(new Construct(ownerWithoutTheLevel, child.getNode().getId()), "Resource",
                    CfnResourceProps.builder().type("Test::Resource").build());
            assertEquals(logicalId(ownersOwnChild), logicalId((CfnElement) child.getNode().getDefaultChild()), child.getNode().getPath());
        }
        assertEquals("Test/Owner/Default/Role", function.role().getNode().getPath());
    }

    @Test
    void outsideTheVpcThereAreNoNetworkStatementsAndNothingToAcknowledge() {
        Stack stack = stack();
        JavaFunction function = new JavaFunction(stack, JavaFunction.ID, props().build());

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
        JavaFunction function = new JavaFunction(stack, JavaFunction.ID, props().snapStart().build());

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", JavaFunction.LIVE_ALIAS,
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FunctionCurrentVersion"), "Version"))));
        assertTrue(function.alias().isPresent());
    }

    @Test
    void aSettingWithoutADefaultIsRefusedByName() {
        IllegalArgumentException noHandler = assertThrows(IllegalArgumentException.class,
                () -> JavaFunctionProps.builder().description("d").memorySize(128).timeout(Duration.seconds(3))
                        .logs(RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY).role("r", "Test", logs -> List.of()).build());
        assertEquals("JavaFunctionProps.handler is required", noHandler.getMessage());
        IllegalArgumentException noMemory = assertThrows(IllegalArgumentException.class,
                () -> props().memorySize(0).build());
        assertEquals("JavaFunctionProps.memorySize must be set (MB), got 0", noMemory.getMessage());
    }

    /** Tests never build the Lambda jar (as in TestApps): the asset is only fingerprinted. */
    private static Stack stack() {
        return new Stack(new App(AppProps.builder().context(Map.of("aws:cdk:bundling-stacks", List.of())).build()), "Test");
    }

    private static JavaFunctionProps.Builder props() {
        return JavaFunctionProps.builder()
                .description("a test function")
                .handler("com.example.Handler::handleRequest")
                .memorySize(512)
                .timeout(Duration.seconds(10))
                .logs(RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY)
                .role("a test role", "Test", logs -> List.of(InlinePolicies.writeOwnLogs(logs)));
    }

    private static String logicalId(CfnElement element) {
        Stack stack = Stack.of(element);
        return (String) stack.resolve(stack.getLogicalId(element));
    }

    private static List<String> acknowledgedRules(JavaFunction function) {
        return function.role().getNode().getMetadata().stream()
                .filter(entry -> Validations.ACKNOWLEDGED_RULES_METADATA_KEY.equals(entry.getType()))
                .flatMap(entry -> ((Map<?, ?>) entry.getData()).keySet().stream().map(String::valueOf))
                .toList();
    }
}
