package com.cruddur.messaging.config;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates {@code auth.email}: SES identity, sender and reply-to, checked against the stage's account and region. */
final class EmailSettingsReader {

    private static final Set<String> KEYS = Set.of("fromAddress", "fromName", "replyTo", "sesIdentityArn");
    /** ASCII addresses only: Cognito's From header carries the local part as written. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern NAME = Pattern.compile("[^\\s<>\"][^\\r\\n<>\"]{0,63}");
    private static final Pattern IDENTITY_ARN = Pattern.compile(
            "arn:aws(-[a-z]+)*:ses:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:identity/([A-Za-z0-9.@+_-]+)");
    private static final String ADDRESS_ALLOWED = "an email address such as no-reply@cruddur.net";
    private static final String ARN_ALLOWED = "the ARN of a verified SES identity, such as arn:aws:ses:us-east-1:210987654321:identity/cruddur.net"
            + " (aws sesv2 list-email-identities)";

    private EmailSettingsReader() {
    }

    /**
     * {@code auth.email} of a stage in {@code account} and {@code region}; a stage holding real data must set it, since
     * Cognito's own sender stops after a few dozen mails a day.
     */
    static Optional<EmailSettings> read(Settings auth, Settings stage, boolean holdsRealData, Optional<String> account, Optional<String> region) {
        if (!auth.has("email")) {
            if (holdsRealData) {
                throw auth.missing("email", "{\"fromAddress\": ..., \"sesIdentityArn\": ...} (and optionally fromName, replyTo): a stage"
                        + " holding real data mails its users through SES, since Cognito's built-in sender allows only 50 emails a day");
            }
            return Optional.empty();
        }
        Settings email = auth.object("email");
        email.rejectUnknownKeys(KEYS);
        if (region.isEmpty()) {
            throw stage.missing("region", "the stage's account and region: auth.email sends through SES in them (an environment-agnostic"
                    + " stage cannot say which account's identity it uses)");
        }
        EmailSettings settings = new EmailSettings(
                address(email, "fromAddress").orElseThrow(() -> email.missing("fromAddress", ADDRESS_ALLOWED)),
                email.optionalString("fromName", NAME, "1 to 64 characters without quotes, angle brackets or line breaks"),
                address(email, "replyTo"),
                email.string("sesIdentityArn", IDENTITY_ARN, ARN_ALLOWED));
        if (!settings.region().equals(region.get())) {
            throw email.invalid("sesIdentityArn", settings.sesIdentityArn(), "an identity of the stage's region " + region.get()
                    + " (Cognito sends through SES in its own region)");
        }
        if (!settings.account().equals(account.orElseThrow())) {
            throw email.invalid("sesIdentityArn", settings.sesIdentityArn(), "an identity of the stage's account " + account.get());
        }
        if (!covers(settings)) {
            throw email.invalid("fromAddress", settings.fromAddress(), settings.domainIdentity()
                    ? "an address @" + settings.identity() + ", the domain the SES identity verifies"
                    : settings.identity() + ", the address the SES identity verifies");
        }
        return Optional.of(settings);
    }

    private static Optional<String> address(Settings email, String key) {
        Optional<String> address = email.optionalString(key, ADDRESS, ADDRESS_ALLOWED);
        if (address.isPresent() && Placeholders.isEmailAddress(address.get())) {
            throw email.placeholder(key, address.get(), "an address of your own domain");
        }
        return address;
    }

    /** SES sends only from what it verified: the address itself, or any address of the verified domain (exactly that domain). */
    private static boolean covers(EmailSettings settings) {
        if (settings.domainIdentity()) {
            return settings.fromAddress().substring(settings.fromAddress().indexOf('@') + 1).equals(settings.identity());
        }
        return settings.fromAddress().equals(settings.identity());
    }
}
