package com.cruddur.messaging.users;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cruddur.messaging.contract.User;
import com.cruddur.messaging.support.EmbeddedUsersDatabase;

/** PostgresUsers against a real Postgres with the users schema, connecting as the app role with its encoded password. */
class PostgresUsersTest {

    private EmbeddedUsersDatabase database;
    private PostgresUsers users;

    @BeforeEach
    void connect() {
        database = EmbeddedUsersDatabase.fresh();
        users = PostgresUsers.connect(database.connectionUrl());
    }

    @AfterEach
    void close() {
        users.close();
    }

    @Test
    void findByHandleGivesUuidDisplayNameAndHandle() {
        database.insertUser("Andrew Bayko", "bayko@exampro.co", "bayko", "MOCK");

        Optional<User> found = users.findByHandle("bayko");

        assertEquals(Optional.of(new User(database.uuidOf("bayko"), "Andrew Bayko", "bayko")), found);
    }

    @Test
    void findByHandleIsEmptyForAnUnknownHandle() {
        database.insertUser("Andrew Bayko", "bayko@exampro.co", "bayko", "MOCK");

        assertEquals(Optional.empty(), users.findByHandle("nobody"));
    }

    @Test
    void findByHandleRefusesAHandleTwoRowsShare() {
        database.insertUser("Andrew Bayko", "bayko@exampro.co", "bayko", "MOCK");
        database.insertUser("Other Bayko", "other@exampro.co", "bayko", "MOCK");

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> users.findByHandle("bayko"));

        assertTrue(error.getMessage().contains("more than one row"), error.getMessage());
    }

    @Test
    void insertIfAbsentInsertsANewUser() {
        boolean inserted = users.insertIfAbsent("sub-1", "Yaya", "yaya2devops", "yaya@example.com");

        assertAll(
                () -> assertTrue(inserted),
                () -> assertEquals(List.of("Yaya|yaya@example.com|yaya2devops|sub-1"), database.users()));
    }

    @Test
    void insertIfAbsentRepeatedInsertsNothingMore() {
        users.insertIfAbsent("sub-1", "Yaya", "yaya2devops", "yaya@example.com");

        boolean inserted = users.insertIfAbsent("sub-1", "Yaya", "yaya2devops", "yaya@example.com");

        assertAll(
                () -> assertFalse(inserted),
                () -> assertEquals(List.of("Yaya|yaya@example.com|yaya2devops|sub-1"), database.users()));
    }

    @Test
    void linkCognitoUserIdSetsTheIdOnTheHandlesRow() {
        database.insertUser("Andrew Bayko", "bayko@exampro.co", "bayko", "MOCK");

        boolean changed = users.linkCognitoUserId("bayko", "sub-2");

        assertAll(
                () -> assertTrue(changed),
                () -> assertEquals(List.of("Andrew Bayko|bayko@exampro.co|bayko|sub-2"), database.users()));
    }

    @Test
    void linkCognitoUserIdChangesNothingWhenTheIdIsAlreadySet() {
        database.insertUser("Andrew Bayko", "bayko@exampro.co", "bayko", "sub-2");

        assertFalse(users.linkCognitoUserId("bayko", "sub-2"));
    }

    @Test
    void linkCognitoUserIdChangesNothingForAnUnknownHandle() {
        database.insertUser("Andrew Bayko", "bayko@exampro.co", "bayko", "MOCK");

        boolean changed = users.linkCognitoUserId("nobody", "sub-2");

        assertAll(
                () -> assertFalse(changed),
                () -> assertEquals(List.of("Andrew Bayko|bayko@exampro.co|bayko|MOCK"), database.users()));
    }

    @Test
    void sslmodeFromTheUrlReachesTheDriver() {
        // The embedded server has no TLS: sslmode=require can only fail if the driver received it.
        String requireTls = database.connectionUrl().replace("sslmode=disable", "sslmode=require");

        UsersDatabaseException error = assertThrows(UsersDatabaseException.class, () -> PostgresUsers.connect(requireTls));

        assertTrue(error.getMessage().contains("SSL"), error.getMessage());
    }

    @Test
    void aWrongPasswordFailsNamingTheDatabaseNotThePassword() {
        String wrongPassword = database.connectionUrl().replaceFirst(":[^:@/]+@", ":n0t-it@");

        UsersDatabaseException error = assertThrows(UsersDatabaseException.class, () -> PostgresUsers.connect(wrongPassword));

        assertAll(
                () -> assertTrue(error.getMessage().contains(database.describe()), error.getMessage()),
                () -> assertFalse(error.getMessage().contains("n0t-it"), error.getMessage()));
    }

    @Test
    void aDroppedConnectionIsReopenedByTheNextCall() throws Exception {
        database.insertUser("Andrew Bayko", "bayko@exampro.co", "bayko", "MOCK");
        database.terminateConnectionsOf(EmbeddedUsersDatabase.APP_ROLE);

        assertThrows(UsersDatabaseException.class, () -> users.findByHandle("bayko"));
        assertTrue(users.findByHandle("bayko").isPresent());
    }
}
