package com.cruddur.messaging.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Physical names that depend on the stage, so that two stages deploy side by side in one account and region. Names
 * CloudFormation generates need nothing; a name fixed in a template is derived from the stage here, or is a stage
 * setting (the table, the {@code CONNECTION_URL} parameter) that no two stages may share.
 */
public final class StageNames {

    private StageNames() {
    }

    /** The stream processor's function: SPEC §5's {@code cruddur-messaging-stream}, with the stage in it. */
    public static String streamProcessorFunction(String stage) {
        return "cruddur-" + stage + "-messaging-stream";
    }

    /** The Cognito post-confirmation trigger that makes a confirmed sign-up a users row. */
    public static String signUpFunction(String stage) {
        return "cruddur-" + stage + "-signup";
    }

    /**
     * The web ACL in front of the backend's load balancer, also its CloudWatch metric name (the {@code WebACL} dimension):
     * unique per account, region and scope, so two stages in one account need their own.
     */
    public static String backendFirewall(String stage) {
        return "cruddur-" + stage + "-backend";
    }

    /** The stage's CloudWatch dashboard. */
    public static String dashboard(String stage) {
        return "cruddur-" + stage;
    }

    /** The namespace of the metrics the stage derives from its logs (batches, sign-ups), so two stages in one account never add up. */
    public static String metricNamespace(String stage) {
        return "Cruddur/" + stage + "/Messaging";
    }

    /** Where the backend's {@code CONNECTION_URL} SecureString lives unless the stage names another. */
    static String defaultConnectionUrlParameter(String stage) {
        return "/cruddur/" + stage + "/backend-flask/CONNECTION_URL";
    }

    /**
     * Refuses a stage whose table or {@code CONNECTION_URL} parameter another declared stage also uses, unless the
     * two are pinned to different accounts or regions: one would overwrite the other's data, or dev would read
     * prod's database secret.
     */
    static void requireDistinct(StageConfig config, Settings stages) {
        for (String other : stages.keys()) {
            if (other.equals(config.name()) || !(stages.raw(other) instanceof Map<?, ?> settings)) {
                continue;
            }
            if (differentEnvironments(config, settings)) {
                continue;
            }
            Settings mine = stages.object(config.name());
            String otherTable = String.valueOf(Objects.requireNonNullElse(settings.get("tableName"), StageConfigReader.DEFAULT_TABLE_NAME));
            if (otherTable.equals(config.tableName())) {
                throw mine.shared("tableName", config.tableName(), other, "table");
            }
            Object otherBackend = settings.get("backend");
            Object otherParameter = otherBackend instanceof Map<?, ?> backend ? backend.get("connectionUrlParameter") : null;
            String otherConnection = otherParameter != null ? String.valueOf(otherParameter) : defaultConnectionUrlParameter(other);
            if (otherConnection.equals(config.backend().connectionUrlParameter())) {
                throw mine.object("backend").shared("connectionUrlParameter", otherConnection, other, "CONNECTION_URL parameter");
            }
        }
    }

    private static boolean differentEnvironments(StageConfig config, Map<?, ?> other) {
        Optional<Object> account = Optional.ofNullable(other.get("account"));
        Optional<Object> region = Optional.ofNullable(other.get("region"));
        return config.account().isPresent() && account.isPresent() && region.isPresent()
                && (!config.account().get().equals(account.get()) || !config.region().orElseThrow().equals(region.get()));
    }
}
