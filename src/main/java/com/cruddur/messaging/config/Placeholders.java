package com.cruddur.messaging.config;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Values copied from documentation that pass every pattern and then fail halfway through a deploy (and a rollback
 * that must delete a deletion-protected load balancer gets stuck): the accounts AWS's documentation uses, hosts of
 * the domains reserved for examples (RFC 2606) in URLs and email addresses, and a certificate id of zeros.
 */
final class Placeholders {

    private static final Set<String> ACCOUNTS = Set.of("123456789012", "111122223333", "444455556666", "000000000000");
    private static final Set<String> EXAMPLE_DOMAINS = Set.of("example.com", "example.net", "example.org", "example");

    private Placeholders() {
    }

    static boolean isAccount(String account) {
        return ACCOUNTS.contains(account);
    }

    static boolean isUrl(String url) {
        String host = URI.create(url).getHost();
        return host != null && isExampleHost(host);
    }

    static boolean isEmailAddress(String address) {
        return isExampleHost(address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isExampleHost(String host) {
        return EXAMPLE_DOMAINS.stream().anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain));
    }

    static boolean isCertificate(String arn) {
        return arn.endsWith("/00000000-0000-0000-0000-000000000000") || arn.endsWith("/00000000-0000-4000-8000-000000000000");
    }
}
