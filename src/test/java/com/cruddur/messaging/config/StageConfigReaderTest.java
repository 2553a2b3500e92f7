package com.cruddur.messaging.config;

import static com.cruddur.messaging.config.StageConfigAssertions.assertError;
import static com.cruddur.messaging.config.StageConfigAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The stage as {@link StageConfigReader} reads it: each kind of bad stage-level setting (environment, table, stream
 * processor, alarms, seed) fails before any construct is built, naming the key, the value and what is allowed. The
 * {@code backend} and {@code auth} objects are {@link ServiceSettingsReaderTest}'s.
 */
class StageConfigReaderTest {

    @Test
    void devMirrorsTheReferenceSetup() {
        StageConfig dev = read("dev", Map.of());
        assertEquals(new StageConfig("dev", Optional.empty(), Optional.empty(), List.of(), "cruddur-dev-messages",
                new TableBilling.Provisioned(
                        new TableBilling.ReadWrite(new TableBilling.CapacityRange(5, 10), new TableBilling.CapacityRange(5, 25)),
                        new TableBilling.ReadWrite(new TableBilling.CapacityRange(5, 10), new TableBilling.CapacityRange(5, 15)), 70), Optional.empty(), false, true,
                new SeedSettings(SeedSettings.DEFAULT_GROUP, SeedSettings.DEFAULT_FIRST, SeedSettings.DEFAULT_SECOND), 0, RetentionDays.ONE_WEEK,
                new StreamProcessorSettings(100, 0, 3, 3600, 14), Optional.empty(),
                new AuthSettings(AuthSettings.ThreatProtection.OFF, 60, 60, 30, true, Optional.empty()),
                new BackendSettings("backend-flask", new ImageReference.Tag("latest"), BackendSettings.CpuArchitecture.X86_64, 256, 512, 1, 1, 2, 70,
                        "http://localhost:3000", Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        BackendSettings.TaskPlacement.PUBLIC_SUBNETS, new DatabaseAccess.Network("0.0.0.0/0", 5432),
                        "/cruddur/dev/backend-flask/CONNECTION_URL", Optional.empty())), dev);
    }

    @Test
    void prodHoldsRealDataWithoutSeed() {
        StageConfig prod = read("prod", Map.of());
        assertTrue(prod.holdsRealData());
        assertEquals(false, prod.seedData());
        assertEquals("Cruddur-prod-Data", prod.stackName("Data"));
    }

    @Test
    void stageDefaultsToDev() {
        Map<String, Object> context = new HashMap<>(TestApps.cdkJsonContext());
        context.remove("stage");
        App app = new App(AppProps.builder().context(context).build());
        assertEquals("dev", StageConfigReader.read(app.getNode()).name());
    }

    @Test
    void tableNameDefaultsToCruddurMessages() {
        assertEquals("cruddur-messages", read("prod", overrides("tableName", null)).tableName());
    }

    @Test
    void fixedEnvironmentNeedsAccountRegionAndZones() {
        StageConfig config = read("dev", Map.of("account", "210987654321", "region", "eu-west-1",
                "availabilityZones", List.of("eu-west-1a", "eu-west-1b")));
        assertEquals("210987654321", config.environment().getAccount());
        assertEquals("eu-west-1", config.environment().getRegion());
    }

    @Test
    void unknownStageNamesTheDeclaredOnes() {
        assertError(() -> read("qa", Map.of()), "stage \"qa\" is not declared", "[dev, prod]", "-c stage=NAME");
    }

    @Test
    void stageNameMustSuitStackNames() {
        assertError(() -> read("Dev_1", Map.of("seedData", true)), "stage \"Dev_1\"", "lowercase letters, digits and dashes");
    }

    @Test
    void missingStagesObjectIsReported() {
        App app = new App(AppProps.builder().context(Map.of("stage", "dev")).build());
        assertError(() -> StageConfigReader.read(app.getNode()), "stages is missing");
    }

    @Test
    void misspelledSettingIsRejectedListingTheKnownKeys() {
        assertError(() -> read("dev", Map.of("tablename", "x")), "stages.dev.tablename is not a known setting", "tableName");
    }

    @Test
    void malformedKeyArnIsRejected() {
        assertError(() -> read("prod", Map.of("encryptionKeyArn", "arn:aws:kms:eu-west-1:123:key/abc")),
                "stages.prod.encryptionKeyArn: \"arn:aws:kms:eu-west-1:123:key/abc\" is not allowed", "a KMS key ARN");
    }

    @Test
    void nonKmsArnIsRejectedAsKey() {
        assertError(() -> read("prod", Map.of("encryptionKeyArn",
                        "arn:aws:s3:eu-west-1:123456789012:key/0b3c6e1e-1d2f-4c5a-9b8e-7f6a5d4c3b2a")),
                "stages.prod.encryptionKeyArn");
    }

    @Test
    void malformedAccountIsRejected() {
        assertError(() -> read("dev", Map.of("account", "12345", "region", "eu-west-1")),
                "stages.dev.account: \"12345\" is not allowed", "12-digit");
    }

    @Test
    void malformedRegionIsRejected() {
        assertError(() -> read("dev", Map.of("account", "210987654321", "region", "Europe")),
                "stages.dev.region: \"Europe\" is not allowed", "us-east-1");
    }

    @Test
    void accountWithoutRegionIsRejected() {
        assertError(() -> read("dev", Map.of("account", "210987654321")), "stages.dev.region is missing", "together");
    }

    @Test
    void fixedRegionWithoutZonesIsRejected() {
        assertError(() -> read("dev", Map.of("account", "210987654321", "region", "eu-west-1")),
                "stages.dev.availabilityZones is missing", "at least 2 distinct zones of eu-west-1");
    }

    @Test
    void zonesOfAnotherRegionAreRejected() {
        assertError(() -> read("dev", Map.of("account", "210987654321", "region", "eu-west-1",
                        "availabilityZones", List.of("us-east-1a", "us-east-1b"))),
                "stages.dev.availabilityZones: [us-east-1a, us-east-1b] is not allowed", "zones of eu-west-1");
    }

    @Test
    void zonesWithoutRegionAreRejected() {
        assertError(() -> read("dev", Map.of("availabilityZones", List.of("eu-west-1a", "eu-west-1b"))),
                "stages.dev.availabilityZones", "when region is not set");
    }

    @Test
    void moreNatGatewaysThanZonesAreRejected() {
        assertError(() -> read("dev", Map.of("natGateways", 3)), "stages.dev.natGateways: 3 is not allowed", "from 0 to 2");
    }

    @Test
    void negativeNatGatewaysAreRejected() {
        assertError(() -> read("dev", Map.of("natGateways", -1)), "stages.dev.natGateways: -1 is not allowed");
    }

    @Test
    void flagGivenAsTextIsRejected() {
        assertError(() -> read("prod", Map.of("holdsRealData", "yes")),
                "stages.prod.holdsRealData: \"yes\" is not allowed", "true or false");
    }

    @Test
    void missingFlagIsRejected() {
        assertError(() -> read("dev", overrides("seedData", null)), "stages.dev.seedData is missing");
    }

    @Test
    void malformedTableNameIsRejected() {
        assertError(() -> read("dev", Map.of("tableName", "my table")), "stages.dev.tableName: \"my table\" is not allowed", "3 to 255");
    }

    @Test
    void unknownLogRetentionIsRejectedListingTheNamedPeriods() {
        assertError(() -> read("dev", Map.of("logRetention", "FOREVER")),
                "stages.dev.logRetention: \"FOREVER\" is not allowed", "ONE_WEEK", "INFINITE");
    }

    @Test
    void batchSizeOutOfRangeIsRejected() {
        assertError(() -> read("dev", streamProcessor("batchSize", 0)), "stages.dev.streamProcessor.batchSize: 0 is not allowed", "from 1 to 10000");
    }

    @Test
    void batchingWindowOutOfRangeIsRejected() {
        assertError(() -> read("dev", streamProcessor("batchingWindowSeconds", 301)),
                "stages.dev.streamProcessor.batchingWindowSeconds: 301 is not allowed", "from 0 to 300");
    }

    @Test
    void negativeRetryAttemptsAreRejected() {
        assertError(() -> read("dev", streamProcessor("retryAttempts", -1)), "stages.dev.streamProcessor.retryAttempts: -1 is not allowed");
    }

    @Test
    void recordAgeUnderAMinuteIsRejected() {
        assertError(() -> read("dev", streamProcessor("maxRecordAgeSeconds", 30)),
                "stages.dev.streamProcessor.maxRecordAgeSeconds: 30 is not allowed", "from 60 to 604800");
    }

    @Test
    void parkedBatchRetentionIsADayToTenYears() {
        assertError(() -> read("dev", streamProcessor("parkedBatchRetentionDays", 0)),
                "stages.dev.streamProcessor.parkedBatchRetentionDays: 0 is not allowed", "from 1 to 3650");
    }

    @Test
    void alarmTopicIsAnSnsTopicArn() {
        String arn = "arn:aws:sns:eu-west-1:123456789012:cruddur-alarms";
        assertEquals(Optional.of(arn), read("prod", Map.of("alarmTopicArn", arn)).alarmTopicArn());
    }

    @Test
    void malformedAlarmTopicArnIsRejected() {
        assertError(() -> read("prod", Map.of("alarmTopicArn", "arn:aws:sqs:eu-west-1:123456789012:queue")),
                "stages.prod.alarmTopicArn: \"arn:aws:sqs:eu-west-1:123456789012:queue\" is not allowed", "an SNS topic ARN");
    }

    @Test
    void aSeedUserGivenByHandleAloneIsLookedUpInPostgresAtDeploy() {
        SeedSettings seed = read("dev", Map.of("seedConversation", Map.of("firstUser", Map.of("handle", "andrewbrown")))).seedConversation();
        assertEquals(SeedSettings.SeedUser.byHandle("andrewbrown"), seed.firstUser());
        assertTrue(seed.readsUsersFromPostgres());
    }

    @Test
    void aDisplayNameWithoutAUuidIsRefusedBecausePostgresHasIt() {
        assertError(() -> read("dev", Map.of("seedConversation", Map.of("firstUser", Map.of("handle", "andrewbrown", "displayName", "Andrew")))),
                "stages.dev.seedConversation.firstUser.displayName: \"Andrew\" is not allowed", "no value without a uuid");
    }

    @Test
    void seedConversationDefaultsToTheReferencePair() {
        SeedSettings seed = read("dev", Map.of()).seedConversation();
        assertEquals("5ae290ed-55d1-47a0-bc6d-fe2bc2700399", seed.messageGroupUuid());
        assertEquals("yaya2devops", seed.firstUser().handle());
        assertEquals("bayko", seed.secondUser().handle());
    }

    @Test
    void malformedSeedGroupIsRejected() {
        assertError(() -> read("dev", Map.of("seedConversation", Map.of("messageGroupUuid", "5AE290ED"))),
                "stages.dev.seedConversation.messageGroupUuid: \"5AE290ED\" is not allowed", "lowercase canonical UUID");
    }

    @Test
    void malformedSeedHandleIsRejected() {
        assertError(() -> read("dev", Map.of("seedConversation", Map.of("firstUser",
                        Map.of("uuid", "a1b2c3d4-0000-4000-8000-000000000003", "displayName", "Lore", "handle", "@lore")))),
                "stages.dev.seedConversation.firstUser.handle: \"@lore\" is not allowed");
    }

    @Test
    void seedUsersMustDiffer() {
        Map<String, Object> same = Map.of("uuid", SeedSettings.DEFAULT_FIRST.uuid().orElseThrow(), "displayName", "Twin", "handle", "twin");
        assertError(() -> read("dev", Map.of("seedConversation", Map.of("secondUser", same))),
                "stages.dev.seedConversation.secondUser", "a user other than firstUser");
    }

    @Test
    void missingBackendObjectIsRejected() {
        assertError(() -> read("dev", overrides("backend", null)), "stages.dev.backend is missing");
    }

    private static Map<String, Object> streamProcessor(String key, Object value) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "batchSize", 100, "batchingWindowSeconds", 1, "retryAttempts", 3, "maxRecordAgeSeconds", 3600,
                "parkedBatchRetentionDays", 14));
        settings.put(key, value);
        return Map.of("streamProcessor", settings);
    }

    private static Map<String, Object> overrides(String key, Object value) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(key, value);
        return overrides;
    }

}
