package com.cruddur.messaging.backend;

import java.util.List;
import java.util.Optional;

import com.cruddur.messaging.config.BackendSettings;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * backend-flask's internet-facing Application Load Balancer (SPEC §5): plain HTTP on 80, or, where the stage has a
 * certificate, HTTPS on 443 with 80 redirected to it; one target group, the tasks on
 * {@value BackendService#CONTAINER_PORT} checked on {@value BackendService#HEALTH_CHECK_PATH}; access logs in a bucket
 * of their own where the stage keeps them.
 *
 * <p>Not a construct: everything is created in {@link BackendService}'s own scope, so it keeps the service's construct
 * paths and logical ids. It is built in two steps because the tasks need its URL and the listener needs the tasks.
 */
final class BackendLoadBalancer {

    static final Duration DEREGISTRATION_DELAY = Duration.seconds(30);

    private final Construct scope;
    private final BackendServiceProps props;
    private final SecurityGroup securityGroup;
    private final ApplicationLoadBalancer loadBalancer;

    /** The load balancer and its security group, with no listener yet. */
    BackendLoadBalancer(Construct scope, BackendServiceProps props) {
        this.scope = scope;
        this.props = props;
        this.securityGroup = BackendSecurityGroups.forLoadBalancer(scope, props.network().vpc());
        this.loadBalancer = ApplicationLoadBalancer.Builder.create(scope, "LoadBalancer")
                .vpc(props.network().vpc())
                .vpcSubnets(props.network().publicSubnets())
                .internetFacing(true)
                .securityGroup(securityGroup)
                .dropInvalidHeaderFields(true)
                .deletionProtection(props.holdsRealData())
                .build();
    }

    ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    SecurityGroup securityGroup() {
        return securityGroup;
    }

    /** Its own URL (its DNS name), http or https as the stage serves. */
    String url() {
        return (props.settings().https() ? "https://" : "http://") + loadBalancer.getLoadBalancerDnsName();
    }

    /** Opens the stage's listener to the internet and forwards it to {@code service}'s container: its one target group. */
    ApplicationTargetGroup forwardTo(FargateService service) {
        ApplicationTargetGroup targetGroup = listener(props.settings()).addTargets("Service", AddApplicationTargetsProps.builder()
                .protocol(ApplicationProtocol.HTTP)
                .port(BackendService.CONTAINER_PORT)
                .targets(List.of(service.loadBalancerTarget(LoadBalancerTargetOptions.builder()
                        .containerName(BackendService.CONTAINER_NAME).containerPort(BackendService.CONTAINER_PORT).build())))
                .healthCheck(HealthCheck.builder()
                        .path(BackendService.HEALTH_CHECK_PATH)
                        .port(String.valueOf(BackendService.CONTAINER_PORT))
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .deregistrationDelay(DEREGISTRATION_DELAY)
                .build());
        Validations.of(securityGroup).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-EC23")
                .reason("An internet-facing load balancer: its security group admits anyone on the listener ports"
                        + (props.settings().https() ? " 80 (redirect) and 443" : " 80") + " and nothing else.")
                .build());
        return targetGroup;
    }

    /** Access logs where the stage keeps them ({@code backend.accessLogDays}); where it does not, why none are needed. */
    void logAccess() {
        BackendSettings settings = props.settings();
        settings.accessLogDays().ifPresent(days -> loadBalancer.logAccessLogs(accessLogBucket(days), "backend-flask"));
        // Only a stage without real data may go without access logs: config validation requires accessLogDays on the others.
        if (!props.holdsRealData() && settings.accessLogDays().isEmpty()) {
            Validations.of(loadBalancer).acknowledge(Acknowledgment.builder()
                    .id("AwsSolutions-ELB2")
                    .reason("This stage holds no real data (holdsRealData=false) and sets no backend.accessLogDays, so its load"
                            + " balancer keeps no access logs: its requests are test traffic, and the logs would be a cost without a"
                            + " reader. A stage holding real data cannot omit accessLogDays (config validation refuses it).")
                    .build());
        }
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

    private Bucket accessLogBucket(int days) {
        Bucket bucket = Bucket.Builder.create(scope, "AccessLogs")
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
}
