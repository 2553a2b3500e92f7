package com.cruddur.messaging.users;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import com.cruddur.messaging.contract.User;

/**
 * Cruddur's users, rows of Postgres {@code public.users} (the schema in {@code local/src/main/resources/db/schema.sql}),
 * as the sign-up trigger and the seed need them. One connection, opened by {@link #connect} and reopened by the
 * next call if the server dropped it (a Lambda execution environment outlives database restarts). Prepared
 * statements only. Database failures are {@link UsersDatabaseException}s naming {@code host:port/db}, never the
 * password.
 */
public final class PostgresUsers implements AutoCloseable {

    /**
     * Seconds to open a connection and to wait on a query, unless the URL's {@code connect_timeout} says otherwise:
     * the sign-up trigger must answer within Cognito's 5-second limit, so a lost server fails fast instead.
     */
    static final int CONNECT_TIMEOUT_SECONDS = 2;
    static final int QUERY_TIMEOUT_SECONDS = 2;

    private static final String FIND_BY_HANDLE =
            "SELECT uuid::text, display_name, handle FROM public.users WHERE handle = ? LIMIT 2";
    // public.users has no unique constraint on cognito_user_id (the bootcamp's schema, shared with backend-flask),
    // so "insert unless present" is made safe against a concurrent retry by a transaction-scoped lock on the id.
    private static final String LOCK_COGNITO_USER_ID = "SELECT pg_advisory_xact_lock(hashtext(?))";
    private static final String INSERT_IF_ABSENT =
            "INSERT INTO public.users (display_name, email, handle, cognito_user_id) SELECT ?, ?, ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM public.users WHERE cognito_user_id = ?)";
    private static final String LINK_COGNITO_USER_ID =
            "UPDATE public.users SET cognito_user_id = ? WHERE handle = ? AND cognito_user_id IS DISTINCT FROM ?";

    private final PostgresConnectionUrl url;
    private Connection connection;

    private PostgresUsers(PostgresConnectionUrl url) {
        this.url = url;
        this.connection = open();
    }

    /** From backend-flask's CONNECTION_URL (postgresql://user:password@host:port/db, query parameters such as sslmode kept). */
    public static PostgresUsers connect(String connectionUrl) {
        return new PostgresUsers(PostgresConnectionUrl.parse(connectionUrl));
    }

    /** {@code host:port/db} of the database, for messages. */
    public String describe() {
        return url.describe();
    }

    /** The user with this handle, as the seed needs it; empty when there is none. */
    public Optional<User> findByHandle(String handle) {
        try (PreparedStatement query = prepare(FIND_BY_HANDLE)) {
            query.setString(1, handle);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                User user = new User(rows.getString(1), rows.getString(2), rows.getString(3));
                if (rows.next()) {
                    throw new IllegalStateException("handle " + handle + " belongs to more than one row of public.users in " + url.describe());
                }
                return Optional.of(user);
            }
        } catch (SQLException e) {
            throw failure("finding the user with handle " + handle, e);
        }
    }

    /** Sign-up: inserts the user unless a row with this cognito_user_id already exists; true when it inserted. */
    public boolean insertIfAbsent(String cognitoUserId, String displayName, String handle, String email) {
        Connection db = connection();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement(LOCK_COGNITO_USER_ID);
                 PreparedStatement insert = db.prepareStatement(INSERT_IF_ABSENT)) {
                lock.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                lock.setString(1, cognitoUserId);
                lock.execute();
                insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                insert.setString(1, displayName);
                insert.setString(2, email);
                insert.setString(3, handle);
                insert.setString(4, cognitoUserId);
                insert.setString(5, cognitoUserId);
                int inserted = insert.executeUpdate();
                db.commit();
                return inserted > 0;
            } catch (SQLException e) {
                rollbackQuietly(db, e);
                throw e;
            } finally {
                if (!db.isClosed()) {
                    db.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failure("inserting the user with cognito_user_id " + cognitoUserId, e);
        }
    }

    /** link-users: sets cognito_user_id on the user with this handle when it differs; true when it changed a row. */
    public boolean linkCognitoUserId(String handle, String cognitoUserId) {
        try (PreparedStatement update = prepare(LINK_COGNITO_USER_ID)) {
            update.setString(1, cognitoUserId);
            update.setString(2, handle);
            update.setString(3, cognitoUserId);
            return update.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("linking handle " + handle + " to cognito_user_id " + cognitoUserId, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("closing the connection", e);
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    private Connection connection() {
        try {
            if (connection.isClosed()) {
                connection = open();
            }
            return connection;
        } catch (SQLException e) {
            throw failure("checking the connection", e);
        }
    }

    private Connection open() {
        Properties properties = url.connectionProperties();
        // libpq's connect_timeout bounds the whole connection set-up: the driver's connectTimeout (the TCP connect)
        // and loginTimeout (TLS and authentication too).
        String connectTimeout = properties.getProperty("connect_timeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("connectTimeout", connectTimeout);
        properties.setProperty("loginTimeout", connectTimeout);
        try {
            return DriverManager.getConnection(url.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw failure("connecting", e);
        }
    }

    private UsersDatabaseException failure(String action, SQLException cause) {
        return new UsersDatabaseException(action + " in Postgres " + url.describe() + " failed: " + cause.getMessage(), cause);
    }

    private static void rollbackQuietly(Connection db, SQLException failure) {
        try {
            db.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
