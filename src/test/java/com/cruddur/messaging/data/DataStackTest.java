package com.cruddur.messaging.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The messages table of SPEC §1 on each stage, asserted on the synthesized CloudFormation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataStackTest {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final Map<String, Object> PROVISIONED_5_5 = Map.of("ReadCapacityUnits", 5, "WriteCapacityUnits", 5);

    private final StageStacks dev = SynthesizedStages.stacks("dev");
    private final StageStacks prod = SynthesizedStages.stacks("prod");
    private final Template devTemplate = SynthesizedStages.template(dev.data());
    private final Template prodTemplate = SynthesizedStages.template(prod.data());

    @Test
    void stackNameCarriesTheStage() {
        assertEquals("Cruddur-dev-Data", dev.data().getStackName());
        assertEquals("Cruddur-prod-Data", prod.data().getStackName());
    }

    @Test
    void tableHasTheStageSettingsName() {
        devTemplate.hasResourceProperties(TABLE, Map.of("TableName", "cruddur-dev-messages"));
    }

    @Test
    void tableNameIsAStageSetting() {
        Template template = Template.fromStack(TestApps.compose("dev", Map.of("tableName", "cruddur-messages-test")).data());
        template.hasResourceProperties(TABLE, Map.of("TableName", "cruddur-messages-test"));
        template.hasOutput("MessagesTableName", Map.of("Value", Map.of("Ref", onlyTableLogicalId(template))));
    }

    @Test
    void keysArePkHashAndSkRangeBothStrings() {
        devTemplate.hasResourceProperties(TABLE, Map.of(
                "KeySchema", List.of(
                        Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                "AttributeDefinitions", List.of(
                        Map.of("AttributeName", "pk", "AttributeType", "S"),
                        Map.of("AttributeName", "sk", "AttributeType", "S"),
                        Map.of("AttributeName", "message_group_uuid", "AttributeType", "S"))));
    }

    @Test
    void messageGroupIndexIsMessageGroupUuidHashSkRangeProjectingAll() {
        devTemplate.hasResourceProperties(TABLE, Map.of("GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of(
                "IndexName", "message-group-sk-index",
                "KeySchema", List.of(
                        Map.of("AttributeName", "message_group_uuid", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL"))))));
    }

    @Test
    void streamCarriesNewImagesOnly() {
        devTemplate.hasResourceProperties(TABLE, Map.of("StreamSpecification", Map.of("StreamViewType", "NEW_IMAGE")));
    }

    @Test
    void devIsProvisionedFiveByFiveOnTableAndIndex() {
        devTemplate.hasResourceProperties(TABLE, Map.of(
                "ProvisionedThroughput", PROVISIONED_5_5,
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of("ProvisionedThroughput", PROVISIONED_5_5)))));
    }

    @Test
    void templateDeploysTheFloorOfEachRange() {
        Template template = Template.fromStack(TestApps.compose("dev", Map.of("billing", Map.of(
                "mode", "PROVISIONED",
                "table", Map.of("read", Map.of("min", 10, "max", 20), "write", Map.of("min", 4, "max", 8)),
                "index", Map.of("read", Map.of("min", 3, "max", 6), "write", Map.of("min", 2, "max", 4)),
                "targetUtilizationPercent", 70))).data());
        template.hasResourceProperties(TABLE, Map.of(
                "ProvisionedThroughput", Map.of("ReadCapacityUnits", 10, "WriteCapacityUnits", 4),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of(
                        "ProvisionedThroughput", Map.of("ReadCapacityUnits", 3, "WriteCapacityUnits", 2))))));
    }

    @Test
    void onDemandStageHasNoCapacityAnywhere() {
        Template template = Template.fromStack(TestApps.compose("dev", Map.of("billing", Map.of("mode", "ON_DEMAND"))).data());
        template.hasResourceProperties(TABLE, Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "ProvisionedThroughput", Match.absent(),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of("ProvisionedThroughput", Match.absent())))));
    }

    @Test
    void tableIsEncryptedWithTheAwsManagedKeyByDefault() {
        devTemplate.hasResourceProperties(TABLE, Map.of("SSESpecification", Map.of("SSEEnabled", true)));
    }

    @Test
    void tableIsEncryptedWithTheConfiguredCustomerManagedKey() {
        String keyArn = "arn:aws:kms:eu-west-1:123456789012:key/0b3c6e1e-1d2f-4c5a-9b8e-7f6a5d4c3b2a";
        Template template = Template.fromStack(TestApps.compose("prod", Map.of("encryptionKeyArn", keyArn)).data());
        template.hasResourceProperties(TABLE, Map.of("SSESpecification", Map.of(
                "SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", keyArn)));
    }

    @Test
    void stageWithRealDataRetainsAndProtectsTheTable() {
        prodTemplate.hasResource(TABLE, Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "DeletionProtectionEnabled", true,
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)))));
    }

    @Test
    void stageWithoutRealDataCanBeTornDown() {
        devTemplate.hasResource(TABLE, Map.of(
                "DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of(
                        "DeletionProtectionEnabled", false,
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", false)))));
    }

    @Test
    void stageWithRealDataHasTerminationProtectionOnEveryStack() {
        prod.all().forEach(stack -> assertTrue(stack.getTerminationProtection(), stack.getStackName()));
        dev.all().forEach(stack -> assertFalse(stack.getTerminationProtection(), stack.getStackName()));
    }

    @Test
    void tableNameIsAnOutputForConsumers() {
        devTemplate.hasOutput("MessagesTableName", Map.of("Value", Map.of("Ref", onlyTableLogicalId(devTemplate))));
    }

    private static String onlyTableLogicalId(Template template) {
        Map<String, Map<String, Object>> tables = template.findResources(TABLE);
        assertEquals(1, tables.size(), "exactly one table");
        return tables.keySet().iterator().next();
    }
}
