package com.cruddur.messaging.local.preflight;

import java.util.Optional;

/**
 * Where a stage deploys, as its cloud assembly records it ({@code aws://ACCOUNT/REGION}); an environment-agnostic stage
 * ({@code aws://unknown-account/unknown-region}) deploys wherever the caller's credentials and region point.
 */
public record StageEnvironment(Optional<String> account, Optional<String> region) {

    private static final String PREFIX = "aws://";

    public static StageEnvironment parse(String environment) {
        String[] parts = environment.startsWith(PREFIX) ? environment.substring(PREFIX.length()).split("/", -1) : new String[0];
        if (parts.length != 2) {
            throw new IllegalArgumentException("cannot read environment " + environment + "; expected aws://ACCOUNT/REGION");
        }
        return new StageEnvironment(known(parts[0], "unknown-account"), known(parts[1], "unknown-region"));
    }

    private static Optional<String> known(String value, String unknown) {
        return unknown.equals(value) ? Optional.empty() : Optional.of(value);
    }
}
