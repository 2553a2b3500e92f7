package com.cruddur.messaging.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.cruddur.messaging.harness.template.LambdaFunction;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.support.SynthesizedStage;
import com.cruddur.messaging.local.support.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-up trigger's jar exactly as {@code cdk synth} stages it, under AWS's Runtime Interface Client on the runtime's
 * Java (with SnapStart's checkpoint and restore), sent the event Cognito sends after a confirmed sign-up: the user becomes
 * a row of a real Postgres, whose URL the function reads from an SSM stand-in at {@code AWS_ENDPOINT_URL_SSM}.
 */
class SignUpTriggerArtifactTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUB = "3f0c7a8e-1111-4222-8333-444455556666";

    private final TestPostgres.Database database = TestPostgres.newDatabase().withUsersTable();
    private final AtomicInteger parameterReads = new AtomicInteger();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private HttpServer ssm;
    private ExecutionEnvironment trigger;

    @BeforeEach
    void startTheDeployedJar() throws IOException {
        ssm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ssm.createContext("/", exchange -> {
            parameterReads.incrementAndGet();
            String name = JSON.readTree(exchange.getRequestBody()).path("Name").asText();
            byte[] body = JSON.writeValueAsBytes(Map.of("Parameter", Map.of("Name", name, "Type", "SecureString", "Value", database.url(),
                    "Version", 1, "DataType", "text")));
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ssm.start();
        LambdaFunction function = StageTemplates.read(SynthesizedStage.cdkOut("dev"), "dev").signUpTrigger().orElseThrow();
        trigger = ExecutionEnvironment.start(function, Map.of("SSM", URI.create("http://127.0.0.1:" + ssm.getAddress().getPort())),
                DeployedFunction.REGION, output::add);
    }

    @AfterEach
    void stop() {
        if (trigger != null) {
            trigger.close();
        }
        ssm.stop(0);
    }

    @Test
    void aConfirmedSignUpBecomesAUsersRowAndTheEventGoesBackToCognitoUnchanged() throws IOException {
        String event = confirmedSignUp();

        String response = trigger.invoke(event);

        // The runtime's serializer writes the event as aws-lambda-java-events models it: a post-confirmation event has no
        // response members, so Cognito's empty "response" object is not echoed; everything Cognito sent in comes back.
        ObjectNode sent = (ObjectNode) JSON.readTree(event);
        sent.remove("response");
        assertEquals(sent, JSON.readTree(response), String.join("\n", output));
        assertEquals("Lore|lore|lore@example.com", database.queryOne(
                "SELECT display_name || '|' || handle || '|' || email FROM public.users WHERE cognito_user_id = '" + SUB + "'"));
    }

    @Test
    void aRepeatedConfirmationAddsNoRowAndReadsTheParameterOnce() {
        trigger.invoke(confirmedSignUp());
        trigger.invoke(confirmedSignUp());

        assertEquals("1", database.queryOne("SELECT count(*) FROM public.users"));
        assertEquals(1, parameterReads.get(), "CONNECTION_URL is read once per execution environment");
    }

    private static String confirmedSignUp() {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "1").put("region", "us-east-1").put("userPoolId", "us-east-1_AbCdEf123").put("userName", SUB)
                .put("triggerSource", "PostConfirmation_ConfirmSignUp");
        event.putObject("callerContext").put("awsSdkVersion", "aws-sdk-unknown-unknown").put("clientId", "5tq3example0client0id00000");
        event.putObject("request").putObject("userAttributes").put("sub", SUB).put("email_verified", "true")
                .put("cognito:user_status", "CONFIRMED").put("name", "Lore").put("preferred_username", "lore").put("email", "lore@example.com");
        event.putObject("response");
        return event.toString();
    }
}
