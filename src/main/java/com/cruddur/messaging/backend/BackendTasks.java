package com.cruddur.messaging.backend;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.cruddur.messaging.config.BackendSettings;
import com.cruddur.messaging.config.BackendSettings.TaskPlacement;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AppProtocol;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Protocol;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.amazon.awscdk.services.ssm.SecureStringParameterAttributes;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * What runs backend-flask on Fargate (SPEC §5): the task definition (the container with its image, port, health check,
 * environment and {@code CONNECTION_URL} secret; its log group; the execution and task roles with their inline
 * policies) and the service that keeps the tasks running, rolls a failed deployment back and scales on CPU.
 *
 * <p>Not a construct: everything is created in {@link BackendService}'s own scope, so it keeps the service's construct
 * paths and logical ids.
 */
final class BackendTasks {

    /** The image's Python standard library only: no curl or wget needed in the image. */
    static final String CONTAINER_HEALTH_CHECK = "python3 -c \"import urllib.request; urllib.request.urlopen("
            + "'http://localhost:" + BackendService.CONTAINER_PORT + BackendService.HEALTH_CHECK_PATH + "', timeout=3)\" || exit 1";
    static final Duration HEALTH_CHECK_GRACE = Duration.seconds(60);

    private BackendTasks() {
    }

    /** The task definition, its container and roles; {@code url} is the load balancer's, the default {@code BACKEND_URL}. */
    static FargateTaskDefinition definition(Construct scope, BackendServiceProps props, String url) {
        BackendSettings settings = props.settings();
        LogGroup logs = LogGroup.Builder.create(scope, "Logs")
                .retention(props.logRetention())
                .removalPolicy(props.holdsRealData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        IRepository repository = Repository.fromRepositoryName(scope, "Repository", settings.imageRepository());
        IStringParameter connectionUrl = StringParameter.fromSecureStringParameterAttributes(scope, "ConnectionUrl",
                SecureStringParameterAttributes.builder().parameterName(settings.connectionUrlParameter()).build());
        Role executionRole = Role.Builder.create(scope, "ExecutionRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("backend-flask task start: pull its image, write its logs, read CONNECTION_URL")
                .inlinePolicies(Map.of("StartTask", BackendExecutionPolicy.document(repository, logs, connectionUrl)))
                .build();
        Role taskRole = Role.Builder.create(scope, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("backend-flask: messages table access only")
                .inlinePolicies(Map.of("MessagesTable", BackendTaskPolicy.document(props.messagesTable().table())))
                .build();
        FargateTaskDefinition taskDefinition = FargateTaskDefinition.Builder.create(scope, "Task")
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
                .taskRole(taskRole)
                .build();
        taskDefinition.addContainer("Container", ContainerDefinitionOptions.builder()
                .containerName(BackendService.CONTAINER_NAME)
                // A digest renders as REPOSITORY@sha256:..., a tag as REPOSITORY:TAG (CDK's tagOrDigest).
                .image(ContainerImage.fromEcrRepository(repository, settings.image().tagOrDigest()))
                .essential(true)
                .portMappings(List.of(PortMapping.builder()
                        .name(BackendService.CONTAINER_NAME).containerPort(BackendService.CONTAINER_PORT).protocol(Protocol.TCP)
                        .appProtocol(AppProtocol.getHttp()).build()))
                .environment(environment(Stack.of(scope), props, url))
                .secrets(Map.of("CONNECTION_URL", Secret.fromSsmParameter(connectionUrl)))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(BackendService.CONTAINER_NAME).build()))
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", CONTAINER_HEALTH_CHECK))
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .retries(3)
                        .startPeriod(HEALTH_CHECK_GRACE)
                        .build())
                .build());
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
        return taskDefinition;
    }

    /** The service running {@code taskDefinition} in {@code cluster}, in the subnets of the stage's placement, scaled on CPU. */
    static FargateService service(Construct scope, BackendServiceProps props, Cluster cluster, FargateTaskDefinition taskDefinition,
                                  SecurityGroup securityGroup) {
        BackendSettings settings = props.settings();
        boolean publicPlacement = settings.placement() == TaskPlacement.PUBLIC_SUBNETS;
        FargateService service = FargateService.Builder.create(scope, "Service")
                .serviceName(BackendService.CONTAINER_NAME)
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(settings.desiredCount())
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .healthCheckGracePeriod(HEALTH_CHECK_GRACE)
                .vpcSubnets(publicPlacement ? props.network().publicSubnets() : props.network().workloadSubnets())
                .assignPublicIp(publicPlacement)
                .securityGroups(List.of(securityGroup))
                .build();
        service.autoScaleTaskCount(EnableScalingProps.builder().minCapacity(settings.minCount()).maxCapacity(settings.maxCount()).build())
                .scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder().targetUtilizationPercent(settings.targetCpuPercent()).build());
        return service;
    }

    /** Sorted: the order of a container's environment is part of the template (deterministic synth). */
    private static Map<String, String> environment(Stack stack, BackendServiceProps props, String url) {
        Map<String, String> environment = new TreeMap<>();
        environment.put("AWS_DEFAULT_REGION", stack.getRegion());
        environment.put("AWS_COGNITO_USER_POOL_ID", props.userPool().getUserPoolId());
        environment.put("AWS_COGNITO_USER_POOL_CLIENT_ID", props.webClient().getUserPoolClientId());
        environment.put("DDB_MESSAGE_TABLE", props.messagesTable().table().getTableName());
        environment.put("FRONTEND_URL", props.settings().frontendUrl());
        environment.put("BACKEND_URL", props.settings().backendUrl().orElse(url));
        return environment;
    }
}
