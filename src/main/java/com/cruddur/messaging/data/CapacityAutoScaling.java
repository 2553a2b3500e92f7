package com.cruddur.messaging.data;

import software.amazon.awscdk.services.dynamodb.EnableScalingProps;
import software.amazon.awscdk.services.dynamodb.IScalableTableAttribute;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.UtilizationScalingProps;

import com.cruddur.messaging.config.TableBilling;

/**
 * Target-tracking auto scaling of the table's and the index's read and write capacity: four
 * Application Auto Scaling targets, each with one policy on DynamoDB's utilization metric. Application
 * Auto Scaling acts through its DynamoDB service-linked role, so no role of ours is involved.
 */
final class CapacityAutoScaling {

    private CapacityAutoScaling() {
    }

    static void apply(Table table, String indexName, TableBilling.Provisioned billing) {
        int target = billing.targetUtilizationPercent();
        track(table.autoScaleReadCapacity(range(billing.table().read())), target);
        track(table.autoScaleWriteCapacity(range(billing.table().write())), target);
        track(table.autoScaleGlobalSecondaryIndexReadCapacity(indexName, range(billing.index().read())), target);
        track(table.autoScaleGlobalSecondaryIndexWriteCapacity(indexName, range(billing.index().write())), target);
    }

    private static EnableScalingProps range(TableBilling.CapacityRange range) {
        return EnableScalingProps.builder().minCapacity(range.min()).maxCapacity(range.max()).build();
    }

    private static void track(IScalableTableAttribute attribute, int targetUtilizationPercent) {
        attribute.scaleOnUtilization(UtilizationScalingProps.builder().targetUtilizationPercent(targetUtilizationPercent).build());
    }
}
