package com.cruddur.messaging.operations;

import java.util.Optional;

import com.cruddur.messaging.backend.BackendFirewall;
import com.cruddur.messaging.backend.BackendService;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.stream.StreamProcessorFunction;

/**
 * Settings of {@link StageDashboard}: the name it is shown under and the constructs whose metrics it graphs. The
 * constructs live in other stacks; every reference the dashboard makes to them is a weak cross-stack reference.
 *
 * @param dashboardName   the dashboard's physical name ({@code StageNames.dashboard}, {@code cruddur-<stage>})
 * @param metricNamespace where the stream processor's log metrics go ({@code StageNames.metricNamespace}), one per stage
 *                        so that two stages in one account never add up
 * @param streamProcessor the function, its log group and its failed-batches bucket
 * @param messagesTable   the table and its index {@value MessagesTable#MESSAGE_GROUP_INDEX}
 * @param backend         the load balancer, the ECS cluster and the backend-flask service
 * @param firewall        the web ACL on the load balancer, where the stage has one: graphed by its name, which is a plain
 *                        string ({@code StageNames.backendFirewall}), so it adds no reference to the Backend stack
 */
public record StageDashboardProps(
        String dashboardName,
        String metricNamespace,
        StreamProcessorFunction streamProcessor,
        MessagesTable messagesTable,
        BackendService backend,
        Optional<BackendFirewall> firewall) {
}
