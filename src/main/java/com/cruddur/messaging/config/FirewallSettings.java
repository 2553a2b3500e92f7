package com.cruddur.messaging.config;

import java.util.List;

/**
 * AWS WAF in front of the backend's internet-facing load balancer ({@code backend.firewall}): AWS's managed common and
 * known-bad-inputs rule sets, then a rate limit per client IP address. Required where the stage holds real data;
 * absent = no web ACL (it costs $5 a month plus $1 per rule even with no traffic).
 *
 * @param rateLimit         requests one IP address may send within {@code rateWindowSeconds}; WAF blocks the rest until
 *                          its rate falls below the limit ({@value #MIN_RATE_LIMIT} to {@value #MAX_RATE_LIMIT}, WAFv2's
 *                          range for a rate-based rule)
 * @param rateWindowSeconds how far back WAF counts: one of {@link #RATE_WINDOWS_SECONDS}, WAFv2's evaluation windows
 */
public record FirewallSettings(int rateLimit, int rateWindowSeconds) {

    /** WAFv2's {@code RateBasedStatement.Limit} range (the service model's {@code RateLimit}: 10 to 2,000,000,000). */
    public static final int MIN_RATE_LIMIT = 10;
    public static final int MAX_RATE_LIMIT = 2_000_000_000;
    /** WAFv2's {@code RateBasedStatement.EvaluationWindowSec} values. */
    public static final List<Integer> RATE_WINDOWS_SECONDS = List.of(60, 120, 300, 600);
}
