package com.cruddur.messaging.users;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * backend-flask's {@code CONNECTION_URL}, a libpq connection URI
 * ({@code postgresql://user:password@host:port/db?sslmode=require}), as what the PostgreSQL JDBC driver
 * takes: a JDBC URL that holds no secret, and connection properties with the user, the password and every
 * query parameter of the URI (sslmode and friends keep their libpq names, which the driver shares).
 *
 * <p>Parsed as libpq parses it (PostgreSQL docs, §34.1.1): user and password end at the first {@code @}
 * before any {@code /}; every part is percent-decoded, {@code +} stays a plus; the port defaults to 5432; an
 * IPv6 host is written in brackets. Not {@link java.net.URI}: its parse errors quote the whole input, and the
 * input holds the password. A URI this class refuses is an {@link IllegalArgumentException} that names the
 * faulty part and never contains the password.
 *
 * @param host     the server's host name or address (IPv6 without brackets)
 * @param port     the server's port
 * @param database the database name
 * @param user     the user name, decoded
 * @param password the password, decoded; empty when the URI has none
 * @param options  the URI's query parameters, decoded
 */
public record PostgresConnectionUrl(String host, int port, String database, String user, String password,
                                    Map<String, String> options) {

    /** libpq's default port. */
    public static final int DEFAULT_PORT = 5432;

    private static final String[] SCHEMES = {"postgresql://", "postgres://"};

    public PostgresConnectionUrl {
        options = Map.copyOf(options);
    }

    /** Parses a libpq connection URI; throws IllegalArgumentException naming what is wrong, without the password. */
    public static PostgresConnectionUrl parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("the Postgres connection URL is empty");
        }
        String rest = stripScheme(uri.strip());

        int slash = indexOfAny(rest, "/?", 0);
        int at = rest.lastIndexOf('@', slash < 0 ? rest.length() - 1 : slash - 1);
        String user = "";
        String password = "";
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1), "password");
            rest = rest.substring(at + 1);
        }
        if (user.isEmpty()) {
            throw new IllegalArgumentException("the Postgres connection URL names no user (postgresql://user:password@host:port/db)");
        }

        int hostEnd = indexOfAny(rest, "/?", 0);
        String hostAndPort = hostEnd < 0 ? rest : rest.substring(0, hostEnd);
        String afterHost = hostEnd < 0 ? "" : rest.substring(hostEnd);
        if (hostAndPort.contains(",")) {
            throw new IllegalArgumentException("the Postgres connection URL names several hosts (" + hostAndPort + "); give one host");
        }
        String host;
        String portText;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("the Postgres connection URL has an IPv6 host without its closing ] (" + hostAndPort + ")");
            }
            host = hostAndPort.substring(1, close);
            String tail = hostAndPort.substring(close + 1);
            if (!tail.isEmpty() && !tail.startsWith(":")) {
                throw new IllegalArgumentException("the Postgres connection URL has text after its IPv6 host (" + hostAndPort + ")");
            }
            portText = tail.isEmpty() ? "" : tail.substring(1);
        } else {
            int colon = hostAndPort.lastIndexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            portText = colon < 0 ? "" : hostAndPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the Postgres connection URL names no host (a Unix socket cannot be reached from Java)");
        }
        int port = portText.isEmpty() ? DEFAULT_PORT : port(portText, host);

        int query = afterHost.indexOf('?');
        String path = query < 0 ? afterHost : afterHost.substring(0, query);
        String database = path.isEmpty() ? "" : decode(path.substring(1), "database name");
        if (database.isEmpty()) {
            throw new IllegalArgumentException("the Postgres connection URL names no database (postgresql://user:password@" + host + ":" + port + "/db)");
        }
        Map<String, String> options = query < 0 ? Map.of() : options(afterHost.substring(query + 1));
        return new PostgresConnectionUrl(host, port, database, user, password, options);
    }

    /** The JDBC URL; it carries no user, password or option, so it is safe to log. */
    public String jdbcUrl() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + jdbcPathSegment(database);
    }

    /** What the driver connects with besides the JDBC URL: the query parameters, the user and the password. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        properties.putAll(options);
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    /** {@code host:port/db}, for messages and logs. */
    public String describe() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }

    /** Never the password: records print every component, and this one ends up in logs and exceptions. */
    @Override
    public String toString() {
        return "PostgresConnectionUrl[" + user + "@" + describe() + ", options=" + options.keySet() + "]";
    }

    private static String stripScheme(String uri) {
        for (String scheme : SCHEMES) {
            if (uri.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return uri.substring(scheme.length());
            }
        }
        throw new IllegalArgumentException("the Postgres connection URL must start with postgresql:// or postgres://");
    }

    private static int port(String text, String host) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("the Postgres connection URL has port '" + text + "' for host " + host + "; expected 1-65535");
    }

    private static Map<String, String> options(String query) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("the Postgres connection URL has a query parameter without name=value");
            }
            String name = decode(pair.substring(0, equals), "query parameter name");
            options.put(name, decode(pair.substring(equals + 1), "query parameter " + name));
        }
        return options;
    }

    /** Percent-decoding as libpq does it: %XX bytes as UTF-8, every other character (also +) as itself. */
    private static String decode(String text, String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (low < 0) {
                throw new IllegalArgumentException("the Postgres connection URL has an invalid percent-encoding in its " + part);
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A database name in a JDBC URL path: the driver percent-decodes it, so %, / and ? must be encoded. */
    private static String jdbcPathSegment(String database) {
        StringBuilder encoded = new StringBuilder(database.length());
        for (byte b : database.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '.') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    private static int indexOfAny(String text, String characters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
