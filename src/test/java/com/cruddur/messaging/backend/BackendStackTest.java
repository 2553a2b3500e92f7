package com.cruddur.messaging.backend;

import static com.cruddur.messaging.support.SynthesizedStages.stacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.config.BackendSettings;
import com.cruddur.messaging.config.ImageReference;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The backend-flask service (SPEC §5), asserted on every declared stage and on the stage settings that change it. */
class BackendStackTest {

    /** The digest src/test/resources/stages.test.json pins prod to, as an operator's stages.local.json would. */
    private static final String TEST_PROD_DIGEST = "sha256:f50e86786718c1e068e735f750f37fb4ffc09f548d8c12a429d9255eeb1aff10";
    private static final Set<String> SPEC_ENVIRONMENT = Set.of("AWS_DEFAULT_REGION", "AWS_COGNITO_USER_POOL_ID",
            "AWS_COGNITO_USER_POOL_CLIENT_ID", "DDB_MESSAGE_TABLE", "FRONTEND_URL", "BACKEND_URL");

    static List<String> stages() {
        return TestApps.declaredStages();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void containerListensOn4567(String stage) {
        assertEquals(List.of(Map.of("Name", "backend-flask", "ContainerPort", 4567, "Protocol", "tcp", "AppProtocol", "http")),
                container(template(stage)).get("PortMappings"));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void loadBalancerChecksTheHealthEndpointOn4567(String stage) {
        template(stage).resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 1);
        template(stage).hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "Port", 4567, "Protocol", "HTTP", "TargetType", "ip",
                "HealthCheckPath", "/api/health-check", "HealthCheckPort", "4567", "Matcher", Map.of("HttpCode", "200")));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void containerChecksItsOwnHealthEndpoint(String stage) {
        Map<String, Object> healthCheck = cast(container(template(stage)).get("HealthCheck"));
        List<?> command = (List<?>) healthCheck.get("Command");
        assertEquals("CMD-SHELL", command.get(0));
        assertTrue(command.get(1).toString().contains("http://localhost:4567/api/health-check"), command.toString());
    }

    @ParameterizedTest
    @MethodSource("stages")
    void environmentIsExactlyTheSpecVariables(String stage) {
        assertEquals(new TreeSet<>(SPEC_ENVIRONMENT), new TreeSet<>(environment(template(stage)).keySet()));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void noLocalEndpointAndNoStaticKeysReachTheContainer(String stage) {
        Map<String, Object> container = container(template(stage));
        Set<String> names = new TreeSet<>(environment(template(stage)).keySet());
        ((List<?>) container.get("Secrets")).forEach(secret -> names.add(String.valueOf(cast(secret).get("Name"))));
        for (String forbidden : List.of("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN")) {
            assertFalse(names.contains(forbidden), forbidden + " must not be given to the container: " + names);
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void tableNameComesFromTheTableOfTheStage(String stage) {
        assertEquals(Map.of("Fn::GetStackOutput", Map.of("StackName", "Cruddur-" + stage + "-Data",
                        "OutputName", "PublishOutputRefMessagesTable9E4E97A0589E8BE1" + dataVersion(stage), "Region", region(stage))),
                environment(template(stage)).get("DDB_MESSAGE_TABLE"));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void cognitoIdsComeFromTheAuthStackOfTheStage(String stage) {
        Map<String, Object> environment = environment(template(stage));
        assertTrue(environment.get("AWS_COGNITO_USER_POOL_ID").toString().contains("Cruddur-" + stage + "-Auth"));
        assertTrue(environment.get("AWS_COGNITO_USER_POOL_ID").toString().contains("RefAuthUserPool8115E87F"));
        assertTrue(environment.get("AWS_COGNITO_USER_POOL_CLIENT_ID").toString().contains("RefAuthUserPoolWebClient"));
        assertEquals(region(stage), environment.get("AWS_DEFAULT_REGION"));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void urlsComeFromTheStage(String stage) {
        BackendSettings settings = stacks(stage).config().backend();
        Map<String, Object> environment = environment(template(stage));
        assertEquals(settings.frontendUrl(), environment.get("FRONTEND_URL"));
        if (settings.backendUrl().isPresent()) {
            assertEquals(settings.backendUrl().get(), environment.get("BACKEND_URL"));
        } else {
            assertEquals(Map.of("Fn::Join", List.of("", List.of("http://", Map.of("Fn::GetAtt",
                    List.of("BackendLoadBalancerC45365EC", "DNSName"))))), environment.get("BACKEND_URL"));
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void connectionUrlIsAnEcsSecretFromTheSsmParameter(String stage) {
        List<?> secrets = (List<?>) container(template(stage)).get("Secrets");
        assertEquals(1, secrets.size());
        Map<String, Object> secret = cast(secrets.get(0));
        assertEquals("CONNECTION_URL", secret.get("Name"));
        String parameter = stacks(stage).config().backend().connectionUrlParameter();
        assertTrue(secret.get("ValueFrom").toString().endsWith(":parameter" + parameter + "]]}")
                || secret.get("ValueFrom").toString().endsWith(":parameter" + parameter), secret.toString());
    }

    @ParameterizedTest
    @MethodSource("stages")
    void imageComesFromTheEcrRepositoryAndTheTagOrDigestOfTheStage(String stage) {
        BackendSettings settings = stacks(stage).config().backend();
        String separator = settings.image() instanceof ImageReference.Digest ? "@" : ":";
        assertEquals("/" + settings.imageRepository() + separator + settings.image().tagOrDigest(), imagePath(template(stage)));
    }

    @Test
    void prodRunsTheDigestItsOperatorPinnedAndDevTheLatestTag() {
        assertEquals("/backend-flask@" + TEST_PROD_DIGEST, imagePath(template("prod")));
        assertEquals("/backend-flask:latest", imagePath(template("dev")));
    }

    @Test
    void imageRepositoryAndTagAreStageSettings() {
        Template template = backendWith("dev", Map.of("imageRepository", "cruddur/backend", "imageTag", "2026-11-25.1"));
        assertEquals("/cruddur/backend:2026-11-25.1", imagePath(template));
    }

    @Test
    void aDigestSettingNamesTheImageByDigest() {
        String digest = "sha256:0b1e0c5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938";
        Template template = backendWith("dev", Map.of("imageRepository", "cruddur/backend", "imageDigest", digest));
        assertEquals("/cruddur/backend@" + digest, imagePath(template));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void taskRoleMayOnlyQueryPutAndBatchWriteTheTable(String stage) {
        Map<String, Object> tableArn = Map.of("Fn::GetStackOutput", Map.of("StackName", "Cruddur-" + stage + "-Data",
                "OutputName", "PublishOutputFnGetAttMessagesTable9E4E97A0Arn46FA091C" + dataVersion(stage), "Region", region(stage)));
        template(stage).hasResourceProperties("AWS::IAM::Role", Map.of(
                "Description", "backend-flask: messages table access only",
                "ManagedPolicyArns", Match.absent(),
                "Policies", List.of(Map.of("PolicyName", "MessagesTable", "PolicyDocument", Map.of("Version", "2012-10-17",
                        "Statement", List.of(
                                Map.of("Sid", "ReadConversations", "Effect", "Allow", "Action", "dynamodb:Query",
                                        "Resource", List.of(tableArn, Map.of("Fn::Join", List.of("", List.of(tableArn, "/index/message-group-sk-index"))))),
                                Map.of("Sid", "WriteMessages", "Effect", "Allow", "Action", List.of("dynamodb:BatchWriteItem", "dynamodb:PutItem"),
                                        "Resource", tableArn)))))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void nothingElseIsAttachedToTheTaskRole(String stage) {
        Template template = template(stage);
        String taskRole = template.findResources("AWS::IAM::Role", Map.of("Properties", Map.of(
                "Description", "backend-flask: messages table access only"))).keySet().iterator().next();
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
        template.findResources("AWS::IAM::Policy").values().forEach(policy ->
                assertFalse(policy.toString().contains(taskRole), "a policy is attached to the task role: " + policy));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void executionRoleMayOnlyPullTheImageWriteItsLogsAndGetTheOneParameter(String stage) {
        Template template = template(stage);
        template.resourceCountIs("AWS::IAM::Policy", 0);
        Map<String, Object> role = cast(template.findResources("AWS::IAM::Role", Match.objectLike(Map.of("Properties", Match.objectLike(Map.of(
                "Description", "backend-flask task start: pull its image, write its logs, read CONNECTION_URL"))))).values().iterator().next()
                .get("Properties"));
        List<?> policies = (List<?>) role.get("Policies");
        assertEquals(1, policies.size(), policies.toString());
        List<?> statements = (List<?>) cast(cast(policies.get(0)).get("PolicyDocument")).get("Statement");
        List<String> rendered = statements.stream().map(Object::toString).toList();
        assertEquals(4, statements.size(), rendered.toString());
        assertEquals(List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"), cast(statements.get(0)).get("Action"));
        assertTrue(rendered.get(0).contains(":repository/" + stacks(stage).config().backend().imageRepository()), rendered.get(0));
        assertEquals(Map.of("Sid", "GetRegistryToken", "Effect", "Allow", "Action", "ecr:GetAuthorizationToken", "Resource", "*"), statements.get(1));
        assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents"), cast(statements.get(2)).get("Action"));
        assertEquals(Map.of("Fn::GetAtt", List.of("BackendLogsF812E440", "Arn")), cast(statements.get(2)).get("Resource"));
        assertEquals("ssm:GetParameters", cast(statements.get(3)).get("Action"), "ECS fetches a Parameter Store secret with GetParameters only");
        assertTrue(rendered.get(3).contains(":parameter" + stacks(stage).config().backend().connectionUrlParameter()), rendered.get(3));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void theTaskDefinitionStartsWithThatRole(String stage) {
        Template template = template(stage);
        String executionRole = template.findResources("AWS::IAM::Role", Match.objectLike(Map.of("Properties", Match.objectLike(Map.of(
                "Description", "backend-flask task start: pull its image, write its logs, read CONNECTION_URL"))))).keySet().iterator().next();
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ExecutionRoleArn", Map.of("Fn::GetAtt", List.of(executionRole, "Arn"))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void failedDeploymentsRollBack(String stage) {
        template(stage).hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectLike(Map.of(
                "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true)))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void containerLogsGoToALogGroupWithTheStageRetention(String stage) {
        int days = stacks(stage).config().logRetention().name().equals("ONE_WEEK") ? 7 : 365;
        template(stage).hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", days));
        assertEquals("awslogs", cast(container(template(stage)).get("LogConfiguration")).get("LogDriver"));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void clusterHasContainerInsights(String stage) {
        template(stage).hasResourceProperties("AWS::ECS::Cluster", Map.of(
                "ClusterName", "cruddur-" + stage, "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void sizeCountAndArchitectureComeFromTheStage(String stage) {
        BackendSettings settings = stacks(stage).config().backend();
        template(stage).hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Cpu", String.valueOf(settings.cpu()), "Memory", String.valueOf(settings.memoryMiB()),
                "RequiresCompatibilities", List.of("FARGATE"), "NetworkMode", "awsvpc",
                "RuntimePlatform", Map.of("CpuArchitecture", settings.cpuArchitecture().name(), "OperatingSystemFamily", "LINUX")));
        template(stage).hasResourceProperties("AWS::ECS::Service", Map.of("DesiredCount", settings.desiredCount(), "LaunchType", "FARGATE"));
    }

    @Test
    void arm64IsAStageSetting() {
        backendWith("dev", Map.of("cpuArchitecture", "ARM64")).hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX")));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void autoScalingTracksTheStageCpuTarget(String stage) {
        BackendSettings settings = stacks(stage).config().backend();
        template(stage).hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", settings.minCount(), "MaxCapacity", settings.maxCount(), "ScalableDimension", "ecs:service:DesiredCount"));
        template(stage).hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration", Map.of(
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"),
                        "TargetValue", settings.targetCpuPercent())));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void internetReachesTheLoadBalancerOnItsListenerPortsOnly(String stage) {
        List<Object> ingress = new java.util.ArrayList<>();
        ingress.add(Map.of("CidrIp", "0.0.0.0/0", "Description", "Allow from anyone on port 80", "FromPort", 80, "IpProtocol", "tcp", "ToPort", 80));
        if (stacks(stage).config().backend().https()) {
            ingress.add(Map.of("CidrIp", "0.0.0.0/0", "Description", "Allow from anyone on port 443", "FromPort", 443, "IpProtocol", "tcp", "ToPort", 443));
        }
        Map<String, Object> loadBalancerGroup = securityGroup(template(stage), "LoadBalancerSecurityGroup");
        assertEquals(ingress, loadBalancerGroup.get("SecurityGroupIngress"));
        assertEquals(null, loadBalancerGroup.get("SecurityGroupEgress"), "no inline egress: allowAllOutbound is off");
    }

    @ParameterizedTest
    @MethodSource("stages")
    void loadBalancerReachesTheTasksOn4567Only(String stage) {
        Template template = template(stage);
        Map<String, Object> serviceGroup = Map.of("Fn::GetAtt", List.of("BackendServiceSecurityGroup44A630F4", "GroupId"));
        Map<String, Object> loadBalancerGroup = Map.of("Fn::GetAtt", List.of("BackendLoadBalancerSecurityGroup89BD141E", "GroupId"));
        assertEquals(List.of(Map.of("IpProtocol", "tcp", "FromPort", 4567, "ToPort", 4567, "GroupId", serviceGroup,
                        "SourceSecurityGroupId", loadBalancerGroup, "Description", "backend-flask from its load balancer")),
                rulesOf(template, "AWS::EC2::SecurityGroupIngress", serviceGroup));
        assertEquals(List.of(Map.of("IpProtocol", "tcp", "FromPort", 4567, "ToPort", 4567, "GroupId", loadBalancerGroup,
                        "DestinationSecurityGroupId", serviceGroup, "Description", "backend-flask tasks")),
                rulesOf(template, "AWS::EC2::SecurityGroupEgress", loadBalancerGroup));
        assertEquals(null, securityGroup(template, "ServiceSecurityGroup").get("SecurityGroupIngress"));
    }

    @Test
    void tasksMayLeaveOverHttpsAndToTheirDatabaseNetworkOnItsPortOnly() {
        assertEquals(List.of(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 443, "ToPort", 443, "IpProtocol", "tcp",
                        "Description", "HTTPS to ECR, SSM, CloudWatch Logs and Cognito; DynamoDB goes through the gateway endpoint"),
                        Map.of("CidrIp", "10.50.0.0/24", "FromPort", 6543, "ToPort", 6543, "IpProtocol", "tcp",
                                "Description", "Postgres of CONNECTION_URL from backend-flask tasks")),
                securityGroup(backendWith("dev", Map.of("database", Map.of("cidr", "10.50.0.0/24", "port", 6543))), "ServiceSecurityGroup")
                        .get("SecurityGroupEgress"));
    }

    @Test
    void anRdsInThisVpcIsReachedThroughItsSecurityGroupWhichAdmitsTheTasks() {
        Template prod = template("prod");
        Map<String, Object> serviceGroup = Map.of("Fn::GetAtt", List.of("BackendServiceSecurityGroup44A630F4", "GroupId"));
        assertEquals(List.of(Map.of("IpProtocol", "tcp", "FromPort", 5432, "ToPort", 5432, "GroupId", "sg-0a1b2c3d4e5f60718",
                        "SourceSecurityGroupId", serviceGroup, "Description", "Postgres of CONNECTION_URL from backend-flask tasks")),
                rulesOf(prod, "AWS::EC2::SecurityGroupIngress", "sg-0a1b2c3d4e5f60718"));
        assertEquals(List.of(Map.of("IpProtocol", "tcp", "FromPort", 5432, "ToPort", 5432, "GroupId", serviceGroup,
                        "DestinationSecurityGroupId", "sg-0a1b2c3d4e5f60718", "Description", "Postgres of CONNECTION_URL from backend-flask tasks")),
                rulesOf(prod, "AWS::EC2::SecurityGroupEgress", serviceGroup));
        assertEquals(List.of(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 443, "ToPort", 443, "IpProtocol", "tcp",
                        "Description", "HTTPS to ECR, SSM, CloudWatch Logs and Cognito; DynamoDB goes through the gateway endpoint")),
                securityGroup(prod, "ServiceSecurityGroup").get("SecurityGroupEgress"));
    }

    /** The properties of every standalone rule resource of {@code type} on the group {@code groupId}. */
    private static List<Object> rulesOf(Template template, String type, Object groupId) {
        return template.findResources(type).values().stream()
                .map(resource -> (Object) cast(resource.get("Properties")))
                .filter(properties -> groupId.equals(cast(properties).get("GroupId")))
                .toList();
    }

    @Test
    void stageWithACertificateServesHttpsAndRedirectsHttp() {
        Template prod = template("prod");
        prod.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
        prod.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 443, "Protocol", "HTTPS",
                "Certificates", List.of(Map.of("CertificateArn", stacks("prod").config().backend().certificateArn().orElseThrow())),
                "SslPolicy", Match.stringLikeRegexp("TLS13"),
                "DefaultActions", List.of(Map.of("Type", "forward", "TargetGroupArn", Match.anyValue()))));
        prod.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "Protocol", "HTTP",
                "DefaultActions", List.of(Map.of("Type", "redirect",
                        "RedirectConfig", Map.of("Port", "443", "Protocol", "HTTPS", "StatusCode", "HTTP_301")))));
    }

    @Test
    void devServesHttpsTooWhenGivenACertificate() {
        String certificate = "arn:aws:acm:us-east-1:210987654321:certificate/5f0c3c2e-3b7e-4a55-9a1e-2d6c7b8a9e10";
        Template dev = backendWith("dev", Map.of("certificateArn", certificate, "backendUrl", "https://api.dev.cruddur.test"));
        dev.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
        dev.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 443, "Protocol", "HTTPS",
                "Certificates", List.of(Map.of("CertificateArn", certificate))));
        dev.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "Protocol", "HTTP",
                "DefaultActions", List.of(Map.of("Type", "redirect",
                        "RedirectConfig", Map.of("Port", "443", "Protocol", "HTTPS", "StatusCode", "HTTP_301")))));
    }

    @Test
    void stageWithoutACertificateServesPlainHttpOn80Only() {
        Template dev = template("dev");
        dev.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        dev.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "Protocol", "HTTP",
                "Certificates", Match.absent(), "DefaultActions", List.of(Map.of("Type", "forward", "TargetGroupArn", Match.anyValue()))));
    }

    @Test
    void accessLogsGoToAnEncryptedTlsOnlyBucketWhereTheStageAsks() {
        Template prod = template("prod");
        prod.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("LoadBalancerAttributes", Match.arrayWith(List.of(
                Map.of("Key", "access_logs.s3.enabled", "Value", "true")))));
        prod.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "Properties", Match.objectLike(Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", List.of(Map.of("ExpirationInDays",
                        stacks("prod").config().backend().accessLogDays().getAsInt(), "Status", "Enabled")))))));
        prod.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Version", "2012-10-17",
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny", "Action", "s3:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void stageWithoutAccessLogsHasNoBucket() {
        template("dev").resourceCountIs("AWS::S3::Bucket", 0);
        template("dev").hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("LoadBalancerAttributes",
                Match.not(Match.arrayWith(List.of(Map.of("Key", "access_logs.s3.enabled", "Value", "true"))))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void tasksRunWhereTheStagePlacesThem(String stage) {
        boolean inPublicSubnets = stacks(stage).config().backend().placement() == BackendSettings.TaskPlacement.PUBLIC_SUBNETS;
        String subnets = inPublicSubnets ? "publicSubnet" : "workloadSubnet";
        template(stage).hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration",
                Match.objectLike(Map.of("AssignPublicIp", inPublicSubnets ? "ENABLED" : "DISABLED", "Subnets", List.of(
                        Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp(subnets + "1")))),
                        Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp(subnets + "2"))))))))));
    }

    @Test
    void devAndProdPlaceTheirTasksDifferently() {
        assertEquals(BackendSettings.TaskPlacement.PUBLIC_SUBNETS, stacks("dev").config().backend().placement());
        assertEquals(BackendSettings.TaskPlacement.PRIVATE_SUBNETS, stacks("prod").config().backend().placement());
    }

    @ParameterizedTest
    @MethodSource("stages")
    void loadBalancerIsInternetFacingInThePublicSubnetsAndDropsInvalidHeaders(String stage) {
        template(stage).hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing",
                "Subnets", List.of(
                        Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("publicSubnet1")))),
                        Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("OutputName", Match.stringLikeRegexp("publicSubnet2"))))),
                "LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "deletion_protection.enabled", "Value", String.valueOf(stacks(stage).config().holdsRealData())),
                        Map.of("Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true")))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void urlAndNamesAreStackOutputs(String stage) {
        template(stage).hasOutput("LoadBalancerUrl", Map.of("Value", Map.of("Fn::Join", List.of("",
                List.of(stacks(stage).config().backend().https() ? "https://" : "http://",
                        Map.of("Fn::GetAtt", List.of("BackendLoadBalancerC45365EC", "DNSName")))))));
        template(stage).hasOutput("ClusterName", Map.of("Value", Map.of("Ref", "BackendCluster490D36CF")));
        template(stage).hasOutput("ServiceName", Map.of("Value", Map.of("Fn::GetAtt", List.of("BackendService10C26BD4", "Name"))));
    }

    @Test
    void theFrontendsBackendUrlIsTheStagesOwnNameWhereItHasOne() {
        template("prod").hasOutput("BackendUrl", Map.of("Value", "https://api.cruddur.test"));
        template("dev").hasOutput("BackendUrl", Map.of("Value", Map.of("Fn::Join", List.of("",
                List.of("http://", Map.of("Fn::GetAtt", List.of("BackendLoadBalancerC45365EC", "DNSName")))))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void theNameOfTheDatabaseSecretIsAnOutputAndNotTheSecret(String stage) {
        template(stage).hasOutput("ConnectionUrlParameter", Map.of("Value", stacks(stage).config().backend().connectionUrlParameter()));
    }

    /** The suffix the Data stack's published outputs carry (see PublishingStack). */
    private static String dataVersion(String stage) {
        return "V" + stacks(stage).data().publishedVersion().id();
    }

    private static Object region(String stage) {
        return stacks(stage).config().region().<Object>map(r -> r).orElse(Map.of("Ref", "AWS::Region"));
    }

    /** The literal end of the container's Image, after the registry host: /REPOSITORY:TAG or /REPOSITORY@sha256:... */
    private static String imagePath(Template template) {
        List<?> parts = (List<?>) ((List<?>) cast(container(template).get("Image")).get("Fn::Join")).get(1);
        return String.valueOf(parts.get(parts.size() - 1));
    }

    private static Map<String, Object> container(Template template) {
        Map<String, Object> taskDefinition = cast(template.findResources("AWS::ECS::TaskDefinition").values().iterator().next().get("Properties"));
        List<?> containers = (List<?>) taskDefinition.get("ContainerDefinitions");
        assertEquals(1, containers.size());
        return cast(containers.get(0));
    }

    private static Map<String, Object> environment(Template template) {
        Map<String, Object> environment = new LinkedHashMap<>();
        ((List<?>) container(template).get("Environment")).forEach(variable ->
                environment.put(String.valueOf(cast(variable).get("Name")), cast(variable).get("Value")));
        return environment;
    }

    private static Map<String, Object> securityGroup(Template template, String idPart) {
        return template.findResources("AWS::EC2::SecurityGroup").entrySet().stream()
                .filter(entry -> entry.getKey().contains(idPart))
                .map(entry -> cast(entry.getValue().get("Properties")))
                .findFirst().orElseThrow();
    }

    private static Template backendWith(String stage, Map<String, Object> backendOverrides) {
        Map<String, Object> backend = new HashMap<>(cast(TestApps.stageSettings(stage).get("backend")));
        backend.putAll(backendOverrides);
        return Template.fromStack(TestApps.compose(stage, Map.of("backend", backend)).backend());
    }

    private static Template template(String stage) {
        return SynthesizedStages.template(stage, StageStacks::backend);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
