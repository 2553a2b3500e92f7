package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.local.support.StubAwsHttp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** bin/stage-env: the other tiers' env files from the deployed stage's outputs, each value saying where it came from. */
class StageEnvTest {

    private static final String OUTPUTS = """
            {"Cruddur-prod-Auth": {"UserPoolId": "eu-west-1_AbCdEf123", "UserPoolClientId": "5tq3example0client0id00000"},
             "Cruddur-prod-Data": {"MessagesTableName": "cruddur-messages"},
             "Cruddur-prod-Backend": {"BackendUrl": "https://api.cruddur.test", "LoadBalancerUrl": "https://x.elb.amazonaws.com",
                                      "ConnectionUrlParameter": "/cruddur/backend-flask/CONNECTION_URL"}}
            """;

    @TempDir
    Path directory;
    private StubAwsHttp aws = new StubAwsHttp(Map.of());
    private String out;
    private String err;

    @Test
    void theFrontendGetsTheBackendUrlRegionPoolAndClientFromTheOutputsFile() throws IOException {
        assertEquals(0, run("--stage", "prod", "--outputs-file", outputsFile().toString()));

        assertEquals("""
                # Cruddur-prod-Backend output BackendUrl (outputs file %1$s)
                REACT_APP_BACKEND_URL=https://api.cruddur.test
                # the region in UserPoolId of Cruddur-prod-Auth
                REACT_APP_AWS_PROJECT_REGION=eu-west-1
                # the region in UserPoolId of Cruddur-prod-Auth
                REACT_APP_AWS_COGNITO_REGION=eu-west-1
                # Cruddur-prod-Auth output UserPoolId (outputs file %1$s)
                REACT_APP_AWS_USER_POOLS_ID=eu-west-1_AbCdEf123
                # Cruddur-prod-Auth output UserPoolClientId (outputs file %1$s)
                REACT_APP_CLIENT_ID=5tq3example0client0id00000
                """.formatted(directory.resolve("outputs.json")), Files.readString(directory.resolve("frontend.env")));
    }

    @Test
    void theBackendGetsTheStagesTableAndPoolButNeverTheDatabaseSecret() throws IOException {
        assertEquals(0, run("--stage", "prod", "--outputs-file", outputsFile().toString()));

        String backend = Files.readString(directory.resolve("backend.env"));
        assertTrue(backend.contains("\nDDB_MESSAGE_TABLE=cruddur-messages\n"), backend);
        assertTrue(backend.contains("AWS_DEFAULT_REGION=eu-west-1\n"), backend);
        assertTrue(backend.contains("AWS_COGNITO_USER_POOL_CLIENT_ID=5tq3example0client0id00000\n"), backend);
        assertTrue(backend.contains("--name /cruddur/backend-flask/CONNECTION_URL"), backend);
        assertTrue(backend.lines().noneMatch(line -> line.startsWith("CONNECTION_URL=") || line.startsWith("AWS_ENDPOINT_URL")), backend);
    }

    @Test
    void withoutAnOutputsFileTheDeployedStacksAreAskedAndNamedAsTheSource() throws IOException {
        aws = new StubAwsHttp(call -> {
            String stack = call.body().replaceAll(".*StackName=([^&]*).*", "$1");
            String outputs = switch (stack) {
                case "Cruddur-prod-Auth" -> output("UserPoolId", "eu-west-1_AbCdEf123") + output("UserPoolClientId", "5tq3example0client0id00000");
                case "Cruddur-prod-Data" -> output("MessagesTableName", "cruddur-messages");
                default -> output("BackendUrl", "https://api.cruddur.test") + output("ConnectionUrlParameter", "/cruddur/backend-flask/CONNECTION_URL");
            };
            return StubAwsHttp.Answer.ok("text/xml", "<DescribeStacksResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                    + "<DescribeStacksResult><Stacks><member><StackName>" + stack + "</StackName><StackStatus>CREATE_COMPLETE</StackStatus>"
                    + "<CreationTime>2026-11-20T10:00:00Z</CreationTime><Outputs>" + outputs + "</Outputs></member></Stacks></DescribeStacksResult>"
                    + "</DescribeStacksResponse>");
        });

        assertEquals(0, run("--stage", "prod", "--region", "eu-west-1", "--aws-endpoint", "http://aws.test"));

        assertEquals(List.of("Cruddur-prod-Auth", "Cruddur-prod-Data", "Cruddur-prod-Backend"),
                aws.calls.stream().map(call -> call.body().replaceAll(".*StackName=([^&]*).*", "$1")).toList());
        assertTrue(Files.readString(directory.resolve("frontend.env")).contains("# Cruddur-prod-Auth output UserPoolId (CloudFormation, eu-west-1)"));
        assertTrue(out.contains("from the outputs of Cruddur-prod-Auth, Cruddur-prod-Data and Cruddur-prod-Backend (CloudFormation, eu-west-1)"), out);
    }

    @Test
    void anOutputsFileWithoutTheStageIsOneLineSayingWhatToRun() throws IOException {
        assertEquals(2, run("--stage", "dev", "--outputs-file", outputsFile().toString()));

        assertTrue(err.startsWith("stage-env: outputs file " + directory.resolve("outputs.json") + " has no stack Cruddur-dev-Auth;"
                + " expected what npx cdk deploy --all --outputs-file"), err);
    }

    @Test
    void aStackFromBeforeTheOutputExistedSaysToDeployFirst() throws IOException {
        Files.writeString(directory.resolve("outputs.json"), OUTPUTS.replace("\"BackendUrl\": \"https://api.cruddur.test\",", ""));

        assertEquals(1, run("--stage", "prod", "--outputs-file", directory.resolve("outputs.json").toString()));

        assertTrue(err.contains("stack Cruddur-prod-Backend has no output BackendUrl"), err);
    }

    private Path outputsFile() throws IOException {
        return Files.writeString(directory.resolve("outputs.json"), OUTPUTS);
    }

    private static String output(String key, String value) {
        return "<member><OutputKey>" + key + "</OutputKey><OutputValue>" + value + "</OutputValue></member>";
    }

    private int run(String... arguments) {
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine command = StageEnv.commandLine(aws);
        command.setOut(new PrintWriter(output, true));
        command.setErr(new PrintWriter(errors, true));
        List<String> all = new java.util.ArrayList<>(List.of(arguments));
        all.addAll(List.of("--frontend-env", directory.resolve("frontend.env").toString(), "--backend-env", directory.resolve("backend.env").toString()));
        int exit = command.execute(all.toArray(String[]::new));
        out = output.toString();
        err = errors.toString();
        return exit;
    }
}
