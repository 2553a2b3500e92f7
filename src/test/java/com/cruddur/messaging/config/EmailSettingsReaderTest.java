package com.cruddur.messaging.config;

import static com.cruddur.messaging.config.StageConfigAssertions.assertError;
import static com.cruddur.messaging.config.StageConfigAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;

/** {@code auth.email}: Cognito's mail through SES, from an identity of the stage's own account and region. */
class EmailSettingsReaderTest {

    private static final String ACCOUNT = "210987654321";
    private static final String DOMAIN_IDENTITY = "arn:aws:ses:us-east-1:" + ACCOUNT + ":identity/cruddur.test";

    @Test
    void prodMailsFromItsDomainIdentity() {
        assertEquals(Optional.of(new EmailSettings("no-reply@cruddur.test", Optional.of("Cruddur"), Optional.of("support@cruddur.test"),
                DOMAIN_IDENTITY)), read("prod", Map.of()).auth().email());
    }

    @Test
    void devUsesCognitosOwnSenderUnlessItOptsIn() {
        assertEquals(Optional.empty(), read("dev", Map.of()).auth().email());
    }

    @Test
    void aStageHoldingRealDataMustSetIt() {
        assertError(() -> read("prod", email("prod", null)), "stages.prod.auth.email is missing;", "only 50 emails a day",
                "-c prod.auth.email=VALUE");
    }

    @Test
    void anEmailAddressIdentityVerifiesExactlyThatAddress() {
        String identity = "arn:aws:ses:us-east-1:" + ACCOUNT + ":identity/alerts@cruddur.test";
        EmailSettings email = read("prod", email("prod", Map.of("fromAddress", "alerts@cruddur.test", "sesIdentityArn", identity)))
                .auth().email().orElseThrow();
        assertEquals("alerts@cruddur.test", email.identity());
        assertEquals(Optional.empty(), email.replyTo());
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply@cruddur.test", "sesIdentityArn", identity))),
                "stages.prod.auth.email.fromAddress: \"no-reply@cruddur.test\" is not allowed", "expected alerts@cruddur.test");
    }

    @Test
    void aDomainIdentityVerifiesAddressesOfThatDomainOnly() {
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply@mail.cruddur.test", "sesIdentityArn", DOMAIN_IDENTITY))),
                "stages.prod.auth.email.fromAddress: \"no-reply@mail.cruddur.test\" is not allowed", "an address @cruddur.test");
    }

    @Test
    void theIdentityMustBeInTheStagesRegion() {
        String other = DOMAIN_IDENTITY.replace("us-east-1", "eu-west-1");
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply@cruddur.test", "sesIdentityArn", other))),
                "stages.prod.auth.email.sesIdentityArn: \"" + other + "\" is not allowed", "the stage's region us-east-1");
    }

    @Test
    void theIdentityMustBeInTheStagesAccount() {
        String other = DOMAIN_IDENTITY.replace(ACCOUNT, "210987654322");
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply@cruddur.test", "sesIdentityArn", other))),
                "stages.prod.auth.email.sesIdentityArn: \"" + other + "\" is not allowed", "the stage's account " + ACCOUNT);
    }

    @Test
    void anEnvironmentAgnosticStageCannotSayWhoseIdentityItUses() {
        assertError(() -> read("dev", email("dev", Map.of("fromAddress", "no-reply@cruddur.test", "sesIdentityArn", DOMAIN_IDENTITY))),
                "stages.dev.region is missing;", "auth.email sends through SES");
    }

    @Test
    void aDevStageInAFixedEnvironmentMayOptIn() {
        Map<String, Object> overrides = new HashMap<>(email("dev", Map.of("fromAddress", "no-reply@cruddur.test", "sesIdentityArn", DOMAIN_IDENTITY)));
        overrides.putAll(Map.of("account", ACCOUNT, "region", "us-east-1", "availabilityZones", List.of("us-east-1a", "us-east-1b")));
        assertTrue(read("dev", overrides).auth().email().isPresent());
    }

    @Test
    void aMalformedIdentityArnIsRejected() {
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply@cruddur.test", "sesIdentityArn", "cruddur.test"))),
                "stages.prod.auth.email.sesIdentityArn: \"cruddur.test\" is not allowed", "the ARN of a verified SES identity");
    }

    @Test
    void aMalformedAddressIsRejected() {
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply", "sesIdentityArn", DOMAIN_IDENTITY))),
                "stages.prod.auth.email.fromAddress: \"no-reply\" is not allowed", "an email address");
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply@cruddur.test", "replyTo", "support at cruddur.test",
                "sesIdentityArn", DOMAIN_IDENTITY))), "stages.prod.auth.email.replyTo: \"support at cruddur.test\" is not allowed");
    }

    @Test
    void anAddressOfAnExampleDomainIsAPlaceholder() {
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply@cruddur.test", "replyTo", "support@example.com",
                "sesIdentityArn", DOMAIN_IDENTITY))), "stages.prod.auth.email.replyTo: \"support@example.com\" is a placeholder");
    }

    @Test
    void aSenderNameCannotBreakTheFromHeader() {
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply@cruddur.test", "fromName", "Cruddur <admin@evil.test>",
                "sesIdentityArn", DOMAIN_IDENTITY))), "stages.prod.auth.email.fromName: \"Cruddur <admin@evil.test>\" is not allowed",
                "without quotes, angle brackets or line breaks");
    }

    @Test
    void anUnknownKeyIsRejectedListingTheKnownOnes() {
        assertError(() -> read("prod", email("prod", Map.of("fromAddress", "no-reply@cruddur.test", "sesIdentityArn", DOMAIN_IDENTITY,
                "configurationSet", "x"))), "stages.prod.auth.email.configurationSet is not a known setting",
                "[fromAddress, fromName, replyTo, sesIdentityArn]");
    }

    /** The stage's auth object with {@code email} in place of its own (null: none). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> email(String stage, Map<String, Object> email) {
        Map<String, Object> auth = new HashMap<>((Map<String, Object>) TestApps.stageSettings(stage).get("auth"));
        auth.put("email", email);
        return Map.of("auth", auth);
    }

}
