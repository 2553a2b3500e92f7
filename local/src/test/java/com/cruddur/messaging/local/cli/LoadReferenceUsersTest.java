package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.local.support.StubAwsHttp;
import com.cruddur.messaging.local.support.TestPostgres;

import org.junit.jupiter.api.Test;

/** bin/ddb postgres load-reference-users against a real Postgres. */
class LoadReferenceUsersTest {

    private final TestPostgres.Database database = TestPostgres.newDatabase();
    private String out;
    private String err;

    @Test
    void anEmptyDatabaseGetsTheUsersTableAndTheReferenceUsers() {
        assertEquals(0, load("--database-url", database.url()));

        assertTrue(out.contains("added 3 reference user(s)"), out);
        assertEquals("andrewbrown,bayko,yaya2devops", database.queryOne("SELECT string_agg(handle, ',' ORDER BY handle) FROM public.users"));
        assertEquals("MOCK", database.queryOne("SELECT string_agg(DISTINCT cognito_user_id, ',') FROM public.users"));
    }

    @Test
    void runningItAgainAddsNobody() {
        assertEquals(0, load("--database-url", database.url()));

        assertEquals(0, load("--database-url", database.url()));

        assertTrue(out.contains("added 0 reference user(s)"), out);
        assertEquals("3", database.queryOne("SELECT count(*) FROM public.users"));
    }

    @Test
    void aUserAlreadyHoldingAReferenceHandleIsKept() {
        String yaya = database.withUsersTable().insertUser("Yaya", "yaya2devops", "3f0c7a8e-1111-4222-8333-444455556666");

        assertEquals(0, load("--database-url", database.url()));

        assertTrue(out.contains("added 2 reference user(s)"), out);
        assertEquals(yaya + " 3f0c7a8e-1111-4222-8333-444455556666",
                database.queryOne("SELECT uuid || ' ' || cognito_user_id FROM public.users WHERE handle = 'yaya2devops'"));
    }

    @Test
    void thePasswordInTheDatabaseUrlIsNeverPrinted() {
        assertEquals(0, load("--database-url", database.url()));

        assertFalse(out.isBlank());
        assertFalse((out + err).contains(TestPostgres.PASSWORD), out + err);
    }

    @Test
    void withoutADatabaseUrlItFailsWithOneLineNamingBothWays() {
        assertEquals(1, load());

        assertEquals("load-reference-users: no database URL: pass --database-url postgresql://user:password@host:5432/cruddur"
                + " or export CONNECTION_URL", err.trim());
    }

    private int load(String... options) {
        List<String> arguments = new ArrayList<>(List.of("postgres", "load-reference-users"));
        arguments.addAll(List.of(options));
        var commandLine = Ddb.commandLine(new StubAwsHttp(Map.of()));
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(errors, true));
        int exit = commandLine.execute(arguments.toArray(String[]::new));
        out = output.toString();
        err = errors.toString();
        return exit;
    }
}
