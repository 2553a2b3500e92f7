package com.cruddur.messaging.local.preflight;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Check 7: when the user pool mails through SES (auth.email), the identity it names is verified for sending in its
 * region, and that region's SES account may mail anyone (out of the sandbox) and is not paused. Otherwise sign-up
 * codes never arrive, and nothing in the deploy says so.
 */
final class EmailIdentityCheck {

    static final String SUBJECT = "email";

    private EmailIdentityCheck() {
    }

    /** An SES identity (an email address or a domain) and the region whose SES holds it, as its ARN names them. */
    record Sender(String region, String identity) {
        static Sender of(String arn) {
            return new Sender(arn.split(":")[3], arn.substring(arn.indexOf(":identity/") + ":identity/".length()));
        }
    }

    /** The SES identity the Auth template's user pool sends from; empty when it uses Cognito's own sender. */
    static Optional<Sender> sender(JsonNode authTemplate, TemplateValues values) {
        for (JsonNode resource : authTemplate.path("Resources")) {
            JsonNode email = resource.path("Properties").path("EmailConfiguration");
            if ("AWS::Cognito::UserPool".equals(resource.path("Type").asText()) && "DEVELOPER".equals(email.path("EmailSendingAccount").asText())) {
                return values.resolve(email.path("SourceArn")).map(Sender::of);
            }
        }
        return Optional.empty();
    }

    /** {@code identity} and {@code account} are SES's answers in the sender's region; identity is empty when SES does not know it. */
    static CheckResult check(Optional<Sender> sender, Optional<SesFacts.Identity> identity, Optional<SesFacts.Account> account) {
        if (sender.isEmpty()) {
            return CheckResult.pass(SUBJECT, "Cognito's own sender, limited to 50 emails a day (a stage holding real data sets auth.email)");
        }
        String region = sender.get().region();
        String name = sender.get().identity();
        boolean address = name.contains("@");
        if (identity.isEmpty()) {
            return CheckResult.fail(SUBJECT, "SES in " + region + " has no identity " + name, "aws sesv2 create-email-identity --region " + region
                    + " --email-identity " + name + (address ? ", then open the link SES mails to it" : ", then publish the DKIM CNAME records it prints"));
        }
        if (!identity.get().verifiedForSending()) {
            return CheckResult.fail(SUBJECT, name + " is not verified for sending in " + region + " (" + identity.get().status() + ")", address
                    ? "open the link SES mailed to " + name + " (aws sesv2 create-email-identity again sends a new one)"
                    : "publish the DKIM CNAME records that aws sesv2 get-email-identity --region " + region + " --email-identity " + name
                            + " lists under DkimAttributes.Tokens, and wait for SUCCESS");
        }
        SesFacts.Account sending = account.orElseThrow();
        if (!sending.productionAccess()) {
            return CheckResult.fail(SUBJECT, "the SES account in " + region + " is in the sandbox: it mails verified addresses only, so new users"
                    + " get no code", "request production access: aws sesv2 put-account-details --region " + region + " --production-access-enabled"
                    + " --mail-type TRANSACTIONAL --website-url <your frontend URL> --use-case-description \"sign-up codes and password resets\"");
        }
        if (!sending.sendingEnabled()) {
            return CheckResult.fail(SUBJECT, "sending is paused for the SES account in " + region, "read the reason in the SES console's"
                    + " reputation page, then aws sesv2 put-account-sending-attributes --region " + region + " --sending-enabled");
        }
        String quota = sending.max24HourSend() < 0 ? "no daily limit" : String.format("%,.0f emails a day", sending.max24HourSend());
        return CheckResult.pass(SUBJECT, name + " is verified for sending in " + region + "; the account has production access (" + quota + ")");
    }
}
