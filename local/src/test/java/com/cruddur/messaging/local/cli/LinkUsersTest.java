package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.local.support.StubAwsHttp;
import com.cruddur.messaging.local.support.TestPostgres;

import org.junit.jupiter.api.Test;

/** bin/ddb cognito link-users against a real Postgres, with the real Cognito and SSM SDK clients over a stubbed HTTP layer. */
class LinkUsersTest {

    private static final String YAYA_SUB = "3f0c7a8e-1111-4222-8333-444455556666";
    private static final String NEWBIE_SUB = "4a1d8b9f-2222-4333-8444-555566667777";

    private final TestPostgres.Database database = TestPostgres.newDatabase().withUsersTable();
    private StubAwsHttp aws;
    private String out;
    private String err;

    @Test
    void aPoolUserIsLinkedToThePostgresUserOfItsPreferredUsername() {
        database.insertUser("Yaya", "yaya2devops", "MOCK");
        poolWith(user(YAYA_SUB, "yaya2devops"));

        assertEquals(0, linkUsers("--database-url", database.url()));

        assertEquals(YAYA_SUB, database.queryOne("SELECT cognito_user_id FROM public.users WHERE handle = 'yaya2devops'"));
        assertTrue(rowOf("yaya2devops").matches(".*" + YAYA_SUB + " +linked$"), out);
        assertTrue(out.contains("1 pool user(s): 1 linked, 0 already linked, 0 without a Postgres user"), out);
        assertTrue(out.contains("(Postgres localhost:" + database.port() + "/" + database.name() + ")"), out);
    }

    @Test
    void aPoolUserWithoutAPostgresUserIsReportedAndNothingChanges() {
        database.insertUser("Yaya", "yaya2devops", "MOCK");
        poolWith(user(NEWBIE_SUB, "newbie"));

        assertEquals(0, linkUsers("--database-url", database.url()));

        assertTrue(rowOf("newbie").endsWith("no Postgres user with that handle"), out);
        assertTrue(out.contains("0 linked, 0 already linked, 1 without a Postgres user"), out);
        assertEquals("MOCK", database.queryOne("SELECT cognito_user_id FROM public.users WHERE handle = 'yaya2devops'"));
        assertEquals("1", database.queryOne("SELECT count(*) FROM public.users"));
    }

    @Test
    void aPoolUserWithoutPreferredUsernameIsReportedAndSkipped() {
        database.insertUser("Yaya", "yaya2devops", "MOCK");
        poolWith(user(YAYA_SUB, null));

        assertEquals(0, linkUsers("--database-url", database.url()));

        assertTrue(rowOf("-").endsWith("no preferred_username"), out);
        assertTrue(out.contains("0 linked, 0 already linked, 0 without a Postgres user, 1 without preferred_username"), out);
        assertEquals("MOCK", database.queryOne("SELECT cognito_user_id FROM public.users WHERE handle = 'yaya2devops'"));
    }

    @Test
    void runningItAgainFindsEveryUserAlreadyLinked() {
        database.insertUser("Yaya", "yaya2devops", "MOCK");
        database.insertUser("Andrew Bayko", "bayko", "MOCK");
        poolWith(user(YAYA_SUB, "yaya2devops"), user(NEWBIE_SUB, "bayko"));
        assertEquals(0, linkUsers("--database-url", database.url()));

        assertEquals(0, linkUsers("--database-url", database.url()));

        assertTrue(rowOf("yaya2devops").endsWith("already linked") && rowOf("bayko").endsWith("already linked"), out);
        assertTrue(out.contains("2 pool user(s): 0 linked, 2 already linked"), out);
    }

    @Test
    void thePoolIdComesFromTheStagesSsmParameterAsForListUsers() {
        poolWith();

        assertEquals(0, linkUsers("--stage", "qa", "--database-url", database.url()));

        assertEquals(List.of("AmazonSSM.GetParameter", "AWSCognitoIdentityProviderService.ListUsers"), aws.targets);
        assertTrue(aws.bodies.get(0).contains("/cruddur/qa/cognito/user-pool-id"), aws.bodies.get(0));
        assertTrue(aws.bodies.get(1).contains("us-east-1_AbCdEf123"), aws.bodies.get(1));
    }

    @Test
    void withoutADatabaseUrlItFailsWithOneLineNamingBothWaysAndCallsNothing() {
        poolWith(user(YAYA_SUB, "yaya2devops"));

        assertEquals(1, linkUsers());

        assertEquals("link-users: no database URL: pass --database-url postgresql://user:password@host:5432/cruddur"
                + " or export CONNECTION_URL", err.trim());
        assertEquals(List.of(), aws.targets);
    }

    @Test
    void thePasswordInTheDatabaseUrlIsNeverPrinted() {
        database.insertUser("Yaya", "yaya2devops", "MOCK");
        poolWith(user(YAYA_SUB, "yaya2devops"), user(NEWBIE_SUB, "newbie"));

        assertEquals(0, linkUsers("--database-url", database.url()));

        assertFalse(out.isBlank());
        assertFalse((out + err).contains(TestPostgres.PASSWORD), out + err);
    }

    @Test
    void anUnreachableDatabaseFailsWithoutPrintingThePassword() {
        poolWith(user(YAYA_SUB, "yaya2devops"));
        String unreachable = "postgresql://postgres:" + TestPostgres.PASSWORD + "@localhost:" + TestTemplates.freePort() + "/cruddur";

        assertEquals(1, linkUsers("--database-url", unreachable));

        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains(TestPostgres.PASSWORD), err);
    }

    private void poolWith(String... users) {
        aws = new StubAwsHttp(Map.of(
                "AmazonSSM.GetParameter", "{\"Parameter\":{\"Name\":\"/cruddur/qa/cognito/user-pool-id\",\"Value\":\"us-east-1_AbCdEf123\"}}",
                "AWSCognitoIdentityProviderService.ListUsers", "{\"Users\":[" + String.join(",", users) + "]}"));
    }

    /**
     * A confirmed pool user as Cognito lists it: username = sub, as the pool's email-as-username sign-up leaves it; a null
     * preferred_username leaves the attribute out.
     */
    private static String user(String sub, String preferredUsername) {
        return "{\"Username\":\"" + sub + "\",\"UserStatus\":\"CONFIRMED\",\"Enabled\":true,\"Attributes\":["
                + "{\"Name\":\"sub\",\"Value\":\"" + sub + "\"},"
                + "{\"Name\":\"email\",\"Value\":\"someone@example.com\"}"
                + (preferredUsername == null ? "" : ",{\"Name\":\"preferred_username\",\"Value\":\"" + preferredUsername + "\"}")
                + "]}";
    }

    private String rowOf(String handle) {
        return out.lines().filter(line -> line.startsWith(handle + " ")).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    private int linkUsers(String... arguments) {
        List<String> all = new ArrayList<>(List.of("cognito", "link-users", "--region", "us-east-1"));
        all.addAll(List.of(arguments));
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        var commandLine = Ddb.commandLine(aws);
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(errors, true));
        int exit = commandLine.execute(all.toArray(String[]::new));
        out = output.toString();
        err = errors.toString();
        return exit;
    }
}
