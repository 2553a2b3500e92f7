package com.cruddur.messaging.config;

import static com.cruddur.messaging.config.StageConfigAssertions.assertError;
import static com.cruddur.messaging.config.StageConfigAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;

/**
 * The {@code backend} and {@code auth} settings as {@link ServiceSettingsReader} reads them: each kind of bad value is
 * refused before any construct is built, naming the key, the value and what is allowed. The backend's image, firewall and
 * the pool's mail have test classes of their own.
 */
class ServiceSettingsReaderTest {

    /** As a value in {@link #backend}'s changes: remove the key. */
    private static final Object NONE = new Object();

    @Test
    void prodServesHttpsFromPrivateSubnetsOnThePlusPlan() {
        StageConfig prod = read("prod", Map.of());
        assertEquals(BackendSettings.TaskPlacement.PRIVATE_SUBNETS, prod.backend().placement());
        assertTrue(prod.backend().https());
        assertEquals(AuthSettings.ThreatProtection.ENFORCED, prod.auth().threatProtection());
    }

    @Test
    void imageRepositoryAndTagDefaultToBackendFlaskLatest() {
        BackendSettings backend = read("dev", backend("dev", Map.of("imageRepository", NONE, "imageTag", NONE))).backend();
        assertEquals("backend-flask", backend.imageRepository());
        assertEquals(new ImageReference.Tag("latest"), backend.image());
    }

    @Test
    void unknownBackendSettingIsRejectedListingTheKnownKeys() {
        assertError(() -> read("dev", backend("dev", Map.of("imageTagg", "v1"))), "stages.dev.backend.imageTagg is not a known setting",
                "imageTag");
    }

    @Test
    void cpuThatFargateDoesNotOfferIsRejected() {
        assertError(() -> read("dev", backend("dev", Map.of("cpu", 300))), "stages.dev.backend.cpu: 300 is not allowed",
                "[256, 512, 1024, 2048, 4096]");
    }

    @Test
    void memoryThatDoesNotFitTheCpuIsRejectedListingTheSizesThatDo() {
        assertError(() -> read("dev", backend("dev", Map.of("cpu", 256, "memoryMiB", 4096))), "stages.dev.backend.memoryMiB: 4096 is not allowed",
                "for cpu 256: [512, 1024, 2048]");
    }

    @Test
    void desiredCountOutsideTheScalingRangeIsRejected() {
        assertError(() -> read("dev", backend("dev", Map.of("desiredCount", 3))), "stages.dev.backend.desiredCount: 3 is not allowed",
                "from 1 to 2");
    }

    @Test
    void maxCountBelowMinCountIsRejected() {
        assertError(() -> read("prod", backend("prod", Map.of("maxCount", 1))), "stages.prod.backend.maxCount: 1 is not allowed", "from 2 to 100");
    }

    @Test
    void privateSubnetsWithoutNatAreRejected() {
        assertError(() -> read("dev", backend("dev", Map.of("placement", "PRIVATE_SUBNETS"))),
                "stages.dev.backend.placement: \"PRIVATE_SUBNETS\" is not allowed", "PUBLIC_SUBNETS when natGateways is 0");
    }

    @Test
    void unknownPlacementIsRejectedListingThePlacements() {
        assertError(() -> read("dev", backend("dev", Map.of("placement", "DEFAULT"))), "[PUBLIC_SUBNETS, PRIVATE_SUBNETS]");
    }

    @Test
    void unknownCpuArchitectureIsRejected() {
        assertError(() -> read("dev", backend("dev", Map.of("cpuArchitecture", "amd64"))), "stages.dev.backend.cpuArchitecture: \"amd64\"",
                "[X86_64, ARM64]");
    }

    @Test
    void malformedUrlIsRejected() {
        assertError(() -> read("dev", backend("dev", Map.of("frontendUrl", "cruddur.example.com"))),
                "stages.dev.backend.frontendUrl: \"cruddur.example.com\" is not allowed", "http(s) URL");
    }

    @Test
    void malformedRepositoryNameIsRejected() {
        assertError(() -> read("dev", backend("dev", Map.of("imageRepository", "Backend_Flask"))),
                "stages.dev.backend.imageRepository: \"Backend_Flask\"", "ECR repository name");
    }

    @Test
    void realDataStageWithoutCertificateIsRejected() {
        assertError(() -> read("prod", backend("prod", Map.of("certificateArn", NONE))), "stages.prod.backend.certificateArn is missing",
                "HTTPS only");
    }

    @Test
    void certificateWithoutItsBackendUrlIsRejected() {
        assertError(() -> read("prod", backend("prod", Map.of("backendUrl", NONE))), "stages.prod.backend.backendUrl is missing");
    }

    @Test
    void certificateOfAnotherRegionIsRejected() {
        String arn = "arn:aws:acm:eu-west-1:210987654321:certificate/9b2f7c1e-4d3a-4e6b-8a5c-1f0e2d3c4b5a";
        assertError(() -> read("prod", backend("prod", Map.of("certificateArn", arn))), "certificateArn: \"" + arn + "\" is not allowed",
                "region us-east-1");
    }

    @Test
    void malformedCertificateArnIsRejected() {
        assertError(() -> read("prod", backend("prod", Map.of("certificateArn", "arn:aws:iam::123456789012:server-certificate/x"))),
                "stages.prod.backend.certificateArn", "ACM certificate ARN");
    }

    @Test
    void realDataStageWithoutAccessLogsIsRejected() {
        assertError(() -> read("prod", backend("prod", Map.of("accessLogDays", NONE))), "stages.prod.backend.accessLogDays is missing;",
                "a stage holding real data");
    }

    @Test
    void accessLogsWithoutAFixedRegionAreRejected() {
        assertError(() -> read("dev", backend("dev", Map.of("accessLogDays", 30))), "stages.dev.backend.accessLogDays: 30 is not allowed",
                "without a fixed region");
    }

    @Test
    void aBackendWithoutADatabaseSettingIsRefusedNamingBothForms() {
        assertError(() -> read("dev", backend("dev", Map.of("database", NONE))), "stages.dev.backend.database is missing;",
                "{\"securityGroupId\": \"sg-...\", \"port\": 5432} for an RDS instance in this VPC",
                "{\"cidr\": \"203.0.113.10/32\", \"port\": 5432} for a database elsewhere");
    }

    @Test
    void aDatabaseIsASecurityGroupOrANetworkNotBoth() {
        assertError(() -> read("dev", backend("dev", Map.of("database", Map.of("cidr", "10.0.0.0/16", "securityGroupId", "sg-0a1b2c3d")))),
                "stages.dev.backend.database", "exactly one of securityGroupId and cidr");
    }

    @Test
    void anRdsSecurityGroupOnTheDefaultPortIsRead() {
        assertEquals(new DatabaseAccess.InVpcSecurityGroup("sg-0a1b2c3d", 5432),
                read("dev", backend("dev", Map.of("database", Map.of("securityGroupId", "sg-0a1b2c3d")))).backend().database());
    }

    @Test
    void malformedDatabaseNetworkIsRejected() {
        assertError(() -> read("dev", backend("dev", Map.of("database", Map.of("cidr", "10.0.0.0/33")))),
                "stages.dev.backend.database.cidr: \"10.0.0.0/33\" is not allowed", "IPv4 CIDR");
    }

    @Test
    void malformedSecurityGroupIdIsRejected() {
        assertError(() -> read("dev", backend("dev", Map.of("database", Map.of("securityGroupId", "default")))),
                "stages.dev.backend.database.securityGroupId: \"default\" is not allowed", "sg-0a1b2c3d4e5f60718");
    }

    @Test
    void aStageHoldingRealDataNamesItsDatabasesOwnNetwork() {
        assertError(() -> read("prod", backend("prod", Map.of("database", Map.of("cidr", "0.0.0.0/0")))),
                "stages.prod.backend.database.cidr: \"0.0.0.0/0\" is not allowed", "the database's own network");
    }

    @Test
    void unknownThreatProtectionIsRejectedListingTheModes() {
        assertError(() -> read("dev", Map.of("auth", Map.of("threatProtection", "ON", "accessTokenMinutes", 60, "idTokenMinutes", 60,
                "refreshTokenDays", 30))), "stages.dev.auth.threatProtection: \"ON\"", "[OFF, AUDIT, ENFORCED]");
    }

    @Test
    void tokenLifetimeOutOfRangeIsRejected() {
        assertError(() -> read("dev", Map.of("auth", Map.of("threatProtection", "OFF", "accessTokenMinutes", 2, "idTokenMinutes", 60,
                "refreshTokenDays", 30))), "stages.dev.auth.accessTokenMinutes: 2 is not allowed", "from 5 to 1440");
    }

    @Test
    void refreshTokensOutlivingAccessTokensAreRequired() {
        assertError(() -> read("dev", Map.of("auth", Map.of("threatProtection", "OFF", "accessTokenMinutes", 1440, "idTokenMinutes", 60,
                "refreshTokenDays", 1))), "stages.dev.auth.refreshTokenDays: 1 is not allowed", "longer than the access and id tokens");
    }

    /** The stage's backend object with {@code changes} applied ({@link #NONE} removes a key). */
    private static Map<String, Object> backend(String stage, Map<String, Object> changes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> stageSettings = TestApps.stageSettings(stage);
        @SuppressWarnings("unchecked")
        Map<String, Object> backend = new HashMap<>((Map<String, Object>) stageSettings.get("backend"));
        changes.forEach((key, value) -> {
            if (value == NONE) {
                backend.remove(key);
            } else {
                backend.put(key, value);
            }
        });
        return Map.of("backend", backend);
    }
}
