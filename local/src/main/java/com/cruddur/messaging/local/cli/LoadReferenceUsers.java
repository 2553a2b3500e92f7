package com.cruddur.messaging.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

import com.cruddur.messaging.local.DatabaseUrl;
import com.cruddur.messaging.users.PostgresConnectionUrl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A developer's Postgres made ready for local mode: backend-flask's users table and the reference users of the bootcamp's
 * seed.sql, from the same two files the README's psql lines apply. Both only add what is missing.
 */
@Command(name = "load-reference-users", mixinStandardHelpOptions = true,
        description = "Create backend-flask's public.users where missing (db/schema.sql) and add the bootcamp's reference users whose"
                + " handles are not there yet (db/reference-users.sql). Safe to run again.")
final class LoadReferenceUsers implements Callable<Integer> {

    static final String SCHEMA = "/db/schema.sql";
    static final String REFERENCE_USERS = "/db/reference-users.sql";

    @Mixin
    DatabaseUrl database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PostgresConnectionUrl url = PostgresConnectionUrl.parse(database.require());
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties())) {
            run(connection, SCHEMA);
            int added = run(connection, REFERENCE_USERS);
            spec.commandLine().getOut().println("public.users ready in Postgres " + url.describe() + "; added " + added
                    + " reference user(s)");
        } catch (SQLException e) {
            // The driver's messages name host, port and user, never the password.
            throw new IllegalStateException("loading the reference users into Postgres " + url.describe() + " failed: " + e.getMessage(), e);
        }
        return 0;
    }

    /** Runs a script of the classpath as one simple query; the rows its statements changed. */
    private static int run(Connection connection, String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int changed = 0;
            boolean resultSet = statement.execute(read(script));
            while (resultSet || statement.getUpdateCount() != -1) {
                changed += resultSet ? 0 : statement.getUpdateCount();
                resultSet = statement.getMoreResults();
            }
            return changed;
        }
    }

    private static String read(String resource) {
        try (InputStream in = LoadReferenceUsers.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
