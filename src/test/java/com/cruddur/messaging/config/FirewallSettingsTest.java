package com.cruddur.messaging.config;

import static com.cruddur.messaging.config.StageConfigAssertions.assertError;
import static com.cruddur.messaging.config.StageConfigAssertions.read;
import static com.cruddur.messaging.config.StageConfigAssertions.readProdWithFlags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code backend.firewall}: AWS WAF on the backend's load balancer, required where a stage holds real data, with WAFv2's
 * own limits for a rate-based rule (rate limit 10 to 2,000,000,000; evaluation window 60, 120, 300 or 600 seconds).
 */
class FirewallSettingsTest {

    @Test
    void prodLimitsEachAddressTo2000RequestsIn5Minutes() {
        assertEquals(Optional.of(new FirewallSettings(2000, 300)), read("prod", Map.of()).backend().firewall());
    }

    @Test
    void devHasNoFirewall() {
        assertEquals(Optional.empty(), read("dev", Map.of()).backend().firewall());
    }

    @Test
    void aStageWithoutRealDataMayOptIn() {
        assertEquals(Optional.of(new FirewallSettings(100, 60)),
                read("dev", firewall("dev", Map.of("rateLimit", 100, "rateWindowSeconds", 60))).backend().firewall());
    }

    @Test
    void aStageHoldingRealDataWithoutAFirewallIsRefusedInOneLineNamingTheSetting() {
        InvalidStageConfigException error = assertError(() -> read("prod", firewall("prod", null)),
                "stages.prod.backend.firewall is missing; expected {\"rateLimit\": 10 to 2000000000, \"rateWindowSeconds\": one of"
                        + " [60, 120, 300, 600]}", "a stage holding real data puts AWS WAF in front of",
                "(with -c prod.backend.firewall=VALUE or in stages.local.json)");
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
    }

    @Test
    void aRateLimitBelowWafsMinimumIsRefusedNamingTheRange() {
        assertError(() -> read("dev", firewall("dev", Map.of("rateLimit", 9, "rateWindowSeconds", 300))),
                "stages.dev.backend.firewall.rateLimit: 9 is not allowed; expected a whole number from 10 to 2000000000");
    }

    @Test
    void aRateLimitAboveWafsMaximumIsRefusedNamingTheRange() {
        assertError(() -> read("prod", firewall("prod", Map.of("rateLimit", 2_000_000_001L, "rateWindowSeconds", 300))),
                "stages.prod.backend.firewall.rateLimit: 2000000001 is not allowed; expected a whole number from 10 to 2000000000");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 30, 90, 900})
    void aWindowWafDoesNotOfferIsRefusedListingTheWindows(int seconds) {
        assertError(() -> read("dev", firewall("dev", Map.of("rateLimit", 2000, "rateWindowSeconds", seconds))),
                "stages.dev.backend.firewall.rateWindowSeconds: " + seconds + " is not allowed; expected one of [60, 120, 300, 600]",
                "the evaluation windows AWS WAF offers");
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 120, 300, 600})
    void everyWindowWafOffersIsAccepted(int seconds) {
        assertEquals(seconds, read("dev", firewall("dev", Map.of("rateLimit", 2000, "rateWindowSeconds", seconds)))
                .backend().firewall().orElseThrow().rateWindowSeconds());
    }

    @Test
    void aWindowGivenAsTextInCdkJsonIsRefused() {
        assertError(() -> read("dev", firewall("dev", Map.of("rateLimit", 2000, "rateWindowSeconds", "300"))),
                "stages.dev.backend.firewall.rateWindowSeconds: \"300\" is not allowed");
    }

    @Test
    void bothValuesAreRequired() {
        assertError(() -> read("dev", firewall("dev", Map.of("rateLimit", 2000))),
                "stages.dev.backend.firewall.rateWindowSeconds is missing");
        assertError(() -> read("dev", firewall("dev", Map.of("rateWindowSeconds", 300))),
                "stages.dev.backend.firewall.rateLimit is missing");
    }

    @Test
    void anUnknownFirewallKeyIsRefusedListingTheKnownOnes() {
        assertError(() -> read("dev", firewall("dev", Map.of("rateLimit", 2000, "rateWindowSeconds", 300, "managedRules", "all"))),
                "stages.dev.backend.firewall.managedRules is not a known setting; allowed keys are [rateLimit, rateWindowSeconds]");
    }

    @Test
    void aFirewallThatIsNotAnObjectIsRefused() {
        assertError(() -> read("dev", firewall("dev", true)), "stages.dev.backend.firewall: true is not allowed; expected a JSON object");
    }

    @Test
    void flagsSetTheLimitsFromText() {
        StageConfig prod = readProdWithFlags(Map.of("prod.backend.firewall.rateLimit", "500", "prod.backend.firewall.rateWindowSeconds", "60"));

        assertEquals(Optional.of(new FirewallSettings(500, 60)), prod.backend().firewall());
    }

    @Test
    void aWindowFlagIsReadAsANumberAndRefusedAsOne() {
        assertError(() -> readProdWithFlags(Map.of("prod.backend.firewall.rateWindowSeconds", "90")),
                "stages.prod.backend.firewall.rateWindowSeconds: 90 is not allowed; expected one of [60, 120, 300, 600]");
    }

    /** The stage's backend object with {@code firewall} in place of its own ({@code null} removes it). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> firewall(String stage, Object firewall) {
        Map<String, Object> backend = new LinkedHashMap<>((Map<String, Object>) TestApps.stageSettings(stage).get("backend"));
        if (firewall == null) {
            backend.remove("firewall");
        } else {
            backend.put("firewall", firewall);
        }
        return Map.of("backend", backend);
    }

}
