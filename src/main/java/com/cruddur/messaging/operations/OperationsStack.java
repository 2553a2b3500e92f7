package com.cruddur.messaging.operations;

import java.util.Optional;

import com.cruddur.messaging.backend.BackendFirewall;
import com.cruddur.messaging.backend.BackendService;
import com.cruddur.messaging.config.StageConfig;
import com.cruddur.messaging.config.StageNames;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.stream.StreamProcessorFunction;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * {@code Cruddur-<stage>-Operations}: the stage's {@link StageDashboard}. Created last, because it only reads the
 * other stacks' resources; deleting or replacing it never touches them.
 */
public final class OperationsStack extends Stack {

    public static final String DASHBOARD_URL_OUTPUT = "DashboardUrl";

    private final StageDashboard dashboard;

    public OperationsStack(Construct scope, StageConfig config, StackProps props,
                           StreamProcessorFunction streamProcessor, MessagesTable messagesTable, BackendService backend,
                           Optional<BackendFirewall> firewall) {
        super(scope, config.stackName("Operations"), props);
        this.dashboard = new StageDashboard(this, "Dashboard", new StageDashboardProps(
                StageNames.dashboard(config.name()),
                StageNames.metricNamespace(config.name()),
                streamProcessor,
                messagesTable,
                backend,
                firewall));
        // getRegion() is the stage's region, or the AWS::Region token for an environment-agnostic stage.
        String region = getRegion();
        CfnOutput.Builder.create(this, DASHBOARD_URL_OUTPUT)
                .description("The stage's CloudWatch dashboard in the console")
                .value("https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                        + "#dashboards:name=" + dashboard.dashboardName())
                .build();
    }

    public StageDashboard dashboard() {
        return dashboard;
    }
}
