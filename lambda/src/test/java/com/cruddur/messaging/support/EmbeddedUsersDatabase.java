package com.cruddur.messaging.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real Postgres server (zonky's binaries from Maven Central), started once per test JVM on a free localhost
 * port, with Cruddur's users schema ({@code local/src/main/resources/db/schema.sql}, the file backend-flask's
 * schema is copied into; surefire names it in {@code cruddur.users.schema}). Each {@link #fresh()} database is a
 * copy of a template that holds the schema, so tests never see each other's rows.
 *
 * <p>The code under test connects as {@value #APP_ROLE}, a role with a password full of characters a URL must
 * percent-encode, checked by scram-sha-256 over TCP: a password decoded wrongly fails to connect. It may only
 * select, insert and update users (what the trigger and the seed need). The superuser, trusted without a password,
 * is the tests' own view of the rows.
 */
public final class EmbeddedUsersDatabase {

    public static final String APP_ROLE = "cruddur_app";
    public static final String APP_PASSWORD = "p@ss:w/rd %+?&#é";

    private static final String TEMPLATE = "users_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String database;

    private EmbeddedUsersDatabase(String database) {
        this.database = database;
    }

    /** A new database with the users schema and no rows. */
    public static EmbeddedUsersDatabase fresh() {
        String database = "users_" + DATABASES.incrementAndGet();
        execute(server(), "postgres", "CREATE DATABASE " + database + " TEMPLATE " + TEMPLATE);
        return new EmbeddedUsersDatabase(database);
    }

    /** backend-flask's CONNECTION_URL for this database, in libpq's form, password percent-encoded. */
    public String connectionUrl() {
        return connectionUrlOnPort(server().getPort());
    }

    /** The same URL pointing at another port (one nothing listens on: a database that is down). */
    public String connectionUrlOnPort(int port) {
        String password = URLEncoder.encode(APP_PASSWORD, StandardCharsets.UTF_8).replace("+", "%20");
        return "postgresql://" + APP_ROLE + ":" + password + "@localhost:" + port + "/" + database + "?sslmode=disable";
    }

    /** "host:port/db" as PostgresUsers names this database. */
    public String describe() {
        return "localhost:" + server().getPort() + "/" + database;
    }

    /** Adds a user row as backend-flask's seed.sql would. */
    public void insertUser(String displayName, String email, String handle, String cognitoUserId) {
        execute(server(), database, "INSERT INTO public.users (display_name, email, handle, cognito_user_id) VALUES (?, ?, ?, ?)",
                displayName, email, handle, cognitoUserId);
    }

    /** Ends every session of this role on this database, as a server restart or a failover would. */
    public void terminateConnectionsOf(String role) {
        execute(server(), "postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ? AND datname = ?",
                role, database);
    }

    /** Every row as "display_name|email|handle|cognito_user_id", in insertion order. */
    public List<String> users() {
        try (Connection db = server().getDatabase("postgres", database).getConnection();
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery(
                     "SELECT display_name, email, handle, cognito_user_id FROM public.users ORDER BY created_at, uuid")) {
            List<String> users = new ArrayList<>();
            while (rows.next()) {
                users.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3) + "|" + rows.getString(4));
            }
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException("reading public.users of " + database, e);
        }
    }

    /** The uuid Postgres gave the user with this handle. */
    public String uuidOf(String handle) {
        try (Connection db = server().getDatabase("postgres", database).getConnection();
             PreparedStatement query = db.prepareStatement("SELECT uuid::text FROM public.users WHERE handle = ?")) {
            query.setString(1, handle);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no user " + handle + " in " + database);
                }
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading public.users of " + database, e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Postgres did not start", e);
            }
        }
        return server;
    }

    private static EmbeddedPostgres start() throws IOException {
        Path hba = Files.createTempFile("cruddur-pg_hba", ".conf");
        hba.toFile().deleteOnExit();
        Files.writeString(hba, String.join("\n",
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256",
                ""));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
        String schema = Files.readString(schemaFile());
        execute(postgres, "postgres", "CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD '" + APP_PASSWORD.replace("'", "''") + "'");
        execute(postgres, "postgres", "CREATE DATABASE " + TEMPLATE);
        execute(postgres, TEMPLATE, schema);
        execute(postgres, TEMPLATE, "GRANT SELECT, INSERT, UPDATE ON public.users TO " + APP_ROLE);
        return postgres;
    }

    private static Path schemaFile() {
        String schema = System.getProperty("cruddur.users.schema");
        if (schema == null) {
            throw new IllegalStateException("system property cruddur.users.schema is not set; run the tests through Maven (lambda/pom.xml sets it)");
        }
        return Path.of(schema);
    }

    private static void execute(EmbeddedPostgres postgres, String database, String sql, Object... parameters) {
        try (Connection db = postgres.getDatabase("postgres", database).getConnection();
             PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("running SQL on " + database + ": " + e.getMessage(), e);
        }
    }
}
