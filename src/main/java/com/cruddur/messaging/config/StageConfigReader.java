package com.cruddur.messaging.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Node;

/**
 * Reads the stage selected with {@code -c stage=NAME} (default {@value #DEFAULT_STAGE}) from the
 * {@code stages} object of the {@code cdk.json} context and validates every setting, so a bad value
 * fails synth before any construct exists.
 */
public final class StageConfigReader {

    public static final String DEFAULT_STAGE = "dev";
    public static final String DEFAULT_TABLE_NAME = "cruddur-messages";

    /** One NAT gateway per AZ is the most a VPC can use. */
    static final int DEFAULT_AZ_COUNT = 2;

    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern AVAILABILITY_ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d[a-z]");
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Pattern SNS_TOPIC_ARN = Pattern.compile("arn:aws(-[a-z]+)*:sns:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:[A-Za-z0-9_-]{1,256}");
    private static final Pattern KMS_KEY_ARN = Pattern.compile(
            "arn:aws(-[a-z]+)*:kms:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:key/" + CanonicalUuid.REGEX);

    private static final Set<String> STAGE_KEYS = Set.of(
            "account", "region", "availabilityZones", "tableName", "billing", "encryptionKeyArn",
            "holdsRealData", "seedData", "natGateways", "logRetention", "streamProcessor", "alarmTopicArn", "seedConversation",
            "auth", "backend");
    private static final Set<String> SEED_KEYS = Set.of("messageGroupUuid", "firstUser", "secondUser");
    private static final Set<String> SEED_USER_KEYS = Set.of("uuid", "displayName", "handle");
    private static final Pattern UUID = Pattern.compile(CanonicalUuid.REGEX);
    private static final Pattern DISPLAY_NAME = Pattern.compile("\\S.{0,99}");
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,50}");
    private static final Set<String> STREAM_PROCESSOR_KEYS = Set.of(
            "batchSize", "batchingWindowSeconds", "retryAttempts", "maxRecordAgeSeconds", "parkedBatchRetentionDays");

    private StageConfigReader() {
    }

    /** The selected stage: cdk.json's settings with the operator's overrides ({@link StageOverrides}) applied, validated. */
    @SuppressWarnings("unchecked")
    public static StageConfig read(Node node) {
        Object selected = node.tryGetContext("stage");
        String stage = selected == null ? DEFAULT_STAGE : String.valueOf(selected);
        Object stages = node.tryGetContext("stages");
        if (!(stages instanceof Map<?, ?>)) {
            throw new InvalidStageConfigException("stages is missing from the cdk.json context; expected a JSON object of stage settings");
        }
        Optional<String> file = Optional.ofNullable(node.tryGetContext(StageOverrides.FILE_CONTEXT_KEY)).map(String::valueOf);
        StageOverrides.Merged merged = StageOverrides.apply((Map<String, Object>) stages, file, stage, (Map<String, Object>) node.getAllContext());
        Settings all = Settings.of("stages", merged.stages(), merged.fromText());
        StageConfig config = read(stage, all);
        StageNames.requireDistinct(config, all);
        return config;
    }

    static StageConfig read(String stage, Settings stages) {
        if (!stages.has(stage)) {
            throw new InvalidStageConfigException("stage \"" + stage + "\" is not declared; declared stages are "
                    + stages.keys() + " (select one with -c stage=NAME)");
        }
        if (!STAGE_NAME.matcher(stage).matches()) {
            throw new InvalidStageConfigException("stage \"" + stage + "\" is not allowed as a name; expected lowercase letters, digits"
                    + " and dashes, starting with a letter, at most 20 characters");
        }
        Settings settings = stages.object(stage);
        settings.rejectUnknownKeys(STAGE_KEYS);

        Optional<String> account = settings.optionalString("account", ACCOUNT, "a 12-digit AWS account id");
        Optional<String> region = settings.optionalString("region", REGION, "an AWS region name such as us-east-1");
        if (account.isPresent() && Placeholders.isAccount(account.get())) {
            throw settings.placeholder("account", account.get(), "the 12-digit id of your AWS account (aws sts get-caller-identity)");
        }
        boolean holdsRealData = settings.bool("holdsRealData");
        if (holdsRealData && account.isEmpty()) {
            throw settings.missing("account", "the 12-digit id of your AWS account: a stage holding real data deploys only to the"
                    + " account and region it names");
        }
        if (account.isPresent() != region.isPresent()) {
            throw settings.missing(account.isPresent() ? "region" : "account", "account and region together, or neither");
        }
        List<String> zones = availabilityZones(settings, region);
        int azCount = zones.isEmpty() ? DEFAULT_AZ_COUNT : zones.size();
        int natGateways = settings.integer("natGateways", 0, azCount);

        BackendSettings backend = ServiceSettingsReader.backend(settings.object("backend"), stage, natGateways, holdsRealData, region);
        if (holdsRealData && backend.placement() == BackendSettings.TaskPlacement.PRIVATE_SUBNETS && natGateways < azCount) {
            throw settings.invalid("natGateways", natGateways, azCount + " (one per AZ) on a stage holding real data whose tasks run in"
                    + " private subnets: with fewer, one AZ's outage cuts the other AZ's tasks off from ECR, SSM and Cognito");
        }
        return new StageConfig(
                stage,
                account,
                region,
                zones,
                settings.string("tableName", TABLE_NAME, "3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'", DEFAULT_TABLE_NAME),
                TableBillingReader.read(settings.object("billing")),
                settings.optionalString("encryptionKeyArn", KMS_KEY_ARN, "a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/<uuid>"),
                holdsRealData,
                settings.bool("seedData"),
                settings.has("seedConversation") ? seedConversation(settings.object("seedConversation"))
                        : new SeedSettings(SeedSettings.DEFAULT_GROUP, SeedSettings.DEFAULT_FIRST, SeedSettings.DEFAULT_SECOND),
                natGateways,
                settings.enumValue("logRetention", RetentionDays.class),
                streamProcessor(settings.object("streamProcessor")),
                alarmTopic(settings, holdsRealData),
                ServiceSettingsReader.auth(settings.object("auth"), settings, holdsRealData, account, region),
                backend);
    }

    /** Where alarms go; a stage holding real data must say, or its alarms would fire into the void. */
    private static Optional<String> alarmTopic(Settings settings, boolean holdsRealData) {
        String allowed = "an SNS topic ARN such as arn:aws:sns:us-east-1:210987654321:cruddur-alarms";
        Optional<String> topic = settings.optionalString("alarmTopicArn", SNS_TOPIC_ARN, allowed);
        if (holdsRealData && topic.isEmpty()) {
            throw settings.missing("alarmTopicArn", allowed + " that reaches a person: a stage holding real data sends every alarm"
                    + " there (create one: aws sns create-topic --name cruddur-alarms, then aws sns subscribe --protocol email)");
        }
        return topic;
    }

    private static List<String> availabilityZones(Settings settings, Optional<String> region) {
        List<String> zones = settings.stringList("availabilityZones", AVAILABILITY_ZONE, "availability zone names such as us-east-1a");
        if (region.isEmpty()) {
            if (!zones.isEmpty()) {
                throw settings.invalid("availabilityZones", zones, "no value when region is not set (the AZs then come from the deploy region)");
            }
            return zones;
        }
        String allowed = "at least " + DEFAULT_AZ_COUNT + " distinct zones of " + region.get()
                + " (a fixed region needs explicit AZs so synth never looks them up in an account)";
        if (zones.isEmpty()) {
            throw settings.missing("availabilityZones", allowed);
        }
        boolean valid = zones.size() >= DEFAULT_AZ_COUNT
                && zones.stream().distinct().count() == zones.size()
                && zones.stream().allMatch(zone -> zone.length() == region.get().length() + 1 && zone.startsWith(region.get()));
        if (!valid) {
            throw settings.invalid("availabilityZones", zones, allowed);
        }
        return zones;
    }

    private static SeedSettings seedConversation(Settings seed) {
        seed.rejectUnknownKeys(SEED_KEYS);
        String uuidAllowed = "a lowercase canonical UUID";
        SeedSettings settings = new SeedSettings(
                seed.string("messageGroupUuid", UUID, uuidAllowed, SeedSettings.DEFAULT_GROUP),
                seed.has("firstUser") ? seedUser(seed.object("firstUser")) : SeedSettings.DEFAULT_FIRST,
                seed.has("secondUser") ? seedUser(seed.object("secondUser")) : SeedSettings.DEFAULT_SECOND);
        boolean sameUuid = settings.firstUser().uuid().isPresent() && settings.firstUser().uuid().equals(settings.secondUser().uuid());
        if (sameUuid || settings.firstUser().handle().equals(settings.secondUser().handle())) {
            throw seed.invalid("secondUser", settings.secondUser().uuid().orElse(settings.secondUser().handle()), "a user other than firstUser");
        }
        return settings;
    }

    /** A user in full (uuid, displayName, handle), or by handle alone: then the seed reads the rest from Postgres. */
    private static SeedSettings.SeedUser seedUser(Settings user) {
        user.rejectUnknownKeys(SEED_USER_KEYS);
        String handle = user.string("handle", HANDLE, "1 to 50 letters, digits or underscores");
        if (!user.has("uuid")) {
            if (user.has("displayName")) {
                throw user.invalid("displayName", user.raw("displayName"), "no value without a uuid (a user given by handle alone"
                        + " gets uuid and display name from Postgres public.users at deploy time)");
            }
            return SeedSettings.SeedUser.byHandle(handle);
        }
        return SeedSettings.SeedUser.explicit(
                user.string("uuid", UUID, "a lowercase canonical UUID"),
                user.string("displayName", DISPLAY_NAME, "1 to 100 characters, not starting with a space"),
                handle);
    }

    private static StreamProcessorSettings streamProcessor(Settings stream) {
        stream.rejectUnknownKeys(STREAM_PROCESSOR_KEYS);
        return new StreamProcessorSettings(
                stream.integer("batchSize", 1, 10_000),
                stream.integer("batchingWindowSeconds", 0, 300),
                stream.integer("retryAttempts", 0, 10_000),
                stream.integer("maxRecordAgeSeconds", 60, 604_800),
                stream.integer("parkedBatchRetentionDays", 1, 3650));
    }
}
