package com.cruddur.messaging.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The seed custom resource (SPEC §5) on each stage. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedDataStackTest {

    private final StageStacks dev = SynthesizedStages.stacks("dev");
    private final Template devTemplate = SynthesizedStages.template(dev.seed().orElseThrow());

    @Test
    void devSeedsAndProdDoesNot() {
        assertEquals("Cruddur-dev-Seed", dev.seed().orElseThrow().getStackName());
        assertTrue(SynthesizedStages.stacks("prod").seed().isEmpty());
    }

    @Test
    void seedIsAStageSetting() {
        assertTrue(TestApps.compose("prod", Map.of("seedData", true)).seed().isPresent());
        assertTrue(TestApps.compose("dev", Map.of("seedData", false)).seed().isEmpty());
    }

    @Test
    void customResourceCarriesTheReferenceConversationByDefault() {
        devTemplate.hasResourceProperties("Custom::CruddurSeedConversation", Map.of(
                "MessageGroupUuid", "5ae290ed-55d1-47a0-bc6d-fe2bc2700399",
                "FirstUserHandle", "yaya2devops",
                "SecondUserHandle", "bayko",
                "TableName", Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("StackName", "Cruddur-dev-Data"))),
                "ServiceToken", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ProviderframeworkonEvent"), "Arn"))));
    }

    @Test
    void conversationAndUsersAreStageSettings() {
        Template template = Template.fromStack(TestApps.compose("dev", Map.of("seedConversation", Map.of(
                "messageGroupUuid", "6be290ed-55d1-47a0-bc6d-fe2bc2700399",
                "secondUser", Map.of("uuid", "a1b2c3d4-0000-4000-8000-000000000003", "displayName", "Lore", "handle", "lore"))))
                .seed().orElseThrow());
        template.hasResourceProperties("Custom::CruddurSeedConversation", Map.of(
                "MessageGroupUuid", "6be290ed-55d1-47a0-bc6d-fe2bc2700399", "FirstUserHandle", "yaya2devops", "SecondUserHandle", "lore"));
    }

    @Test
    void usersGivenByHandleCarryOnlyTheirHandlesAndTheSecretToLookThemUpWith() {
        Template template = Template.fromStack(TestApps.compose("dev", Map.of("seedConversation", BY_HANDLE)).seed().orElseThrow());
        template.hasResourceProperties("Custom::CruddurSeedConversation", Map.of(
                "FirstUserHandle", "yaya2devops", "SecondUserHandle", "bayko",
                "FirstUserUuid", Match.absent(), "FirstUserDisplayName", Match.absent(), "SecondUserUuid", Match.absent(),
                "ConnectionUrlParameter", "/cruddur/dev/backend-flask/CONNECTION_URL"));
        template.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of("PolicyName", "SeedLoader",
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Map.of("Sid", "ReadConnectionUrl", "Effect", "Allow",
                        "Action", "ssm:GetParameter", "Resource", Match.anyValue()))), "Version", "2012-10-17")))));
    }

    @Test
    void aLoaderThatReadsPostgresRunsOutsideTheVpcWhereNoNatReachesSsmOrTheDatabase() {
        Template template = Template.fromStack(TestApps.compose("dev", Map.of("seedConversation", BY_HANDLE)).seed().orElseThrow());
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", "com.cruddur.messaging.seed.SeedHandler::handleRequest",
                "VpcConfig", Match.absent()));
        template.resourceCountIs("AWS::EC2::SecurityGroup", 0);
    }

    @Test
    void withANatGatewayTheLoaderStaysInTheVpcAndMayReachSsmAndTheDatabaseToo() {
        Template template = Template.fromStack(TestApps.compose("prod", Map.of("seedData", true, "seedConversation", BY_HANDLE))
                .seed().orElseThrow());
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("VpcConfig", Match.objectLike(Map.of())));
        template.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupEgress", Match.arrayWith(List.of(
                Map.of("CidrIp", "0.0.0.0/0", "Description", "SSM (CONNECTION_URL) through the NAT gateway", "FromPort", 443,
                        "IpProtocol", "tcp", "ToPort", 443)))));
        template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("GroupId", "sg-0a1b2c3d4e5f60718", "FromPort", 5432));
    }

    @Test
    void usersGivenInFullNeedNeitherSsmNorPostgres() {
        devTemplate.hasResourceProperties("Custom::CruddurSeedConversation", Map.of("ConnectionUrlParameter", Match.absent()));
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of("VpcConfig", Match.objectLike(Map.of())));
    }

    private static final Map<String, Object> BY_HANDLE = Map.of(
            "firstUser", Map.of("handle", "yaya2devops"), "secondUser", Map.of("handle", "bayko"));

    @Test
    void providerFrameworkInvokesTheJavaLoader() {
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.cruddur.messaging.seed.SeedHandler::handleRequest", "Runtime", "java25", "Architectures", List.of("arm64")));
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "framework.onEvent",
                "Environment", Map.of("Variables", Map.of("USER_ON_EVENT_FUNCTION_ARN",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SeedDataLoader"), "Arn"))))));
    }

    @Test
    void theProviderFrameworkMayOnlyInvokeTheLoaderAndWriteItsOwnLogs() {
        devTemplate.hasResourceProperties("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", Match.absent(),
                "Policies", List.of(Map.of("PolicyName", "ProviderFramework", "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Sid", "WriteOwnLogs", "Effect", "Allow", "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SeedDataProviderLogs"), "Arn"))),
                        // The framework invokes the loader's unqualified ARN, and waits with GetFunction if it is not active yet.
                        Map.of("Sid", "InvokeLoader", "Effect", "Allow", "Action", List.of("lambda:GetFunction", "lambda:InvokeFunction"),
                                "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SeedDataLoader"), "Arn")))))))));
    }

    @Test
    void theProviderFrameworkRunsWithThatRoleAndNothingIsAddedToIt() {
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", "framework.onEvent",
                "Role", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SeedDataProviderRole"), "Arn")),
                "LoggingConfig", Match.objectLike(Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("SeedDataProviderLogs"))))));
        devTemplate.resourceCountIs("AWS::IAM::Policy", 0);
        devTemplate.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
    }

    @Test
    void loaderRunsInTheWorkloadSubnetsWithDynamoDbOnlyEgress() {
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.cruddur.messaging.seed.SeedHandler::handleRequest",
                "VpcConfig", Map.of("SubnetIds", List.of(
                        Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("workloadSubnet1")))),
                        Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("workloadSubnet2"))))),
                        "SecurityGroupIds", List.of(Match.anyValue()))));
        devTemplate.resourceCountIs("AWS::EC2::SecurityGroupEgress", 1);
        devTemplate.hasResourceProperties("AWS::EC2::SecurityGroupEgress", Map.of("FromPort", 443, "ToPort", 443, "IpProtocol", "tcp",
                "DestinationPrefixListId", Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("DynamoDbPrefixList"))))));
    }

    @Test
    void loaderMayOnlyBatchWriteAndQueryTheTable() {
        devTemplate.hasResourceProperties("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", Match.absent(),
                "Policies", List.of(Map.of("PolicyName", "SeedLoader", "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Sid", "LoadAndRemoveSeed", "Effect", "Allow", "Action", List.of("dynamodb:BatchWriteItem", "dynamodb:Query"),
                                "Resource", Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("MessagesTable.*Arn"))))),
                        Match.objectLike(Map.of("Sid", "WriteOwnLogs", "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"))),
                        Match.objectLike(Map.of("Sid", "CreateNetworkInterfaces", "Action", "ec2:CreateNetworkInterface")),
                        Match.objectLike(Map.of("Sid", "ManageNetworkInterfaces")),
                        Map.of("Sid", "DescribeNetwork", "Effect", "Allow", "Action", List.of("ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"),
                                "Resource", "*")))))));
    }

    @Test
    void seedIsDeployedAfterTheStreamProcessor() {
        assertTrue(dev.seed().orElseThrow().getDependencies().contains(dev.streamProcessor()));
    }
}
