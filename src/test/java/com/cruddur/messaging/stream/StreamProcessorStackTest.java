package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The stream processor's infrastructure (SPEC §3, §5), asserted on the synthesized CloudFormation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamProcessorStackTest {

    private final StageStacks dev = SynthesizedStages.stacks("dev");
    private final Template devTemplate = SynthesizedStages.template(dev.streamProcessor());
    private final Template prodTemplate = SynthesizedStages.template("prod", StageStacks::streamProcessor);

    @Test
    void functionIsTheJavaProcessorOnArm64WithTheNewestJavaRuntime() {
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "cruddur-dev-messaging-stream",
                "Runtime", "java25",
                "Architectures", List.of("arm64"),
                "Handler", "com.cruddur.messaging.stream.StreamProcessor::handleRequest"));
    }

    @Test
    void tableNameIsTheOnlyEnvironmentVariableAndComesFromTheTable() {
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Map.of(
                "DDB_MESSAGE_TABLE", Map.of("Fn::GetStackOutput", Match.objectLike(Map.of(
                        "StackName", "Cruddur-dev-Data", "OutputName", Match.stringLikeRegexp("RefMessagesTable"))))))));
    }

    @Test
    void snapStartIsOnAndTheStreamFeedsThePublishedAlias() {
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of("SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        devTemplate.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live",
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FunctionCurrentVersion"), "Version"))));
        Capture target = new Capture();
        devTemplate.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("FunctionName", target));
        assertEquals(true, toJson(target.asObject()).contains(":live"), "mapping targets the alias: " + toJson(target.asObject()));
    }

    @Test
    void functionRunsInTheWorkloadSubnetsOfTheNetwork() {
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of("VpcConfig", Map.of(
                "SubnetIds", List.of(
                        Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("StackName", "Cruddur-dev-Network",
                                "OutputName", Match.stringLikeRegexp("workloadSubnet1")))),
                        Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("StackName", "Cruddur-dev-Network",
                                "OutputName", Match.stringLikeRegexp("workloadSubnet2"))))),
                "SecurityGroupIds", List.of(Match.anyValue()))));
    }

    @Test
    void securityGroupAllowsOnlyHttpsToTheDynamoDbPrefixList() {
        devTemplate.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupEgress", Match.absent(),
                "SecurityGroupIngress", Match.absent()));
        devTemplate.resourceCountIs("AWS::EC2::SecurityGroupEgress", 1);
        devTemplate.hasResourceProperties("AWS::EC2::SecurityGroupEgress", Map.of(
                "IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
                "DestinationPrefixListId", Map.of("Fn::GetStackOutput", Match.objectLike(Map.of(
                        "StackName", "Cruddur-dev-Network", "OutputName", Match.stringLikeRegexp("DynamoDbPrefixList"))))));
        devTemplate.resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
    }

    @Test
    void roleHasOneInlinePolicyAndNoManagedOrAttachedPolicies() {
        devTemplate.resourceCountIs("AWS::IAM::Policy", 0);
        devTemplate.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
        devTemplate.hasResourceProperties("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", Match.absent(),
                "Policies", List.of(Match.objectLike(Map.of("PolicyName", "StreamProcessor")))));
    }

    @Test
    void inlinePolicyGrantsExactlyWhatTheProcessorNeeds() {
        Capture statements = new Capture();
        devTemplate.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of(
                "PolicyName", "StreamProcessor", "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", statements)))));
        String json = toJson(statements.asArray());
        assertEquals(List.of(
                "ReadConversationRows [dynamodb:Query]",
                "MoveConversationRows [dynamodb:PartiQLDelete, dynamodb:PartiQLInsert, dynamodb:PartiQLUpdate, dynamodb:PutItem]",
                "ReadTableStream [dynamodb:DescribeStream, dynamodb:GetRecords, dynamodb:GetShardIterator]",
                "ListTableStreams [dynamodb:ListStreams]",
                "WriteOwnLogs [logs:CreateLogStream, logs:PutLogEvents]",
                "ParkFailedBatches [s3:PutObject]",
                "ListParkedBatches [s3:ListBucket]",
                "CreateNetworkInterfaces [ec2:CreateNetworkInterface]",
                "ManageNetworkInterfaces [ec2:AssignPrivateIpAddresses, ec2:DeleteNetworkInterface, ec2:UnassignPrivateIpAddresses]",
                "DescribeNetwork [ec2:DescribeNetworkInterfaces, ec2:DescribeSubnets]"),
                statements.asArray().stream().map(StreamProcessorStackTest::sidAndActions).toList(), json);
    }

    @Test
    void networkInterfacesAreCreatedOnlyInTheWorkloadSubnetsWithTheFunctionsOwnSecurityGroup() {
        assertStatement(prodTemplate, "CreateNetworkInterfaces", Map.of("Effect", "Allow", "Action", "ec2:CreateNetworkInterface",
                "Resource", List.of(
                        PROD_EC2 + "network-interface/*",
                        join(PROD_EC2 + "security-group/", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("StreamProcessorSecurityGroup"),
                                "GroupId"))),
                        join(PROD_EC2 + "subnet/", Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("StackName", "Cruddur-prod-Network",
                                "OutputName", Match.stringLikeRegexp("workloadSubnet1"))))),
                        join(PROD_EC2 + "subnet/", Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("StackName", "Cruddur-prod-Network",
                                "OutputName", Match.stringLikeRegexp("workloadSubnet2"))))))));
    }

    @Test
    void onlyNetworkInterfacesOfThisAccountAndRegionMayBeDeletedOrReaddressed() {
        assertStatement(prodTemplate, "ManageNetworkInterfaces", Map.of("Effect", "Allow",
                "Action", List.of("ec2:AssignPrivateIpAddresses", "ec2:DeleteNetworkInterface", "ec2:UnassignPrivateIpAddresses"),
                "Resource", PROD_EC2 + "network-interface/*"));
    }

    @Test
    void onlyTheDescribeActionsAreOnEveryResource() {
        assertStatement(devTemplate, "DescribeNetwork", Map.of("Effect", "Allow",
                "Action", List.of("ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"), "Resource", "*"));
    }

    /** The ARN prefix of EC2 resources in prod's account and region. */
    private static final String PROD_EC2 = "arn:aws:ec2:us-east-1:210987654321:";

    private static Map<String, Object> join(String prefix, Object token) {
        return Map.of("Fn::Join", List.of("", List.of(prefix, token)));
    }

    @Test
    void rowsAreReadFromTheTableAndTheMessageGroupIndexOnly() {
        Object tableArn = Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("MessagesTable.*Arn"))));
        assertStatement(devTemplate, "ReadConversationRows", Map.of(
                "Effect", "Allow",
                "Action", "dynamodb:Query",
                "Resource", List.of(tableArn, Map.of("Fn::Join", List.of("", List.of(tableArn, "/index/message-group-sk-index"))))));
    }

    @Test
    void rowsAreWrittenInTheTableOnlyWithTheStatementsThatMoveThem() {
        Object tableArn = Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("MessagesTable.*Arn"))));
        assertStatement(devTemplate, "MoveConversationRows", Map.of(
                "Effect", "Allow",
                "Action", List.of("dynamodb:PartiQLDelete", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PutItem"),
                "Resource", tableArn));
    }

    @Test
    void failedBatchesAreWrittenToTheObjectsOfTheirOwnBucketOnly() {
        Map<String, Object> bucketArn = Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("StreamProcessorFailedBatches"), "Arn"));
        assertStatement(devTemplate, "ParkFailedBatches", Map.of("Resource", Map.of("Fn::Join", List.of("", List.of(bucketArn, "/*")))));
        assertStatement(devTemplate, "ListParkedBatches", Map.of("Resource", bucketArn));
    }

    @Test
    void streamIsReadOnlyFromThisTablesStream() {
        assertStatement(devTemplate, "ReadTableStream", Map.of("Resource", Map.of("Fn::GetStackOutput",
                Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("MessagesTable.*StreamArn"))))));
        assertStatement(devTemplate, "ListTableStreams", Map.of("Resource", Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":dynamodb:", Map.of("Ref", "AWS::Region"), ":",
                Map.of("Ref", "AWS::AccountId"), ":table/cruddur-dev-messages/stream/*")))));
    }

    @Test
    void customerManagedTableKeyAddsExactlyTheKmsActionsOnThatKey() {
        String keyArn = "arn:aws:kms:eu-west-1:123456789012:key/0b3c6e1e-1d2f-4c5a-9b8e-7f6a5d4c3b2a";
        Template template = Template.fromStack(TestApps.compose("prod", Map.of("encryptionKeyArn", keyArn)).streamProcessor());
        assertStatement(template, "UseTableKey", Map.of("Effect", "Allow",
                "Action", List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"),
                "Resource", keyArn));
    }

    @Test
    void mappingOnlyDeliversMessageInsertsEditsAndDeletionsSoOwnRowWritesNeverInvokeIt() throws JsonProcessingException {
        Capture changes = new Capture();
        Capture deletions = new Capture();
        devTemplate.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "FilterCriteria", Map.of("Filters", List.of(Map.of("Pattern", changes), Map.of("Pattern", deletions)))));
        assertEquals(Map.of("eventName", List.of("INSERT", "MODIFY"),
                        "dynamodb", Map.of("NewImage", Map.of("pk", Map.of("S", List.of(Map.of("prefix", "MSG#")))))),
                new ObjectMapper().readValue(changes.asString(), Map.class));
        assertEquals(Map.of("eventName", List.of("REMOVE"),
                        "dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", List.of(Map.of("prefix", "MSG#")))))),
                new ObjectMapper().readValue(deletions.asString(), Map.class), "a REMOVE carries only its keys");
    }

    @Test
    void mappingReportsItemFailuresBisectsRetriesBoundedlyAndParksFailuresWithTheirRecordsInTheBucket() {
        devTemplate.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "BisectBatchOnFunctionError", true,
                "StartingPosition", "TRIM_HORIZON",
                "MaximumRetryAttempts", 3,
                "MaximumRecordAgeInSeconds", 3600,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FailedBatches"), "Arn")))),
                "EventSourceArn", Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("StreamArn"))))));
    }

    @Test
    void batchSizeWindowRetriesAndRecordAgeAreStageSettings() {
        devTemplate.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 100, "MaximumBatchingWindowInSeconds", 0, "MaximumRetryAttempts", 3, "MaximumRecordAgeInSeconds", 3600));
        prodTemplate.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 100, "MaximumBatchingWindowInSeconds", 0, "MaximumRetryAttempts", 10,
                "MaximumRecordAgeInSeconds", 86400));
    }

    @Test
    void failedBatchesBucketIsEncryptedPrivateAndRefusesPlainHttp() {
        devTemplate.resourceCountIs("AWS::SQS::Queue", 0);
        devTemplate.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of("ServerSideEncryptionByDefault",
                        Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))));
        devTemplate.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of("Statement", List.of(
                Match.objectLike(Map.of("Effect", "Deny", "Action", "s3:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void parkedBatchesExpireAfterTheStageRetentionAndOutliveTheStackWhereTheStageHoldsRealData() {
        devTemplate.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration",
                Map.of("Rules", List.of(Map.of("ExpirationInDays", 14, "Status", "Enabled")))));
        prodTemplate.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration",
                Map.of("Rules", List.of(Map.of("ExpirationInDays", 365, "Status", "Enabled")))));
        devTemplate.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Delete"));
        prodTemplate.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void failedBatchesBucketAndTheAliasThatReplaysThemAreStackOutputs() {
        devTemplate.hasOutput("FailedBatchesBucketName", Map.of("Value", Map.of("Ref", Match.stringLikeRegexp("StreamProcessorFailedBatches"))));
        devTemplate.hasOutput("StreamProcessorAliasArn", Map.of("Value", Map.of("Ref", Match.stringLikeRegexp("StreamProcessorAlias"))));
    }

    @Test
    void alarmsWatchParkedBatchesIteratorAgeErrorsAndDurationNearTheTimeout() {
        devTemplate.resourceCountIs("AWS::CloudWatch::Alarm", 4);
        devTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "Duration", "Namespace", "AWS/Lambda",
                "Statistic", "Maximum", "Threshold", 24000));
        devTemplate.hasResourceProperties("AWS::S3::Bucket", Map.of("MetricsConfigurations", List.of(Map.of("Id", "parked-batches"))));
        devTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "PutRequests", "Namespace", "AWS/S3",
                "Dimensions", Match.arrayWith(List.of(Map.of("Name", "FilterId", "Value", "parked-batches"))),
                "Statistic", "Sum", "Threshold", 0, "ComparisonOperator", "GreaterThanThreshold"));
        devTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "IteratorAge",
                "Namespace", "AWS/Lambda", "Threshold", 300000));
        devTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "Errors",
                "Namespace", "AWS/Lambda", "Threshold", 0));
        devTemplate.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", Match.absent()));
    }

    @Test
    void alarmsNotifyTheConfiguredTopic() {
        String topic = "arn:aws:sns:eu-west-1:123456789012:cruddur-alarms";
        Template template = Template.fromStack(TestApps.compose("prod", Map.of("alarmTopicArn", topic)).streamProcessor());
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(topic)));
    }

    @Test
    void logsAreKeptForTheStageRetention() {
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of("LoggingConfig", Map.of("LogGroup",
                Map.of("Ref", Match.stringLikeRegexp("StreamProcessorLogs")))));
        devTemplate.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7));
        prodTemplate.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
    }

    /** The inline policy statement {@code sid} matches {@code expected} (Match patterns allowed). */
    @SuppressWarnings("unchecked")
    private static void assertStatement(Template template, String sid, Map<String, Object> expected) {
        Map<String, Object> role = template.findResources("AWS::IAM::Role").values().iterator().next();
        List<Map<String, Object>> policies = (List<Map<String, Object>>) ((Map<String, Object>) role.get("Properties")).get("Policies");
        List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) policies.get(0).get("PolicyDocument")).get("Statement");
        Map<String, Object> statement = statements.stream().filter(candidate -> sid.equals(candidate.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + toJson(statements)));
        Template.fromJSON(Map.of("Resources", Map.of("Statement", Map.of("Type", "Test::Statement", "Properties", statement))))
                .hasResourceProperties("Test::Statement", expected);
    }

    @Test
    void lambdaAssetHashIsTheFingerprintOfItsSourcesSoTheSameSourcesGiveTheSameHash() {
        Capture first = new Capture();
        Capture second = new Capture();
        devTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of("Code", Map.of("S3Bucket", Match.anyValue(), "S3Key", first)));
        // A second synth of its own, not the shared one: the same sources must give the same hash in another app.
        Template.fromStack(TestApps.compose("dev").streamProcessor())
                .hasResourceProperties("AWS::Lambda::Function", Map.of("Code", Map.of("S3Bucket", Match.anyValue(), "S3Key", second)));
        assertEquals(first.asString(), second.asString());
        assertEquals(true, first.asString().matches("[0-9a-f]{64}\\.zip"), first.asString());
    }

    @SuppressWarnings("unchecked")
    private static String sidAndActions(Object statement) {
        Map<String, Object> map = (Map<String, Object>) statement;
        Object actions = map.get("Action");
        return map.get("Sid") + " " + (actions instanceof List<?> list ? list : List.of(actions));
    }

    private static String toJson(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
