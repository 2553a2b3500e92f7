package com.cruddur.messaging.signup;

import java.util.List;
import java.util.Map;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Sign-up creates the user (issue 17): the post-confirmation trigger, as the Auth stack deploys it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignUpTriggerTest {

    private final Template dev = SynthesizedStages.template("dev", StageStacks::auth);
    private final Template prod = SynthesizedStages.template("prod", StageStacks::auth);

    @Test
    void thePoolsPostConfirmationTriggerIsTheJavaFunctionsPublishedAlias() {
        dev.hasResourceProperties("AWS::Cognito::UserPool", Map.of("LambdaConfig",
                Map.of("PostConfirmation", Map.of("Ref", Match.stringLikeRegexp("SignUpAlias")))));
        dev.hasResourceProperties("AWS::Lambda::Permission", Map.of("Action", "lambda:InvokeFunction",
                "Principal", "cognito-idp.amazonaws.com", "FunctionName", Map.of("Ref", Match.stringLikeRegexp("SignUpAlias")),
                "SourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AuthUserPool"), "Arn"))));
        dev.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
    }

    @Test
    void theFunctionRunsWithinCognitosFiveSecondsAndIsToldWhereConnectionUrlIs() {
        dev.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "cruddur-dev-signup",
                "Handler", "com.cruddur.messaging.signup.PostConfirmationHandler::handleRequest",
                "Runtime", "java25", "Architectures", List.of("arm64"), "Timeout", 5,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Environment", Map.of("Variables", Map.of("CONNECTION_URL_PARAMETER", "/cruddur/dev/backend-flask/CONNECTION_URL"))));
    }

    @Test
    void itMayReadTheOneParameterAndWriteItsOwnLogsAndNothingElse() {
        Map<String, Object> policy = Map.of("PolicyName", "SignUpTrigger", "PolicyDocument", Map.of("Statement", List.of(
                Map.of("Sid", "WriteOwnLogs", "Effect", "Allow", "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SignUpLogs"), "Arn"))),
                Map.of("Sid", "ReadConnectionUrl", "Effect", "Allow", "Action", "ssm:GetParameter",
                        "Resource", "arn:aws:ssm:us-east-1:210987654321:parameter/cruddur/backend-flask/CONNECTION_URL"),
                Match.objectLike(Map.of("Sid", "CreateNetworkInterfaces", "Action", "ec2:CreateNetworkInterface")),
                Match.objectLike(Map.of("Sid", "ManageNetworkInterfaces", "Resource", "arn:aws:ec2:us-east-1:210987654321:network-interface/*")),
                Map.of("Sid", "DescribeNetwork", "Effect", "Allow", "Action", List.of("ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"),
                        "Resource", "*")), "Version", "2012-10-17"));
        prod.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(policy), "ManagedPolicyArns", Match.absent()));
    }

    @Test
    void onAStageWithNatItRunsInTheWorkloadSubnetsReachingSsmAndTheDatabaseOnly() {
        prod.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "cruddur-prod-signup", "VpcConfig", Match.objectLike(Map.of())));
        prod.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupEgress", List.of(Map.of("CidrIp", "0.0.0.0/0",
                "Description", "SSM (CONNECTION_URL) through the NAT gateway", "FromPort", 443, "IpProtocol", "tcp", "ToPort", 443))));
        prod.hasResourceProperties("AWS::EC2::SecurityGroupEgress", Map.of("DestinationSecurityGroupId", "sg-0a1b2c3d4e5f60718",
                "FromPort", 5432, "ToPort", 5432, "IpProtocol", "tcp"));
        prod.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("GroupId", "sg-0a1b2c3d4e5f60718",
                "FromPort", 5432, "ToPort", 5432, "IpProtocol", "tcp",
                "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SignUpSecurityGroup"), "GroupId"))));
    }

    @Test
    void withoutNatItRunsOutsideTheVpcSinceIsolatedSubnetsReachNeitherSsmNorAnOutsideDatabase() {
        dev.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "cruddur-dev-signup", "VpcConfig", Match.absent()));
        dev.resourceCountIs("AWS::EC2::SecurityGroup", 0);
    }

    @Test
    void alarmsWatchUsersNotCreatedErrorsAndDurationNearTheLimit() {
        dev.resourceCountIs("AWS::CloudWatch::Alarm", 3);
        dev.hasResourceProperties("AWS::Logs::MetricFilter", Map.of("FilterPattern", "{ $.event = \"signup_user_not_created\" }"));
        dev.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "UsersNotCreated", "Namespace", "Cruddur/dev/Messaging",
                "Threshold", 0));
        dev.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "Errors", "Namespace", "AWS/Lambda", "Threshold", 0));
        dev.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "Duration", "Threshold", 4000));
        String topic = "arn:aws:sns:us-east-1:210987654321:cruddur-alarms";
        Template.fromStack(TestApps.compose("prod", Map.of("alarmTopicArn", topic)).auth())
                .allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(topic)));
    }

    @Test
    void aStageMayTurnItOff() {
        Template off = Template.fromStack(TestApps.compose("dev", Map.of("auth", Map.of("threatProtection", "OFF", "accessTokenMinutes", 60,
                "idTokenMinutes", 60, "refreshTokenDays", 30, "signUpTrigger", false))).auth());
        off.resourceCountIs("AWS::Lambda::Function", 0);
        off.hasResourceProperties("AWS::Cognito::UserPool", Map.of("LambdaConfig", Match.absent()));
    }
}
