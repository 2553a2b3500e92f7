package com.cruddur.messaging.backend;

import java.util.Map;
import java.util.TreeMap;

import com.cruddur.messaging.alarms.StageAlarm;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.constructs.Construct;

/**
 * The backend's alarms: what a person must hear about when messages pages fail or slow down. Thresholds and reasons are
 * in README (Operations); every alarm notifies the stage's topic through {@code alarms.AlarmsNotify}.
 */
public final class BackendAlarms extends Construct {

    /** More than this share of requests answered 5xx by the tasks, over two 5-minute periods. */
    static final double SERVER_ERROR_PERCENT = 5;
    /** p99 of the tasks' response time above this, over two 5-minute periods. */
    static final Duration P99_LATENCY = Duration.seconds(1);

    public BackendAlarms(Construct scope, String id, BackendService backend) {
        super(scope, id);
        Duration fiveMinutes = Duration.minutes(5);
        IMetric errors = backend.loadBalancer().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT,
                MetricOptions.builder().statistic("Sum").period(fiveMinutes).build());
        IMetric requests = backend.loadBalancer().getMetrics().requestCount(MetricOptions.builder().statistic("Sum").period(fiveMinutes).build());
        StageAlarm.above(this, "ServerErrorRate", "More than " + (int) SERVER_ERROR_PERCENT + " % of backend-flask's answers are 5xx: read its logs"
                        + " (Postgres, Cognito keys, DynamoDB).",
                MathExpression.Builder.create().expression("IF(requests > 0, 100 * errors / requests, 0)")
                        .usingMetrics(new TreeMap<>(Map.of("errors", errors, "requests", requests))).period(fiveMinutes).label("5xx %").build(),
                SERVER_ERROR_PERCENT, 2);
        StageAlarm.above(this, "UnhealthyTargets", "The load balancer finds a backend task unhealthy (GET /api/health-check failing).",
                backend.targetGroup().getMetrics().unhealthyHostCount(MetricOptions.builder().statistic("Maximum")
                        .period(Duration.minutes(1)).build()),
                0, 3);
        StageAlarm.above(this, "LatencyP99", "The slowest 1 % of backend requests take over " + P99_LATENCY.toSeconds() + " s.",
                backend.loadBalancer().getMetrics().targetResponseTime(MetricOptions.builder().statistic("p99").period(fiveMinutes).build()),
                P99_LATENCY.toSeconds().doubleValue(), 2);
        // Sorted maps: Map.of iterates in a per-JVM random order, which would make the template differ between synths.
        Map<String, String> service = new TreeMap<>(Map.of("ClusterName", backend.cluster().getClusterName(),
                "ServiceName", backend.service().getServiceName()));
        StageAlarm.above(this, "RunningBelowDesired", "Fewer backend tasks run than ECS wants, for 15 minutes (tasks failing to start or crashing).",
                MathExpression.Builder.create().expression("desired - running")
                        .usingMetrics(new TreeMap<>(Map.of("desired", containerInsights("DesiredTaskCount", service, fiveMinutes),
                                "running", containerInsights("RunningTaskCount", service, fiveMinutes))))
                        .period(fiveMinutes).label("tasks missing").build(),
                0, 3);
    }

    private static Metric containerInsights(String name, Map<String, String> service, Duration period) {
        return Metric.Builder.create().namespace("ECS/ContainerInsights").metricName(name).dimensionsMap(service)
                .statistic("Average").period(period).build();
    }
}
