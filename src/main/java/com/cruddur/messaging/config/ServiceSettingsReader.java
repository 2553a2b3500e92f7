package com.cruddur.messaging.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.cruddur.messaging.config.AuthSettings.ThreatProtection;
import com.cruddur.messaging.config.BackendSettings.CpuArchitecture;
import com.cruddur.messaging.config.BackendSettings.TaskPlacement;

/** Reads and validates the {@code auth} and {@code backend} objects of a stage. */
final class ServiceSettingsReader {

    private static final Set<String> AUTH_KEYS = Set.of("threatProtection", "accessTokenMinutes", "idTokenMinutes", "refreshTokenDays",
            "signUpTrigger", "email");
    private static final Set<String> BACKEND_KEYS = Set.of(
            "imageRepository", "imageTag", "imageDigest", "cpuArchitecture", "cpu", "memoryMiB", "desiredCount", "minCount", "maxCount",
            "targetCpuPercent", "frontendUrl", "backendUrl", "certificateArn", "accessLogDays", "placement", "database",
            "connectionUrlParameter", "firewall");

    private static final Pattern ECR_REPOSITORY = Pattern.compile("(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    /** ECR's image digests: SHA-256 of the manifest. */
    private static final Pattern IMAGE_DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?(/[^\\s]*)?");
    private static final Pattern CERTIFICATE_ARN = Pattern.compile(
            "arn:aws(-[a-z]+)*:acm:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:certificate/" + CanonicalUuid.REGEX);
    /** An SSM parameter name with a path, as the SecureString is put with aws ssm put-parameter. */
    private static final Pattern PARAMETER_NAME = Pattern.compile("(/[A-Za-z0-9_.-]+){1,15}");
    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)");

    private static final Set<String> FIREWALL_KEYS = Set.of("rateLimit", "rateWindowSeconds");
    private static final String FIREWALL_ALLOWED = "{\"rateLimit\": " + FirewallSettings.MIN_RATE_LIMIT + " to "
            + FirewallSettings.MAX_RATE_LIMIT + ", \"rateWindowSeconds\": one of " + FirewallSettings.RATE_WINDOWS_SECONDS
            + "}, such as {\"rateLimit\": 2000, \"rateWindowSeconds\": 300}";

    private static final Set<String> DATABASE_KEYS = Set.of("securityGroupId", "cidr", "port");
    private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final String DATABASE_ALLOWED = "how the backend reaches Postgres: {\"securityGroupId\": \"sg-...\", \"port\": 5432}"
            + " for an RDS instance in this VPC, or {\"cidr\": \"203.0.113.10/32\", \"port\": 5432} for a database elsewhere";

    /** Fargate's task sizes: memory (MiB) allowed for each CPU value. */
    static final Map<Integer, List<Integer>> FARGATE_MEMORY = Map.of(
            256, List.of(512, 1024, 2048),
            512, steps(1024, 4096),
            1024, steps(2048, 8192),
            2048, steps(4096, 16384),
            4096, steps(8192, 30720));
    static final int MAX_TASKS = 100;

    private ServiceSettingsReader() {
    }

    static AuthSettings auth(Settings auth, Settings stage, boolean holdsRealData, Optional<String> account, Optional<String> region) {
        auth.rejectUnknownKeys(AUTH_KEYS);
        AuthSettings settings = new AuthSettings(
                auth.enumValue("threatProtection", ThreatProtection.class),
                auth.integer("accessTokenMinutes", 5, 1440),
                auth.integer("idTokenMinutes", 5, 1440),
                auth.integer("refreshTokenDays", 1, 3650),
                !auth.has("signUpTrigger") || auth.bool("signUpTrigger"),
                EmailSettingsReader.read(auth, stage, holdsRealData, account, region));
        if (settings.refreshTokenDays() * 1440 <= Math.max(settings.accessTokenMinutes(), settings.idTokenMinutes())) {
            throw auth.invalid("refreshTokenDays", settings.refreshTokenDays(), "a lifetime longer than the access and id tokens'");
        }
        return settings;
    }

    static BackendSettings backend(Settings backend, String stage, int natGateways, boolean holdsRealData, Optional<String> region) {
        backend.rejectUnknownKeys(BACKEND_KEYS);
        int cpu = backend.integer("cpu", 256, 4096);
        if (!FARGATE_MEMORY.containsKey(cpu)) {
            throw backend.invalid("cpu", cpu, "one of the Fargate CPU sizes " + FARGATE_MEMORY.keySet().stream().sorted().toList());
        }
        int memory = backend.integer("memoryMiB", 512, 30720);
        if (!FARGATE_MEMORY.get(cpu).contains(memory)) {
            throw backend.invalid("memoryMiB", memory, "a Fargate memory size for cpu " + cpu + ": " + FARGATE_MEMORY.get(cpu));
        }
        int minCount = backend.integer("minCount", 1, MAX_TASKS);
        int maxCount = backend.integer("maxCount", minCount, MAX_TASKS);
        TaskPlacement placement = backend.enumValue("placement", TaskPlacement.class);
        if (placement == TaskPlacement.PRIVATE_SUBNETS && natGateways == 0) {
            throw backend.invalid("placement", placement.name(), "PUBLIC_SUBNETS when natGateways is 0 (tasks in private"
                    + " subnets reach ECR, SSM, CloudWatch Logs and Cognito through a NAT gateway)");
        }
        Optional<String> certificateArn = backend.optionalString("certificateArn", CERTIFICATE_ARN,
                "an ACM certificate ARN such as arn:aws:acm:us-east-1:123456789012:certificate/<uuid>");
        if (certificateArn.isPresent() && Placeholders.isCertificate(certificateArn.get())) {
            throw backend.placeholder("certificateArn", certificateArn.get(), "the ARN of your ISSUED ACM certificate for the backend's"
                    + " host (aws acm list-certificates)");
        }
        if (holdsRealData && certificateArn.isEmpty()) {
            throw backend.missing("certificateArn", "an ACM certificate ARN: a stage holding real data serves HTTPS only");
        }
        if (certificateArn.isPresent() && region.isPresent() && !certificateArn.get().contains(":acm:" + region.get() + ":")) {
            throw backend.invalid("certificateArn", certificateArn.get(), "a certificate of the stage's region " + region.get()
                    + " (a load balancer can only use certificates of its own region)");
        }
        OptionalInt accessLogDays = backend.optionalInteger("accessLogDays", 1, 3650);
        if (accessLogDays.isPresent() && region.isEmpty()) {
            throw backend.invalid("accessLogDays", accessLogDays.getAsInt(), "no value on a stage without a fixed region: the log"
                    + " bucket's policy names the load-balancing account of the region (set account, region and availabilityZones)");
        }
        if (holdsRealData && accessLogDays.isEmpty()) {
            throw backend.missing("accessLogDays", "the days to keep the load balancer's access logs, 1 to 3650, such as 90: a stage"
                    + " holding real data keeps a record of every request it served");
        }
        Optional<String> backendUrl = backend.optionalString("backendUrl", URL, "an http(s) URL such as https://api.cruddur.example.com");
        if (certificateArn.isPresent() && backendUrl.isEmpty()) {
            throw backend.missing("backendUrl", "the https URL the certificate covers (the load balancer's own name is not on it)");
        }
        String frontendUrl = backend.string("frontendUrl", URL, "an http(s) URL such as https://cruddur.example.com");
        if (Placeholders.isUrl(frontendUrl)) {
            throw backend.placeholder("frontendUrl", frontendUrl, "the URL your frontend is served from");
        }
        if (backendUrl.isPresent() && Placeholders.isUrl(backendUrl.get())) {
            throw backend.placeholder("backendUrl", backendUrl.get(), "the https URL of your backend's DNS name");
        }
        String repository = backend.string("imageRepository", ECR_REPOSITORY, "an ECR repository name such as backend-flask",
                BackendSettings.DEFAULT_REPOSITORY);
        return new BackendSettings(
                repository,
                image(backend, repository, stage, holdsRealData, region),
                backend.enumValue("cpuArchitecture", CpuArchitecture.class),
                cpu,
                memory,
                backend.integer("desiredCount", minCount, maxCount),
                minCount,
                maxCount,
                backend.integer("targetCpuPercent", 10, 90),
                frontendUrl,
                backendUrl,
                certificateArn,
                accessLogDays,
                placement,
                database(backend, holdsRealData),
                backend.string("connectionUrlParameter", PARAMETER_NAME, "an SSM parameter name such as "
                        + StageNames.defaultConnectionUrlParameter(stage), StageNames.defaultConnectionUrlParameter(stage)),
                firewall(backend, holdsRealData));
    }

    /**
     * {@code imageTag} or {@code imageDigest}, never both. A stage holding real data must name the image it runs: a digest,
     * or a tag that is neither one of the {@link ImageReference#MOVING_TAGS} nor the stage's name (a push would otherwise
     * change what the next deployment runs without {@code cdk diff} showing it, and a rollback could not name the image it
     * returns to). Other stages default to
     * {@value BackendSettings#DEFAULT_TAG}.
     */
    private static ImageReference image(Settings backend, String repository, String stage, boolean holdsRealData, Optional<String> region) {
        Optional<String> tag = backend.optionalString("imageTag", IMAGE_TAG, "an image tag of up to 128 letters, digits, '_', '.' and '-'");
        Optional<String> digest = backend.optionalString("imageDigest", IMAGE_DIGEST, "an image digest, sha256: and 64 lowercase hex digits"
                + " (" + digestCommand(repository, region, "TAG") + ")");
        if (tag.isPresent() && digest.isPresent()) {
            // A flag overrides the file, across the pair too: -c prod.backend.imageTag=v2 rolls out v2 over the file's digest.
            if (backend.fromFlag("imageTag") != backend.fromFlag("imageDigest")) {
                if (backend.fromFlag("imageTag")) {
                    digest = Optional.empty();
                } else {
                    tag = Optional.empty();
                }
            } else {
                throw backend.invalid("imageDigest", digest.get(), "no value when imageTag is set: name the image by imageTag or by"
                        + " imageDigest, not both (null removes a key in " + StageOverrides.DEFAULT_FILE + ")");
            }
        }
        if (digest.isPresent()) {
            return new ImageReference.Digest(digest.get());
        }
        if (tag.isEmpty()) {
            if (holdsRealData) {
                throw backend.missing("imageDigest", "the digest of the image to run, sha256:<64 hex> (" + digestCommand(repository, region, "TAG")
                        + "), or imageTag set to a tag that names one build: a stage holding real data runs the image it names");
            }
            return new ImageReference.Tag(BackendSettings.DEFAULT_TAG);
        }
        String lower = tag.get().toLowerCase(Locale.ROOT);
        if (holdsRealData && (ImageReference.MOVING_TAGS.contains(lower) || lower.equals(stage))) {
            throw backend.invalid("imageTag", tag.get(), "a tag that names one build (such as the backend's git commit or 2026-11-25.1,"
                    + " pushed to a repository whose tags are immutable), or imageDigest set to the image's digest ("
                    + digestCommand(repository, region, tag.get()) + "): a stage holding real data runs the image it names, and a"
                    + " tag such as latest, or the stage's name, is moved by every push");
        }
        return new ImageReference.Tag(tag.get());
    }

    /** The AWS CLI command that prints the digest of the image tagged {@code tag}. */
    private static String digestCommand(String repository, Optional<String> region, String tag) {
        return "aws ecr describe-images" + region.map(r -> " --region " + r).orElse("") + " --repository-name " + repository
                + " --image-ids imageTag=" + tag + " --query 'imageDetails[0].imageDigest' --output text";
    }

    /** AWS WAF on the load balancer: required where the stage holds real data, opt-in elsewhere (it has a monthly cost). */
    private static Optional<FirewallSettings> firewall(Settings backend, boolean holdsRealData) {
        if (!backend.has("firewall")) {
            if (holdsRealData) {
                throw backend.missing("firewall", FIREWALL_ALLOWED + ": a stage holding real data puts AWS WAF in front of its"
                        + " internet-facing load balancer");
            }
            return Optional.empty();
        }
        Settings firewall = backend.object("firewall");
        firewall.rejectUnknownKeys(FIREWALL_KEYS);
        return Optional.of(new FirewallSettings(
                firewall.integer("rateLimit", FirewallSettings.MIN_RATE_LIMIT, FirewallSettings.MAX_RATE_LIMIT),
                firewall.integerOneOf("rateWindowSeconds", FirewallSettings.RATE_WINDOWS_SECONDS,
                        "the evaluation windows AWS WAF offers a rate-based rule, in seconds")));
    }

    private static DatabaseAccess database(Settings backend, boolean holdsRealData) {
        if (!backend.has("database")) {
            throw backend.missing("database", DATABASE_ALLOWED);
        }
        Settings database = backend.object("database");
        database.rejectUnknownKeys(DATABASE_KEYS);
        int port = database.optionalInteger("port", 1, 65535).orElse(DatabaseAccess.DEFAULT_PORT);
        if (database.has("securityGroupId") == database.has("cidr")) {
            throw backend.invalid("database", database.keys(), "exactly one of securityGroupId and cidr, with an optional port");
        }
        if (database.has("securityGroupId")) {
            return new DatabaseAccess.InVpcSecurityGroup(
                    database.string("securityGroupId", SECURITY_GROUP_ID, "a security group id such as sg-0a1b2c3d4e5f60718"), port);
        }
        String cidr = database.string("cidr", IPV4_CIDR, "an IPv4 CIDR such as 203.0.113.10/32");
        if (holdsRealData && cidr.endsWith("/0")) {
            throw database.invalid("cidr", cidr, "the database's own network (a stage holding real data sends Postgres traffic"
                    + " nowhere else), such as 203.0.113.10/32");
        }
        return new DatabaseAccess.Network(cidr, port);
    }

    private static List<Integer> steps(int from, int to) {
        return IntStream.rangeClosed(from / 1024, to / 1024).map(gib -> gib * 1024).boxed().toList();
    }
}
