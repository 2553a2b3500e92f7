package com.cruddur.messaging.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.cruddur.messaging.backend.BackendFirewall;
import com.cruddur.messaging.backend.BackendService;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.function.JavaFunction;
import com.cruddur.messaging.stream.StreamProcessorFunction;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancerMetrics;
import software.constructs.Construct;

/**
 * The stage's CloudWatch dashboard ({@code cruddur-<stage>}, issue 14): one row each for the message flow through
 * the stream processor (pattern E), the messages table and its index {@value MessagesTable#MESSAGE_GROUP_INDEX}, the
 * backend-flask service and, where the stage has one, the web application firewall on its load balancer. It reads
 * metrics only; the alarms stay with the constructs they watch.
 *
 * <p>Records in and conversations refreshed come from the processor's {@code batch_processed} log line
 * ({@link BatchLogMetrics}); everything else is a metric AWS publishes. Capacity is graphed per second on both
 * sides: CloudWatch publishes consumed units as a sum per period and provisioned units as a rate, so the consumed
 * sum is divided by its period to be comparable. On-demand tables publish no provisioned metrics, so those lines
 * stay empty there.
 */
public final class StageDashboard extends Construct {

    /** One minute: what the stream processor's alarms evaluate, so a graph shows what an alarm saw. */
    static final Duration PERIOD = Duration.minutes(1);
    static final String CONTAINER_INSIGHTS = "ECS/ContainerInsights";
    static final String WAF = "AWS/WAFV2";
    /** The {@code Rule} dimension value under which WAF publishes a web ACL's totals. */
    static final String ALL_RULES = "ALL";

    private static final int FULL_WIDTH = 24;
    private static final int GRAPH_HEIGHT = 6;

    private final Dashboard dashboard;
    private final String dashboardName;

    public StageDashboard(Construct scope, String id, StageDashboardProps props) {
        super(scope, id);
        this.dashboardName = props.dashboardName();
        BatchLogMetrics batches = new BatchLogMetrics(this, "BatchMetrics",
                props.streamProcessor().function().getLogGroup(), props.metricNamespace());
        List<List<? extends IWidget>> rows = new ArrayList<>(List.of(
                heading("Message flow: stream processor " + JavaFunction.LIVE_ALIAS + " alias (pattern E)"),
                messageFlow(props.streamProcessor(), batches),
                heading("Messages table and index " + MessagesTable.MESSAGE_GROUP_INDEX),
                capacity(props.messagesTable().tableName()),
                List.of(throttles(props.messagesTable().tableName())),
                heading("Backend: backend-flask behind its load balancer"),
                backend(props.backend())));
        props.firewall().ifPresent(firewall -> {
            rows.add(heading("Web application firewall: web ACL " + firewall.webAclName() + " on the load balancer"));
            // A regional web ACL's metrics carry the Region dimension: the stage's region (AWS::Region where it has none).
            rows.add(firewall(firewall.webAclName(), Stack.of(this).getRegion()));
        });
        this.dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(props.dashboardName())
                .defaultInterval(Duration.hours(3))
                .widgets(rows)
                .build();
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    /** The dashboard's name as configured: a plain string, for the console URL. */
    public String dashboardName() {
        return dashboardName;
    }

    private static List<IWidget> heading(String text) {
        return List.of(TextWidget.Builder.create().markdown("### " + text).width(FULL_WIDTH).height(1).build());
    }

    private static List<IWidget> messageFlow(StreamProcessorFunction processor, BatchLogMetrics batches) {
        var function = processor.function();
        return List.of(
                graph("Invocations, records in, conversations refreshed", 8,
                        List.of(function.metricInvocations(sum("invocations")), batches.recordsIn(PERIOD),
                                batches.conversationsRefreshed(PERIOD)),
                        List.of()),
                graph("Failures: errors, failed records, parked batches", 8,
                        List.of(function.metricErrors(sum("invocation errors")), batches.recordsFailed(PERIOD)),
                        List.of(parkedBatches(processor))),
                graph("Propagation lag: IteratorAge (max, ms)", 8,
                        List.of(function.metric("IteratorAge", MetricOptions.builder()
                                .statistic("Maximum").period(PERIOD).label("iterator age").build())),
                        List.of()));
    }

    /** Every object the event source mapping parks is one PUT, counted by the bucket's request-metrics filter. */
    private static IMetric parkedBatches(StreamProcessorFunction processor) {
        return Metric.Builder.create()
                .namespace("AWS/S3")
                .metricName("PutRequests")
                .dimensionsMap(Map.of("BucketName", processor.failedBatches().getBucketName(),
                        "FilterId", StreamProcessorFunction.PARKED_METRICS))
                .statistic("Sum")
                .period(PERIOD)
                .label("batches parked")
                .build();
    }

    private static List<IWidget> capacity(String tableName) {
        Map<String, String> table = Map.of("TableName", tableName);
        Map<String, String> index = Map.of("TableName", tableName, "GlobalSecondaryIndexName", MessagesTable.MESSAGE_GROUP_INDEX);
        return List.of(
                capacityGraph("Table read capacity (units/s)", table, "Read"),
                capacityGraph("Table write capacity (units/s)", table, "Write"),
                capacityGraph("Index " + MessagesTable.MESSAGE_GROUP_INDEX + " read capacity (units/s)", index, "Read"),
                capacityGraph("Index " + MessagesTable.MESSAGE_GROUP_INDEX + " write capacity (units/s)", index, "Write"));
    }

    /** Consumed{Read|Write}CapacityUnits per second against Provisioned{Read|Write}CapacityUnits. */
    private static IWidget capacityGraph(String title, Map<String, String> dimensions, String readOrWrite) {
        Metric consumed = dynamoDb("Consumed" + readOrWrite + "CapacityUnits", dimensions, "Sum", "consumed");
        IMetric consumedPerSecond = MathExpression.Builder.create()
                .expression("consumed / PERIOD(consumed)")
                .usingMetrics(Map.of("consumed", consumed))
                .period(PERIOD)
                .label("consumed")
                .build();
        return graph(title, 6, List.of(consumedPerSecond,
                dynamoDb("Provisioned" + readOrWrite + "CapacityUnits", dimensions, "Average", "provisioned")), List.of());
    }

    private static IWidget throttles(String tableName) {
        Map<String, String> table = Map.of("TableName", tableName);
        Map<String, String> index = Map.of("TableName", tableName, "GlobalSecondaryIndexName", MessagesTable.MESSAGE_GROUP_INDEX);
        return graph("Throttle events: table and index", FULL_WIDTH, List.of(
                dynamoDb("ReadThrottleEvents", table, "Sum", "table reads"),
                dynamoDb("WriteThrottleEvents", table, "Sum", "table writes"),
                dynamoDb("ReadThrottleEvents", index, "Sum", "index reads"),
                dynamoDb("WriteThrottleEvents", index, "Sum", "index writes")), List.of());
    }

    private static Metric dynamoDb(String metricName, Map<String, String> dimensions, String statistic, String label) {
        return Metric.Builder.create()
                .namespace("AWS/DynamoDB")
                .metricName(metricName)
                .dimensionsMap(dimensions)
                .statistic(statistic)
                .period(PERIOD)
                .label(label)
                .build();
    }

    private static List<IWidget> backend(BackendService backend) {
        IApplicationLoadBalancerMetrics loadBalancer = backend.loadBalancer().getMetrics();
        Map<String, String> service = Map.of(
                "ClusterName", backend.cluster().getClusterName(),
                "ServiceName", backend.service().getServiceName());
        return List.of(
                graph("Requests and 5XX (load balancer, target)", 8,
                        List.of(loadBalancer.requestCount(sum("requests"))),
                        List.of(loadBalancer.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum("target 5XX")),
                                loadBalancer.httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum("load balancer 5XX")))),
                graph("Target response time p99 (s)", 8,
                        List.of(loadBalancer.targetResponseTime(MetricOptions.builder()
                                .statistic("p99").period(PERIOD).label("p99").build())),
                        List.of()),
                // Container Insights (enabled on the cluster) publishes both counts; the service's own metrics do not.
                graph("backend-flask tasks: running vs desired", 8, List.of(
                        containerInsights("RunningTaskCount", service, "running"),
                        containerInsights("DesiredTaskCount", service, "desired")), List.of()));
    }

    /**
     * What the web ACL let through and what it stopped ({@code Rule} = {@value #ALL_RULES}), and which of its rules
     * stopped it: {@code AWS/WAFV2} metrics with the dimensions {@code Region}, {@code Rule} and {@code WebACL} (the web
     * ACL's metric name), once a minute.
     */
    private static List<IWidget> firewall(String webAcl, String region) {
        List<IMetric> perRule = BackendFirewall.RULES.stream()
                .<IMetric>map(rule -> waf("BlockedRequests", webAcl, rule, region, rule))
                .toList();
        return List.of(
                graph("Requests allowed vs blocked (web ACL)", 12, List.of(
                        waf("AllowedRequests", webAcl, ALL_RULES, region, "allowed"),
                        waf("BlockedRequests", webAcl, ALL_RULES, region, "blocked")), List.of()),
                graph("Blocked requests per rule", 12, perRule, List.of()));
    }

    private static Metric waf(String metricName, String webAcl, String rule, String region, String label) {
        // Sorted: the dashboard body is part of the template, and Map.of iterates in a per-JVM order.
        Map<String, String> dimensions = new TreeMap<>(Map.of("WebACL", webAcl, "Rule", rule, "Region", region));
        return Metric.Builder.create()
                .namespace(WAF)
                .metricName(metricName)
                .dimensionsMap(dimensions)
                .statistic("Sum")
                .period(PERIOD)
                .label(label)
                .build();
    }

    private static Metric containerInsights(String metricName, Map<String, String> service, String label) {
        return Metric.Builder.create()
                .namespace(CONTAINER_INSIGHTS)
                .metricName(metricName)
                .dimensionsMap(service)
                .statistic("Average")
                .period(PERIOD)
                .label(label)
                .build();
    }

    private static MetricOptions sum(String label) {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).label(label).build();
    }

    private static IWidget graph(String title, int width, List<IMetric> left, List<IMetric> right) {
        return GraphWidget.Builder.create()
                .title(title)
                .width(width)
                .height(GRAPH_HEIGHT)
                .left(left)
                .right(right)
                .build();
    }
}
