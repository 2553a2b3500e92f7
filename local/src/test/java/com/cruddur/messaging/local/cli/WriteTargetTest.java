package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.local.support.StubAwsHttp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/**
 * The commands that create, write or delete reach anything but a local endpoint only with --aws and --table NAME. DynamoDB
 * in AWS is a stubbed HTTP layer under the real SDK client, so a write that gets through is seen, and nothing leaves the machine.
 */
class WriteTargetTest {

    private static final String HOW = "; for local mode pass --endpoint http://localhost:8000 (or run the exports bin/local prints),"
            + " to write to AWS on purpose pass --aws --table NAME";

    private final StubAwsHttp aws = new StubAwsHttp(call -> StubAwsHttp.Answer.ok("application/x-amz-json-1.0", "{}"));
    private final Map<String, String> environment = new java.util.HashMap<>();
    private String out;
    private String err;

    @ParameterizedTest
    @CsvSource({"schema-load, create a table", "seed, seed a table", "drop, drop a table"})
    void withoutAnEndpointOrTheFlagIsRefused(String command, String action) {
        assertEquals(2, ddb(command));
        assertEquals(command + ": refusing to " + action + " at AWS: no endpoint given" + HOW, err.strip());
        assertEquals(List.of(), aws.calls);
    }

    @ParameterizedTest
    @CsvSource({"schema-load, create a table", "seed, seed a table", "drop, drop a table"})
    void aNonLocalEndpointWithoutTheFlagIsRefused(String command, String action) {
        assertEquals(2, ddb(command, "--endpoint", "https://dynamodb.eu-west-1.amazonaws.com", "--table", "cruddur-messages"));
        assertEquals(command + ": refusing to " + action + " at https://dynamodb.eu-west-1.amazonaws.com, which is not a local endpoint"
                + HOW, err.strip());
        assertEquals(List.of(), aws.calls);
    }

    @ParameterizedTest
    @CsvSource({"schema-load", "seed", "drop"})
    void theFlagWithoutTheTableNamedIsRefused(String command) {
        environment.put("DDB_MESSAGE_TABLE", "cruddur-messages");
        assertEquals(2, ddb(command, "--aws", "--region", "us-east-1"));
        assertEquals(command + ": --aws writes to AWS only to a table named on the command line; add --table NAME", err.strip());
        assertEquals(List.of(), aws.calls);
    }

    @Test
    void theFlagWithALocalEndpointGivenIsRefused() {
        assertEquals(2, ddb("drop", "--aws", "--table", "t", "--endpoint", "http://localhost:8000"));
        assertEquals("drop: --aws names AWS, but the endpoint is local (http://localhost:8000); drop one of them", err.strip());
    }

    @Test
    void schemaLoadWithTheFlagAndTableCreatesItInAws() {
        assertEquals(0, ddb("schema-load", "--aws", "--table", "bootcamp-messages", "--region", "eu-west-1"), err);
        assertEquals(List.of("DynamoDB_20120810.CreateTable"), aws.targets);
        assertEquals(List.of("dynamodb.eu-west-1.amazonaws.com"), aws.hosts);
        assertTrue(aws.bodies.get(0).contains("\"TableName\":\"bootcamp-messages\""), aws.bodies.get(0));
    }

    @Test
    void seedWithTheFlagAndTableWritesToAwsEvenWithLocalModesExports() {
        environment.put("AWS_ENDPOINT_URL", "http://localhost:8000");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000");
        assertEquals(0, ddb("seed", "--aws", "--table", "bootcamp-messages", "--region", "eu-west-1"), err);
        assertTrue(aws.targets.size() > 1 && aws.targets.get(0).equals("DynamoDB_20120810.DescribeTable"), aws.targets.toString());
        assertTrue(aws.hosts.stream().allMatch("dynamodb.eu-west-1.amazonaws.com"::equals), aws.hosts.toString());
    }

    @Test
    void dropWithTheFlagTableAndYesDeletesItInAws() {
        assertEquals(0, ddb("drop", "--aws", "--table", "bootcamp-messages", "--region", "eu-west-1"), err);
        assertEquals(List.of("DynamoDB_20120810.DescribeTable", "DynamoDB_20120810.DeleteTable"), aws.targets);
        assertTrue(aws.bodies.get(1).contains("\"TableName\":\"bootcamp-messages\""), aws.bodies.get(1));
    }

    private int ddb(String... arguments) {
        CommandLine commandLine = Ddb.commandLine(aws);
        // The subcommand's environment: a JVM cannot change its own, and the shell running the tests must not count.
        CommandLine command = commandLine.getSubcommands().get(arguments[0]);
        command.getCommandSpec().mixins().values().stream().map(mixin -> mixin.userObject()).filter(Connection.class::isInstance)
                .forEach(connection -> ((Connection) connection).environment = environment::get);
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(errors, true));
        List<String> all = new ArrayList<>(List.of(arguments));
        // What each command needs besides the target: the templates to write from, or drop's answer to its question.
        all.addAll(arguments[0].equals("drop") ? List.of("--yes") : List.of("--cdk-out", TestTemplates.cdkOut("dev").toString()));
        int exit = commandLine.execute(all.toArray(String[]::new));
        out = output.toString();
        err = errors.toString();
        return exit;
    }
}
