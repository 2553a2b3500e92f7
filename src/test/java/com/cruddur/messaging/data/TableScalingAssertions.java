package com.cruddur.messaging.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import com.cruddur.messaging.config.TableBilling;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What one auto-scaled capacity dimension of the table or its index looks like in the template. */
final class TableScalingAssertions {

    static final String SCALABLE_TARGET = "AWS::ApplicationAutoScaling::ScalableTarget";
    static final String SCALING_POLICY = "AWS::ApplicationAutoScaling::ScalingPolicy";

    /** A capacity dimension: its Application Auto Scaling name, the suffix of its resource id, its metric and the stage's range. */
    record Dimension(String scalableDimension, String resourceIdSuffix, String predefinedMetric, TableBilling.CapacityRange range) {

        static List<Dimension> of(TableBilling.Provisioned billing) {
            String index = "/index/" + MessagesTable.MESSAGE_GROUP_INDEX;
            return List.of(
                    new Dimension("dynamodb:table:ReadCapacityUnits", "", "DynamoDBReadCapacityUtilization", billing.table().read()),
                    new Dimension("dynamodb:table:WriteCapacityUnits", "", "DynamoDBWriteCapacityUtilization", billing.table().write()),
                    new Dimension("dynamodb:index:ReadCapacityUnits", index, "DynamoDBReadCapacityUtilization", billing.index().read()),
                    new Dimension("dynamodb:index:WriteCapacityUnits", index, "DynamoDBWriteCapacityUtilization", billing.index().write()));
        }
    }

    private TableScalingAssertions() {
    }

    /** The logical id of the one scalable target of {@code dimension}, on the table (or its index), with exactly the range. */
    static String scalableTarget(Template template, String tableLogicalId, Dimension dimension) {
        Map<String, Map<String, Object>> targets = template.findResources(SCALABLE_TARGET, Map.of("Properties", Match.objectLike(Map.of(
                "ServiceNamespace", "dynamodb",
                "ScalableDimension", dimension.scalableDimension(),
                "ResourceId", Map.of("Fn::Join", List.of("", resourceIdParts(tableLogicalId, dimension))),
                "MinCapacity", dimension.range().min(),
                "MaxCapacity", dimension.range().max()))));
        assertEquals(1, targets.size(), "one scalable target " + dimension);
        return targets.keySet().iterator().next();
    }

    /** Exactly one target-tracking policy on {@code targetLogicalId}, on the dimension's utilization metric, aiming at the target. */
    static void hasTargetTracking(Template template, String targetLogicalId, Dimension dimension, int targetUtilizationPercent) {
        Map<String, Map<String, Object>> policies = template.findResources(SCALING_POLICY, Map.of("Properties", Match.objectLike(Map.of(
                "PolicyType", "TargetTrackingScaling",
                "ScalingTargetId", Map.of("Ref", targetLogicalId),
                "TargetTrackingScalingPolicyConfiguration", Map.of(
                        "TargetValue", targetUtilizationPercent,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", dimension.predefinedMetric()))))));
        assertEquals(1, policies.size(), "one target-tracking policy " + dimension);
    }

    private static List<Object> resourceIdParts(String tableLogicalId, Dimension dimension) {
        return dimension.resourceIdSuffix().isEmpty()
                ? List.of("table/", Map.of("Ref", tableLogicalId))
                : List.of("table/", Map.of("Ref", tableLogicalId), dimension.resourceIdSuffix());
    }
}
