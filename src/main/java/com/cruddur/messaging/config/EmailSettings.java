package com.cruddur.messaging.config;

import java.util.Optional;

/**
 * How Cognito mails verification codes and password resets: through Amazon SES from the stage's own verified identity
 * instead of Cognito's built-in sender, whose daily quota is far below what a real stage needs.
 *
 * @param fromAddress     the sender address, one the identity verifies (the identity itself, or an address of its domain)
 * @param fromName        the sender name shown beside the address; empty = the address alone
 * @param replyTo         where replies go; empty = the from address
 * @param sesIdentityArn  the verified SES identity (an email address or a domain) in the stage's account and region
 */
public record EmailSettings(String fromAddress, Optional<String> fromName, Optional<String> replyTo, String sesIdentityArn) {

    /** What the identity verifies: an email address or a domain (the last part of the ARN). */
    public String identity() {
        return sesIdentityArn.substring(sesIdentityArn.indexOf(":identity/") + ":identity/".length());
    }

    /** True when the identity is a domain, so the from address is one of its addresses rather than the identity itself. */
    public boolean domainIdentity() {
        return !identity().contains("@");
    }

    /** The region of the identity, where Cognito calls SES. */
    public String region() {
        return sesIdentityArn.split(":")[3];
    }

    String account() {
        return sesIdentityArn.split(":")[4];
    }
}
