package com.cruddur.messaging.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.config.TableBilling;
import com.cruddur.messaging.data.TableScalingAssertions.Dimension;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Each stage's table capacity as its billing setting says: four target-tracked ranges when provisioned, none on demand. */
class TableScalingTest {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String SERVICE_LINKED_ROLE =
            ":role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";

    static List<String> stages() {
        return TestApps.declaredStages();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void provisionedStageScalesEachCapacityWithinItsRange(String stage) {
        StageStacks stacks = SynthesizedStages.stacks(stage);
        TableBilling.Provisioned billing = provisioned(stacks);
        Template template = SynthesizedStages.template(stacks.data());
        for (Dimension dimension : Dimension.of(billing)) {
            TableScalingAssertions.scalableTarget(template, tableLogicalId(template), dimension);
        }
        template.resourceCountIs(TableScalingAssertions.SCALABLE_TARGET, 4);
    }

    @ParameterizedTest
    @MethodSource("stages")
    void provisionedStageTracksTheTargetUtilizationOnEachCapacity(String stage) {
        StageStacks stacks = SynthesizedStages.stacks(stage);
        TableBilling.Provisioned billing = provisioned(stacks);
        Template template = SynthesizedStages.template(stacks.data());
        for (Dimension dimension : Dimension.of(billing)) {
            String target = TableScalingAssertions.scalableTarget(template, tableLogicalId(template), dimension);
            TableScalingAssertions.hasTargetTracking(template, target, dimension, billing.targetUtilizationPercent());
        }
        template.resourceCountIs(TableScalingAssertions.SCALING_POLICY, 4);
    }

    @ParameterizedTest
    @MethodSource("stages")
    void provisionedStageDeploysEachFloor(String stage) {
        StageStacks stacks = SynthesizedStages.stacks(stage);
        TableBilling.Provisioned billing = provisioned(stacks);
        SynthesizedStages.template(stacks.data()).hasResourceProperties(TABLE, Map.of(
                "ProvisionedThroughput", Map.of(
                        "ReadCapacityUnits", billing.table().read().min(), "WriteCapacityUnits", billing.table().write().min()),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of("ProvisionedThroughput", Map.of(
                        "ReadCapacityUnits", billing.index().read().min(), "WriteCapacityUnits", billing.index().write().min()))))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void scalingActsThroughTheServiceLinkedRoleAndCreatesNoRole(String stage) {
        StageStacks stacks = SynthesizedStages.stacks(stage);
        provisioned(stacks);
        Template template = SynthesizedStages.template(stacks.data());
        template.findResources(TableScalingAssertions.SCALABLE_TARGET).values().forEach(target -> {
            String role = String.valueOf(((Map<?, ?>) target.get("Properties")).get("RoleARN"));
            assertTrue(role.contains(SERVICE_LINKED_ROLE), role);
        });
        template.resourceCountIs("AWS::IAM::Role", 0);
        template.resourceCountIs("AWS::IAM::Policy", 0);
    }

    @ParameterizedTest
    @MethodSource("stages")
    void onDemandStageHasNoScalingEvenWhereCdkJsonProvisions(String stage) {
        Template template = Template.fromStack(TestApps.compose(stage, Map.of("billing", Map.of("mode", "ON_DEMAND"))).data());
        template.resourceCountIs(TableScalingAssertions.SCALABLE_TARGET, 0);
        template.resourceCountIs(TableScalingAssertions.SCALING_POLICY, 0);
    }

    /** The stage's billing; a stage that is on demand in cdk.json has nothing to scale, which the on-demand test covers. */
    private static TableBilling.Provisioned provisioned(StageStacks stacks) {
        Assumptions.assumeTrue(stacks.config().billing() instanceof TableBilling.Provisioned, "stage is on demand");
        return (TableBilling.Provisioned) stacks.config().billing();
    }

    private static String tableLogicalId(Template template) {
        Map<String, Map<String, Object>> tables = template.findResources(TABLE);
        assertEquals(1, tables.size(), "exactly one table");
        return tables.keySet().iterator().next();
    }
}
