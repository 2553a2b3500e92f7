package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.local.support.EmptyShell;
import com.cruddur.messaging.local.support.SynthesizedStage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian 12's own clients (awscli 2.9, python3-boto3 1.26; .ci/run installs both) in a shell with an empty environment,
 * configured only by the lines local mode printed, started itself from an environment with no AWS settings. Where a
 * client's endpoint choice is checked rather than used, it is read from its debug log or botocore's resolved endpoint.
 */
class LocalModeDebianClientsTest {

    private static final Pattern DEBUG_URL = Pattern.compile("'url': '(https?://[^/']+)/");
    private static LocalMode.Running running;
    private static List<String> printedLines;

    @BeforeAll
    static void startFromAnEmptyEnvironment() throws Exception {
        LocalMode mode = new LocalMode();
        mode.stage = "dev";
        mode.port = TestTemplates.freePort();
        mode.noSeed = true;
        mode.cdkOut = SynthesizedStage.cdkOut("dev");
        mode.deadLetterFile = Files.createTempFile("debian-clients", ".jsonl");
        mode.environment = Map.of();
        mode.home = Files.createTempDirectory("no-aws-home");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        running = mode.start(new PrintStream(output, true, StandardCharsets.UTF_8));
        List<String> printed = output.toString(StandardCharsets.UTF_8).lines().toList();
        int ready = printed.indexOf(printed.stream().filter(line -> line.startsWith("[local] ready")).findFirst().orElseThrow());
        printedLines = printed.subList(ready + 1, printed.size()).stream().filter(line -> line.startsWith("export ") || line.startsWith("#")).toList();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void awsCliListsTheTableWithThePrintedEndpointPassedAsEndpointUrl() {
        EmptyShell.Result result = shell("aws --no-cli-pager --endpoint-url \"$AWS_ENDPOINT_URL_DYNAMODB\" dynamodb list-tables --output text");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("cruddur-messages"), result.output());
    }

    @Test
    void awsCliDescribesTheTableWithThePrintedEndpointAndTableName() {
        EmptyShell.Result result = shell("aws --no-cli-pager --endpoint-url \"$AWS_ENDPOINT_URL_DYNAMODB\" dynamodb describe-table"
                + " --table-name \"$DDB_MESSAGE_TABLE\" --query Table.TableStatus --output text");
        assertEquals(0, result.exitCode(), result.output());
        assertEquals("ACTIVE", result.output().strip());
    }

    /** AWS CLI 2.13 brought AWS_ENDPOINT_URL_DYNAMODB; Debian 12's 2.9 goes to AWS (stopped here by the shell's guard). */
    @Test
    void awsCliOnItsOwnReadsTheServiceSpecificVariableOnlyFromVersion213() {
        String version = shell("aws --version").output();
        EmptyShell.Result result = shell("aws --debug --no-cli-pager dynamodb list-tables");
        String url = requestedUrl(result);
        assertEquals(atLeast(cliVersion(version), 2, 13), url.startsWith("http://localhost:"), version + " sent list-tables to " + url);
    }

    @Test
    void awsCliStsCallInTheSameShellDoesNotGoToLocalMode() {
        EmptyShell.Result result = shell("aws --debug --no-cli-pager sts get-caller-identity");
        String url = requestedUrl(result);
        assertTrue(url.startsWith("https://sts.") && url.endsWith(".amazonaws.com"), "sts went to " + url);
    }

    @Test
    void boto3ListsTheTableWithThePrintedEndpointPassedAsEndpointUrl() {
        EmptyShell.Result result = python("print(boto3.client('dynamodb', endpoint_url=os.environ['AWS_ENDPOINT_URL_DYNAMODB']).list_tables()['TableNames'])");
        assertEquals(0, result.exitCode(), result.output());
        assertEquals("['cruddur-messages']", result.output().strip());
    }

    @Test
    void boto3AsBackendFlaskUsesItListsTheTableThroughAwsEndpointUrl() {
        EmptyShell.Result result = python("print(boto3.client('dynamodb', endpoint_url=os.getenv('AWS_ENDPOINT_URL')).list_tables()['TableNames'])");
        assertEquals(0, result.exitCode(), result.output());
        assertEquals("['cruddur-messages']", result.output().strip());
    }

    /** botocore 1.31 brought AWS_ENDPOINT_URL_DYNAMODB; Debian 12's 1.29 resolves DynamoDB in AWS. */
    @Test
    void boto3OnItsOwnReadsTheServiceSpecificVariableOnlyFromBotocore131() {
        EmptyShell.Result result = python("print(botocore.__version__, boto3.client('dynamodb')._endpoint.host)");
        assertEquals(0, result.exitCode(), result.output());
        String[] versionAndHost = result.output().strip().split(" ");
        String[] version = versionAndHost[0].split("\\.");
        boolean reads = atLeast(new int[] {Integer.parseInt(version[0]), Integer.parseInt(version[1])}, 1, 31);
        assertEquals(reads, versionAndHost[1].startsWith("http://localhost:"), result.output());
    }

    @Test
    void boto3StsClientInTheSameShellDoesNotGoToLocalMode() {
        EmptyShell.Result result = python("print(boto3.client('sts')._endpoint.host)");
        assertEquals(0, result.exitCode(), result.output());
        String host = URI.create(result.output().strip()).getHost();
        assertFalse(host.equals("localhost") || host.equals("127.0.0.1"), result.output());
        assertTrue(host.endsWith(".amazonaws.com"), result.output());
    }

    private static EmptyShell.Result shell(String command) {
        return EmptyShell.run(printedLines, command);
    }

    private static EmptyShell.Result python(String statement) {
        Path script = writeScript("import os, boto3, botocore\n" + statement + "\n");
        return shell("python3 " + script);
    }

    private static Path writeScript(String text) {
        try {
            Path script = Files.createTempFile("client", ".py");
            Files.writeString(script, text);
            return script;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The URL the CLI's debug log says it sent the request to (scheme and host). */
    private static String requestedUrl(EmptyShell.Result result) {
        Matcher url = DEBUG_URL.matcher(result.output());
        assertTrue(url.find(), "no request URL in the debug log:\n" + result.output());
        return url.group(1);
    }

    private static int[] cliVersion(String versionLine) {
        Matcher version = Pattern.compile("aws-cli/(\\d+)\\.(\\d+)").matcher(versionLine);
        assertTrue(version.find(), versionLine);
        return new int[] {Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2))};
    }

    private static boolean atLeast(int[] version, int major, int minor) {
        return version[0] > major || (version[0] == major && version[1] >= minor);
    }
}
