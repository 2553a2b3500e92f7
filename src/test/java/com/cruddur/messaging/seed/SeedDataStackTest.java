package com.cruddur.messaging.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The seed custom resource (SPEC §5) on each stage. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedDataStackTest {

    private final StageStacks dev = TestApps.compose("dev");
    private final Template devTemplate = Template.fromStack(dev.seed().orElseThrow());

    @Test
    void devSeedsAndProdDoesNot() {
        assertEquals("Cruddur-dev-Seed", dev.seed().orElseThrow().getStackName());
        assertTrue(TestApps.compose("prod").seed().isEmpty());
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
    void providerFrameworkInvokesTheJavaLoader() {
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.cruddur.messaging.seed.SeedHandler::handleRequest", "Runtime", "java25", "Architectures", List.of("arm64")));
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "framework.onEvent",
                "Environment", Map.of("Variables", Map.of("USER_ON_EVENT_FUNCTION_ARN",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SeedDataLoader"), "Arn"))))));
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
                        Match.objectLike(Map.of("Sid", "AttachToVpc", "Resource", "*"))))))));
    }

    @Test
    void seedIsDeployedAfterTheStreamProcessor() {
        assertTrue(dev.seed().orElseThrow().getDependencies().contains(dev.streamProcessor()));
    }
}
