package com.cruddur.messaging.backend;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.cruddur.messaging.config.BackendSettings;
import com.cruddur.messaging.network.Network;
import com.cruddur.messaging.config.BackendSettings.TaskPlacement;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AppProtocol;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Protocol;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.ssm.SecureStringParameterAttributes;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.amazon.awscdk.services.ssm.StringParameter;
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
 */
public final class BackendService extends Construct {

    public static final String CONTAINER_NAME = "backend-flask";
    public static final int CONTAINER_PORT = 4567;
    public static final String HEALTH_CHECK_PATH = "/api/health-check";
    /** The image's Python standard library only: no curl or wget needed in the image. */
    static final String CONTAINER_HEALTH_CHECK = "python3 -c \"import urllib.request; urllib.request.urlopen("
            + "'http://localhost:" + CONTAINER_PORT + HEALTH_CHECK_PATH + "', timeout=3)\" || exit 1";
    static final Duration HEALTH_CHECK_GRACE = Duration.seconds(60);
    static final Duration DEREGISTRATION_DELAY = Duration.seconds(30);

    private final Cluster cluster;
    private final FargateTaskDefinition taskDefinition;
    private final FargateService service;
    private final ApplicationLoadBalancer loadBalancer;
    private final Role executionRole;
    private final ApplicationTargetGroup targetGroup;
    private final String url;

    public BackendService(Construct scope, String id, BackendServiceProps props) {
        super(scope, id);
        BackendSettings settings = props.settings();
        RemovalPolicy removalPolicy = props.holdsRealData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        this.cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName(clusterName(props.stageName()))
                .vpc(props.network().vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        this.loadBalancer = loadBalancer(props);
        this.url = (settings.https() ? "https://" : "http://") + loadBalancer.getLoadBalancerDnsName();

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(props.logRetention())
                .removalPolicy(removalPolicy)
                .build();
        IRepository repository = Repository.fromRepositoryName(this, "Repository", settings.imageRepository());
        IStringParameter connectionUrl = StringParameter.fromSecureStringParameterAttributes(this, "ConnectionUrl",
                SecureStringParameterAttributes.builder().parameterName(settings.connectionUrlParameter()).build());
        this.executionRole = Role.Builder.create(this, "ExecutionRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("backend-flask task start: pull its image, write its logs, read CONNECTION_URL")
                .inlinePolicies(Map.of("StartTask", BackendExecutionPolicy.document(repository, logs, connectionUrl)))
                .build();
        this.taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
                .family("cruddur-" + props.stageName() + "-backend-flask")
                .cpu(settings.cpu())
                .memoryLimitMiB(settings.memoryMiB())
                .runtimePlatform(RuntimePlatform.builder()
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .cpuArchitecture(settings.cpuArchitecture() == BackendSettings.CpuArchitecture.ARM64
                                ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64)
                        .build())
                // Every statement is written out above; what CDK would grant on its own (image pull, logs, a broader
                // SSM read) is dropped rather than merged.
                .executionRole(executionRole.withoutPolicyUpdates())
                .taskRole(Role.Builder.create(this, "TaskRole")
                        .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                        .description("backend-flask: messages table access only")
                        .inlinePolicies(Map.of("MessagesTable", BackendTaskPolicy.document(props.messagesTable().table())))
                        .build())
                .build();
        taskDefinition.addContainer("Container", ContainerDefinitionOptions.builder()
                .containerName(CONTAINER_NAME)
                // A digest renders as REPOSITORY@sha256:..., a tag as REPOSITORY:TAG (CDK's tagOrDigest).
                .image(ContainerImage.fromEcrRepository(repository, settings.image().tagOrDigest()))
                .essential(true)
                .portMappings(List.of(PortMapping.builder()
                        .name(CONTAINER_NAME).containerPort(CONTAINER_PORT).protocol(Protocol.TCP).appProtocol(AppProtocol.getHttp()).build()))
                .environment(environment(props))
                .secrets(Map.of("CONNECTION_URL", Secret.fromSsmParameter(connectionUrl)))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(CONTAINER_NAME).build()))
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", CONTAINER_HEALTH_CHECK))
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .retries(3)
                        .startPeriod(HEALTH_CHECK_GRACE)
                        .build())
                .build());

        SecurityGroup serviceSecurityGroup = serviceSecurityGroup(props);
        boolean publicPlacement = settings.placement() == TaskPlacement.PUBLIC_SUBNETS;
        this.service = FargateService.Builder.create(this, "Service")
                .serviceName(CONTAINER_NAME)
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(settings.desiredCount())
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .healthCheckGracePeriod(HEALTH_CHECK_GRACE)
                .vpcSubnets(publicPlacement ? props.network().publicSubnets() : props.network().workloadSubnets())
                .assignPublicIp(publicPlacement)
                .securityGroups(List.of(serviceSecurityGroup))
                .build();
        service.autoScaleTaskCount(EnableScalingProps.builder().minCapacity(settings.minCount()).maxCapacity(settings.maxCount()).build())
                .scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder().targetUtilizationPercent(settings.targetCpuPercent()).build());

        this.targetGroup = listener(settings).addTargets("Service", AddApplicationTargetsProps.builder()
                .protocol(ApplicationProtocol.HTTP)
                .port(CONTAINER_PORT)
                .targets(List.of(service.loadBalancerTarget(LoadBalancerTargetOptions.builder()
                        .containerName(CONTAINER_NAME).containerPort(CONTAINER_PORT).build())))
                .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                        .path(HEALTH_CHECK_PATH)
                        .port(String.valueOf(CONTAINER_PORT))
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .deregistrationDelay(DEREGISTRATION_DELAY)
                .build());
        settings.accessLogDays().ifPresent(days -> loadBalancer.logAccessLogs(accessLogBucket(days), "backend-flask"));
        acknowledgeFindings(settings, props.holdsRealData());
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

    private Map<String, String> environment(BackendServiceProps props) {
        // Sorted: the order of a container's environment is part of the template (deterministic synth).
        Map<String, String> environment = new TreeMap<>();
        environment.put("AWS_DEFAULT_REGION", Stack.of(this).getRegion());
        environment.put("AWS_COGNITO_USER_POOL_ID", props.userPool().getUserPoolId());
        environment.put("AWS_COGNITO_USER_POOL_CLIENT_ID", props.webClient().getUserPoolClientId());
        environment.put("DDB_MESSAGE_TABLE", props.messagesTable().table().getTableName());
        environment.put("FRONTEND_URL", props.settings().frontendUrl());
        environment.put("BACKEND_URL", props.settings().backendUrl().orElse(url));
        return environment;
    }

    private ApplicationLoadBalancer loadBalancer(BackendServiceProps props) {
        SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
                .vpc(props.network().vpc())
                .description("backend-flask load balancer: HTTP(S) from the internet, 4567 to the tasks only")
                .allowAllOutbound(false)
                .build();
        return ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(props.network().vpc())
                .vpcSubnets(props.network().publicSubnets())
                .internetFacing(true)
                .securityGroup(securityGroup)
                .dropInvalidHeaderFields(true)
                .deletionProtection(props.holdsRealData())
                .build();
    }

    private SecurityGroup serviceSecurityGroup(BackendServiceProps props) {
        SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "ServiceSecurityGroup")
                .vpc(props.network().vpc())
                .description("backend-flask tasks: 4567 from the load balancer; HTTPS and Postgres out")
                .allowAllOutbound(false)
                .build();
        securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443),
                "HTTPS to ECR, SSM, CloudWatch Logs and Cognito; DynamoDB goes through the gateway endpoint");
        Network.allowDatabase(this, securityGroup, props.settings().database(), "backend-flask tasks");
        securityGroup.addIngressRule(loadBalancer.getConnections().getSecurityGroups().get(0), Port.tcp(CONTAINER_PORT),
                "backend-flask from its load balancer");
        loadBalancer.getConnections().getSecurityGroups().get(0).addEgressRule(securityGroup, Port.tcp(CONTAINER_PORT),
                "backend-flask tasks");
        return securityGroup;
    }

    /** HTTPS with HTTP redirected to it when the stage has a certificate; plain HTTP on 80 otherwise. */
    private ApplicationListener listener(BackendSettings settings) {
        Optional<String> certificateArn = settings.certificateArn();
        if (certificateArn.isEmpty()) {
            return loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                    .protocol(ApplicationProtocol.HTTP).port(80).open(true).build());
        }
        loadBalancer.addRedirect();
        return loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .protocol(ApplicationProtocol.HTTPS)
                .port(443)
                .certificates(List.of(ListenerCertificate.fromArn(certificateArn.get())))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .open(true)
                .build());
    }

    /** {@code cruddur-<stage>}. */
    static String clusterName(String stageName) {
        return "cruddur-" + stageName;
    }

    private Bucket accessLogBucket(int days) {
        Bucket bucket = Bucket.Builder.create(this, "AccessLogs")
                // ALB access logs support SSE-S3 only (not SSE-KMS).
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(days)).build()))
                // Logs outlive the stack: a non-empty bucket would fail the delete, and the logs are evidence.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Validations.of(bucket).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-S1")
                .reason("This bucket only receives the load balancer's access logs; logging the access to those logs would need a"
                        + " second log bucket with the same finding.")
                .build());
        return bucket;
    }

    private void acknowledgeFindings(BackendSettings settings, boolean holdsRealData) {
        Validations.of(loadBalancer.getConnections().getSecurityGroups().get(0)).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-EC23")
                .reason("An internet-facing load balancer: its security group admits anyone on the listener ports"
                        + (settings.https() ? " 80 (redirect) and 443" : " 80") + " and nothing else.")
                .build());
        // Only a stage without real data may go without access logs: config validation requires accessLogDays on the others.
        if (!holdsRealData && settings.accessLogDays().isEmpty()) {
            Validations.of(loadBalancer).acknowledge(Acknowledgment.builder()
                    .id("AwsSolutions-ELB2")
                    .reason("This stage holds no real data (holdsRealData=false) and sets no backend.accessLogDays, so its load"
                            + " balancer keeps no access logs: its requests are test traffic, and the logs would be a cost without a"
                            + " reader. A stage holding real data cannot omit accessLogDays (config validation refuses it).")
                    .build());
        }
        Validations.of(taskDefinition).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-ECS2")
                .reason("The environment holds configuration only (region, Cognito ids, table name, URLs); the one secret,"
                        + " CONNECTION_URL, is injected by ECS from an SSM SecureString.")
                .build());
        Validations.of(executionRole).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-IAM5[Resource::*]")
                .reason("ecr:GetAuthorizationToken, which pulling any ECR image needs, supports no resource-level permissions;"
                        + " the pull actions themselves are scoped to the one repository.")
                .build());
    }
}
