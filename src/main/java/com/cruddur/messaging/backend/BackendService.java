package com.cruddur.messaging.backend;

import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.constructs.Construct;

/**
 * The existing {@code backend-flask} container on ECS Fargate behind an internet-facing Application
 * Load Balancer (SPEC §5). The task reaches DynamoDB with its task role through the VPC's gateway
 * endpoint; its one secret, {@code CONNECTION_URL}, is injected by ECS from SSM Parameter Store; it
 * never gets {@code AWS_ENDPOINT_URL} or access keys.
 *
 * <p>Traffic is internet → load balancer on 80 (and 443 with a certificate) → tasks on 4567 only. The
 * tasks' own egress is HTTPS (ECR, SSM, CloudWatch Logs, Cognito's signing keys; DynamoDB through the
 * gateway endpoint) and, where the stage names its database network, Postgres on 5432.
 *
 * <p>Its parts live in {@link BackendLoadBalancer}, {@link BackendTasks} and {@link BackendSecurityGroups}. They are not
 * constructs of their own: each creates its resources in this construct's scope, in the order below, so every resource
 * keeps its construct path and so its logical id (a construct level per part would rename them, and a resource with a
 * fixed name, such as the cluster, would then fail to deploy as a replacement).
 */
public final class BackendService extends Construct {

    public static final String CONTAINER_NAME = "backend-flask";
    public static final int CONTAINER_PORT = 4567;
    public static final String HEALTH_CHECK_PATH = "/api/health-check";

    private final Cluster cluster;
    private final FargateTaskDefinition taskDefinition;
    private final FargateService service;
    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;
    private final String url;

    public BackendService(Construct scope, String id, BackendServiceProps props) {
        super(scope, id);
        this.cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName(clusterName(props.stageName()))
                .vpc(props.network().vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        BackendLoadBalancer entrance = new BackendLoadBalancer(this, props);
        this.loadBalancer = entrance.loadBalancer();
        this.url = entrance.url();
        this.taskDefinition = BackendTasks.definition(this, props, url);
        SecurityGroup tasks = BackendSecurityGroups.forTasks(this, props.network().vpc(), props.settings().database(),
                entrance.securityGroup());
        this.service = BackendTasks.service(this, props, cluster, taskDefinition, tasks);
        this.targetGroup = entrance.forwardTo(service);
        entrance.logAccess();
    }

    public Cluster cluster() {
        return cluster;
    }

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public FargateService service() {
        return service;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** The load balancer's own URL (its DNS name), http or https as the stage serves. */
    public String url() {
        return url;
    }

    /** {@code cruddur-<stage>}. */
    static String clusterName(String stageName) {
        return "cruddur-" + stageName;
    }
}
