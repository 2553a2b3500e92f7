package com.cruddur.messaging.users;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libpq connection URIs as backend-flask's CONNECTION_URL holds them, turned into what the JDBC driver takes. */
class PostgresConnectionUrlTest {

    @Test
    void givesTheJdbcUrlOfHostPortAndDatabase() {
        PostgresConnectionUrl url = PostgresConnectionUrl.parse("postgresql://cruddur:secret@db.example.com:6543/cruddur");

        assertEquals("jdbc:postgresql://db.example.com:6543/cruddur", url.jdbcUrl());
    }

    @Test
    void portDefaultsTo5432() {
        PostgresConnectionUrl url = PostgresConnectionUrl.parse("postgresql://cruddur:secret@db.example.com/cruddur");

        assertEquals(5432, url.port());
    }

    @Test
    void userAndPasswordArePercentDecodedWithPlusKept() {
        PostgresConnectionUrl url = PostgresConnectionUrl.parse("postgresql://cru%40ddur:p%40ss%3Aw%2Frd%20+%C3%A9@db/cruddur");

        assertAll(
                () -> assertEquals("cru@ddur", url.user()),
                () -> assertEquals("p@ss:w/rd +é", url.password()));
    }

    @Test
    void userAndPasswordGoToTheConnectionPropertiesNotTheJdbcUrl() {
        PostgresConnectionUrl url = PostgresConnectionUrl.parse("postgresql://cruddur:s3cret@db:5432/cruddur");

        Properties properties = url.connectionProperties();
        assertAll(
                () -> assertEquals("cruddur", properties.getProperty("user")),
                () -> assertEquals("s3cret", properties.getProperty("password")),
                () -> assertFalse(url.jdbcUrl().contains("s3cret")));
    }

    @Test
    void queryParametersSuchAsSslmodeAreKept() {
        PostgresConnectionUrl url = PostgresConnectionUrl.parse(
                "postgresql://cruddur:secret@db:5432/cruddur?sslmode=require&application_name=cruddur%20signup");

        assertEquals(Map.of("sslmode", "require", "application_name", "cruddur signup"), url.options());
    }

    @Test
    void postgresSchemeIsAcceptedToo() {
        PostgresConnectionUrl url = PostgresConnectionUrl.parse("postgres://cruddur:secret@db/cruddur");

        assertEquals("db:5432/cruddur", url.describe());
    }

    @Test
    void ipv6HostIsBracketedInTheJdbcUrl() {
        PostgresConnectionUrl url = PostgresConnectionUrl.parse("postgresql://cruddur:secret@[::1]:5433/cruddur");

        assertEquals("jdbc:postgresql://[::1]:5433/cruddur", url.jdbcUrl());
    }

    @Test
    void toStringNeverShowsThePassword() {
        PostgresConnectionUrl url = PostgresConnectionUrl.parse("postgresql://cruddur:s3cret@db/cruddur?sslmode=require");

        assertFalse(url.toString().contains("s3cret"), url.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mysql://cruddur:s3cret@db/cruddur                | must start with postgresql://",
            "postgresql://:s3cret@db/cruddur                  | names no user",
            "postgresql://db/cruddur                          | names no user",
            "postgresql://cruddur:s3cret@/cruddur             | names no host",
            "postgresql://cruddur:s3cret@db:54x2/cruddur      | port '54x2'",
            "postgresql://cruddur:s3cret@db:70000/cruddur     | port '70000'",
            "postgresql://cruddur:s3cret@db                   | names no database",
            "postgresql://cruddur:s3cret@db1,db2/cruddur      | several hosts",
            "postgresql://cruddur:s3cret%zz@db/cruddur        | invalid percent-encoding in its password",
            "postgresql://cruddur:s3cret@[::1/cruddur         | closing ]",
            "postgresql://cruddur:s3cret@db/cruddur?sslmode   | without name=value",
    })
    void badUrlIsNamedWithoutThePassword(String connectionUrl, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PostgresConnectionUrl.parse(connectionUrl));

        assertAll(
                () -> assertTrue(error.getMessage().contains(expected), error.getMessage()),
                () -> assertFalse(error.getMessage().contains("s3cret"), error.getMessage()));
    }

    @Test
    void emptyUrlIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PostgresConnectionUrl.parse(" "));

        assertEquals("the Postgres connection URL is empty", error.getMessage());
    }
}
