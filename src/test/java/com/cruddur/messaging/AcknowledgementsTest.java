package com.cruddur.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.config.AuthSettings.ThreatProtection;
import com.cruddur.messaging.config.StageConfig;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/**
 * The cdk-nag acknowledgements the app makes, as a specification: each one is known here with the condition it relies
 * on, it is made exactly where that condition holds (ELB2 only where the stage holds no real data, COG8 only where threat
 * protection is OFF), and its reason names what it excuses and that condition.
 */
class AcknowledgementsTest {

    private static final Predicate<StageConfig> EVERY_STAGE = config -> true;
    private static final Predicate<StageConfig> NO_REAL_DATA = config -> !config.holdsRealData();
    private static final Predicate<StageConfig> SEED_LOADER_IN_VPC = config -> config.seedData()
            && (!config.seedConversation().readsUsersFromPostgres() || config.natGateways() > 0);
    private static final Predicate<StageConfig> SIGN_UP_IN_VPC = config -> config.auth().signUpTrigger() && config.natGateways() > 0;

    private static final String EVERY_RESOURCE = "AwsSolutions-IAM5\\[Resource::\\*]";
    private static final String NETWORK_INTERFACES_OF_THIS_ACCOUNT =
            "AwsSolutions-IAM5\\[Resource::arn:(aws|<AWS::Partition>):ec2:([a-z0-9-]+|<AWS::Region>):(\\d{12}|<AWS::AccountId>):network-interface/\\*]";
    private static final List<String> DESCRIBE_NAMES = List.of("ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "no resource-level");
    private static final List<String> NETWORK_INTERFACE_NAMES = List.of("ec2:DeleteNetworkInterface", "network interfaces",
            "this account and region");

    /** Every acknowledgement the app means to make: where (construct path below its stack), which finding, when, and what its reason names. */
    private static final List<Expected> EXPECTED = List.of(
            new Expected("Network/DynamoDbPrefixList", EVERY_RESOURCE, EVERY_STAGE, List.of("ec2:DescribePrefixLists")),
            new Expected("Messages/Table", "AwsSolutions-DDB3", NO_REAL_DATA, List.of("table", "holdsRealData=false")),
            new Expected("StreamProcessor/FailedBatches", "AwsSolutions-S1", EVERY_STAGE, List.of("bucket", "request metrics")),
            new Expected("StreamProcessor/Default/Role", "AwsSolutions-IAM5\\[Resource::<StreamProcessorFailedBatches[0-9A-F]+\\.Arn>/\\*]", EVERY_STAGE,
                    List.of("s3:PutObject", "failed-batches bucket")),
            new Expected("StreamProcessor/Default/Role", EVERY_RESOURCE, EVERY_STAGE, DESCRIBE_NAMES),
            new Expected("StreamProcessor/Default/Role", NETWORK_INTERFACES_OF_THIS_ACCOUNT, EVERY_STAGE, NETWORK_INTERFACE_NAMES),
            new Expected("StreamProcessor/Default/Role", "AwsSolutions-IAM5\\[Resource::arn:[^\\]]+:table/[^/]+/stream/\\*]", EVERY_STAGE,
                    List.of("dynamodb:ListStreams", "streams of this one table")),
            new Expected("SeedData/Default/Role", EVERY_RESOURCE, SEED_LOADER_IN_VPC, DESCRIBE_NAMES),
            new Expected("SeedData/Default/Role", NETWORK_INTERFACES_OF_THIS_ACCOUNT, SEED_LOADER_IN_VPC, NETWORK_INTERFACE_NAMES),
            new Expected("Auth/UserPool", "AwsSolutions-COG2", EVERY_STAGE, List.of("MFA", "frontend")),
            new Expected("Auth/UserPool", "AwsSolutions-COG8", config -> config.auth().threatProtection() == ThreatProtection.OFF,
                    List.of("auth.threatProtection OFF", "threat protection")),
            new Expected("SignUp/Default/Role", EVERY_RESOURCE, SIGN_UP_IN_VPC, DESCRIBE_NAMES),
            new Expected("SignUp/Default/Role", NETWORK_INTERFACES_OF_THIS_ACCOUNT, SIGN_UP_IN_VPC, NETWORK_INTERFACE_NAMES),
            new Expected("Backend/LoadBalancerSecurityGroup", "AwsSolutions-EC23", EVERY_STAGE, List.of("load balancer", "security group")),
            new Expected("Backend/LoadBalancer", "AwsSolutions-ELB2",
                    config -> !config.holdsRealData() && config.backend().accessLogDays().isEmpty(),
                    List.of("load balancer", "access logs", "holdsRealData=false")),
            new Expected("Backend/Task", "AwsSolutions-ECS2", EVERY_STAGE, List.of("environment", "CONNECTION_URL")),
            new Expected("Backend/ExecutionRole", EVERY_RESOURCE, EVERY_STAGE, List.of("ecr:GetAuthorizationToken")),
            new Expected("Backend/AccessLogs", "AwsSolutions-S1", config -> config.backend().accessLogDays().isPresent(),
                    List.of("bucket", "access logs")));

    private record Expected(String path, String rule, Predicate<StageConfig> when, List<String> reasonNames) {

        boolean matches(Acknowledgement acknowledgement) {
            return acknowledgement.path().equals(path) && acknowledgement.rule().matches(rule);
        }
    }

    /** One acknowledgement as recorded in the construct tree: the path below its stack, the finding id, the reason. */
    private record Acknowledgement(String path, String rule, String reason) {
    }

    /** Every declared stage, and variants that flip the conditions the declared stages hold fixed. */
    static Stream<Arguments> stages() {
        Map<String, Object> auditedAuth = new HashMap<>(castMap(TestApps.stageSettings("dev").get("auth")));
        auditedAuth.put("threatProtection", "AUDIT");
        return Stream.concat(
                TestApps.declaredStages().stream().map(stage -> Arguments.of(stage, stage, Map.of())),
                Stream.of(
                        Arguments.of("dev with threat protection in AUDIT", "dev", Map.of("auth", auditedAuth)),
                        Arguments.of("dev seeding users by handle (loader outside the VPC)", "dev", Map.of("seedConversation", Map.of(
                                "firstUser", Map.of("handle", "yaya2devops"), "secondUser", Map.of("handle", "bayko")))),
                        Arguments.of("prod seeded (loader in the VPC)", "prod", Map.of("seedData", true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void everyAcknowledgementIsOneTheAppMeansToMake(String name, String stage, Map<String, Object> overrides) {
        List<Acknowledgement> acknowledgements = acknowledgements(stacks(stage, overrides));
        assertFalse(acknowledgements.isEmpty(), "this test must see the acknowledgements it checks");
        List<String> unknown = acknowledgements.stream()
                .filter(acknowledgement -> EXPECTED.stream().filter(expected -> expected.matches(acknowledgement)).count() != 1)
                .map(acknowledgement -> acknowledgement.path() + " " + acknowledgement.rule())
                .toList();
        assertEquals(List.of(), unknown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void eachAcknowledgementIsMadeExactlyWhereItsConditionHolds(String name, String stage, Map<String, Object> overrides) {
        StageStacks stacks = stacks(stage, overrides);
        List<Acknowledgement> acknowledgements = acknowledgements(stacks);
        List<String> wrong = new ArrayList<>();
        for (Expected expected : EXPECTED) {
            boolean made = acknowledgements.stream().anyMatch(expected::matches);
            boolean holds = expected.when().test(stacks.config());
            if (made != holds) {
                wrong.add(expected.path() + " " + expected.rule() + (made ? " is made where its condition does not hold"
                        : " is missing where its condition holds"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void everyReasonNamesWhatItExcusesAndTheConditionItReliesOn(String name, String stage, Map<String, Object> overrides) {
        List<String> thin = new ArrayList<>();
        for (Acknowledgement acknowledgement : acknowledgements(stacks(stage, overrides))) {
            EXPECTED.stream().filter(expected -> expected.matches(acknowledgement)).forEach(expected -> expected.reasonNames().stream()
                    .filter(word -> !acknowledgement.reason().contains(word))
                    .forEach(word -> thin.add(acknowledgement.path() + " " + acknowledgement.rule() + ": its reason does not name \""
                            + word + "\": " + acknowledgement.reason())));
        }
        assertEquals(List.of(), thin);
    }

    /** A declared stage's shared stacks; a variant's, composed for this test. */
    private static StageStacks stacks(String stage, Map<String, Object> overrides) {
        return overrides.isEmpty() ? SynthesizedStages.stacks(stage) : TestApps.compose(stage, overrides);
    }

    /** The cdk-nag acknowledgements recorded on the constructs of the stage's app. */
    private static List<Acknowledgement> acknowledgements(StageStacks stacks) {
        List<Acknowledgement> acknowledgements = new ArrayList<>();
        for (IConstruct construct : stacks.network().getNode().getRoot().getNode().findAll()) {
            for (MetadataEntry entry : construct.getNode().getMetadata()) {
                if (!Validations.ACKNOWLEDGED_RULES_METADATA_KEY.equals(entry.getType())) {
                    continue;
                }
                castMap(entry.getData()).forEach((rule, reason) -> {
                    String finding = rule.replaceFirst("^Annotation::", "");
                    if (finding.startsWith("AwsSolutions-")) {
                        String path = construct.getNode().getPath();
                        acknowledgements.add(new Acknowledgement(path.substring(path.indexOf('/') + 1), finding, String.valueOf(reason)));
                    }
                });
            }
        }
        return acknowledgements;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
