package com.cruddur.messaging.local;

import java.util.Optional;

import picocli.CommandLine.Option;

/**
 * Where backend-flask's Postgres is: --database-url, else CONNECTION_URL, the variable backend-flask itself reads (a libpq
 * URL such as postgresql://user:password@localhost:5432/cruddur). The URL carries a password, so it is never printed.
 */
public final class DatabaseUrl {

    @Option(names = "--database-url", defaultValue = "${env:CONNECTION_URL}", paramLabel = "URL",
            description = "backend-flask's Postgres as a libpq URL, postgresql://user:password@host:5432/cruddur (default: $CONNECTION_URL)")
    String url;

    /** The URL when one was given or exported. */
    public Optional<String> url() {
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
    }

    /** The URL, or a one-line failure saying both ways to give it. */
    public String require() {
        return url().orElseThrow(() -> new IllegalStateException(
                "no database URL: pass --database-url postgresql://user:password@host:5432/cruddur or export CONNECTION_URL"));
    }
}
