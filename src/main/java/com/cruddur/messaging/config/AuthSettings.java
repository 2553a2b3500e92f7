package com.cruddur.messaging.config;

import java.util.Optional;

/**
 * The stage's Cognito user pool.
 *
 * @param threatProtection    Cognito threat protection (needs the Plus feature plan, billed per active user):
 *                            {@code OFF}, {@code AUDIT} (log risky sign-ins) or {@code ENFORCED} (block them)
 * @param accessTokenMinutes  lifetime of access tokens (5..1440)
 * @param idTokenMinutes      lifetime of id tokens (5..1440)
 * @param refreshTokenDays    lifetime of refresh tokens (1..3650), longer than either of the above
 * @param signUpTrigger       whether a confirmed sign-up becomes a row of Postgres public.users (default true)
 * @param email               Cognito's mail through SES; empty = Cognito's built-in sender (required on a stage holding real data)
 */
public record AuthSettings(ThreatProtection threatProtection, int accessTokenMinutes, int idTokenMinutes, int refreshTokenDays,
                           boolean signUpTrigger, Optional<EmailSettings> email) {

    /** Values of {@code auth.threatProtection}. */
    public enum ThreatProtection { OFF, AUDIT, ENFORCED }
}
