package com.cruddur.messaging.signup;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.cruddur.messaging.stream.JsonLog;
import com.cruddur.messaging.support.EmbeddedUsersDatabase;
import com.cruddur.messaging.support.StubSsm;

/** The post-confirmation trigger against a real Postgres, with SSM answered under the real SDK client. */
class PostConfirmationHandlerTest {

    private static final String PARAMETER = "/cruddur/dev/backend-flask/CONNECTION_URL";
    private static final String SUB = "6f1e2a3b-7c8d-4e9f-a0b1-c2d3e4f5a6b7";
    private static final String YAYA_ROW = "Yaya|yaya@example.com|yaya2devops|" + SUB;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private EmbeddedUsersDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = EmbeddedUsersDatabase.fresh();
    }

    @Test
    void aConfirmedSignUpBecomesAUsersRow() {
        PostConfirmationHandler handler = handlerWith(new StubSsm(Map.of(PARAMETER, database.connectionUrl())));

        handler.handleRequest(signUp(), null);

        assertEquals(List.of(YAYA_ROW), database.users());
    }

    @Test
    void aRepeatedConfirmationInsertsNothingMore() {
        PostConfirmationHandler handler = handlerWith(new StubSsm(Map.of(PARAMETER, database.connectionUrl())));
        handler.handleRequest(signUp(), null);

        handler.handleRequest(signUp(), null);

        assertAll(
                () -> assertEquals(List.of(YAYA_ROW), database.users()),
                () -> assertTrue(lines().get(1).contains("\"event\":\"signup_user_exists\""), lines().get(1)));
    }

    @Test
    void aConfirmedPasswordResetInsertsNothing() {
        PostConfirmationHandler handler = handlerWith(new StubSsm(Map.of(PARAMETER, database.connectionUrl())));
        CognitoUserPoolPostConfirmationEvent reset = signUp();
        reset.setTriggerSource("PostConfirmation_ConfirmForgotPassword");

        CognitoUserPoolPostConfirmationEvent returned = handler.handleRequest(reset, null);

        assertAll(
                () -> assertSame(reset, returned),
                () -> assertEquals(List.of(), database.users()));
    }

    @Test
    void aMissingPreferredUsernameIsLoggedAndTheEventReturned() {
        PostConfirmationHandler handler = handlerWith(new StubSsm(Map.of(PARAMETER, database.connectionUrl())));
        CognitoUserPoolPostConfirmationEvent noHandle = signUpWithout("preferred_username");

        CognitoUserPoolPostConfirmationEvent returned = handler.handleRequest(noHandle, null);

        assertAll(
                () -> assertSame(noHandle, returned),
                () -> assertEquals(List.of(), database.users()),
                () -> assertEquals(1, lines().size(), lines().toString()),
                () -> assertTrue(lines().get(0).contains("\"event\":\"signup_user_not_created\""), lines().get(0)),
                () -> assertTrue(lines().get(0).contains("\"sub\":\"" + SUB + "\""), lines().get(0)),
                () -> assertTrue(lines().get(0).contains("\"missingAttributes\":\"preferred_username\""), lines().get(0)));
    }

    @Test
    void aDatabaseThatIsDownIsLoggedAndTheEventReturned() throws Exception {
        String nothingListens = database.connectionUrlOnPort(closedPort());
        PostConfirmationHandler handler = handlerWith(new StubSsm(Map.of(PARAMETER, nothingListens)));
        CognitoUserPoolPostConfirmationEvent event = signUp();

        CognitoUserPoolPostConfirmationEvent returned = handler.handleRequest(event, null);

        assertAll(
                () -> assertSame(event, returned),
                () -> assertEquals(1, lines().size(), lines().toString()),
                () -> assertTrue(lines().get(0).contains("\"event\":\"signup_user_not_created\""), lines().get(0)),
                () -> assertTrue(lines().get(0).contains("\"sub\":\"" + SUB + "\""), lines().get(0)),
                () -> assertFalse(lines().get(0).contains("p@ss") || lines().get(0).contains("p%40ss"), "the log line shows the password: " + lines().get(0)));
    }

    @Test
    void anUnreadableParameterIsLoggedAndTheEventReturned() {
        PostConfirmationHandler handler = handlerWith(new StubSsm(Map.of("/some/other/parameter", database.connectionUrl())));
        CognitoUserPoolPostConfirmationEvent event = signUp();

        CognitoUserPoolPostConfirmationEvent returned = handler.handleRequest(event, null);

        assertAll(
                () -> assertSame(event, returned),
                () -> assertTrue(lines().get(0).contains("\"event\":\"signup_user_not_created\""), lines().get(0)),
                () -> assertTrue(lines().get(0).contains("ParameterNotFound"), lines().get(0)));
    }

    @Test
    void theParameterIsReadOnceWithDecryptionAcrossInvocations() {
        StubSsm ssm = new StubSsm(Map.of(PARAMETER, database.connectionUrl()));
        PostConfirmationHandler handler = handlerWith(ssm);

        handler.handleRequest(signUp(), null);
        handler.handleRequest(signUpOf("sub-2", "bayko"), null);
        handler.handleRequest(signUpOf("sub-3", "andrewbrown"), null);

        assertAll(
                () -> assertEquals(3, database.users().size()),
                () -> assertEquals(1, ssm.requests().size(), ssm.requests().toString()),
                () -> assertTrue(ssm.requests().get(0).contains("\"WithDecryption\":true"), ssm.requests().get(0)));
    }

    private PostConfirmationHandler handlerWith(StubSsm ssm) {
        return new PostConfirmationHandler(ssm.client(), PARAMETER, new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8)));
    }

    private List<String> lines() {
        return logged.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static CognitoUserPoolPostConfirmationEvent signUp() {
        return EventLoader.loadEvent("events/post-confirmation-sign-up.json", CognitoUserPoolPostConfirmationEvent.class);
    }

    private static CognitoUserPoolPostConfirmationEvent signUpWithout(String attribute) {
        CognitoUserPoolPostConfirmationEvent event = signUp();
        Map<String, String> attributes = new HashMap<>(event.getRequest().getUserAttributes());
        attributes.remove(attribute);
        event.getRequest().setUserAttributes(attributes);
        return event;
    }

    private static CognitoUserPoolPostConfirmationEvent signUpOf(String sub, String handle) {
        CognitoUserPoolPostConfirmationEvent event = signUp();
        Map<String, String> attributes = new HashMap<>(event.getRequest().getUserAttributes());
        attributes.put("sub", sub);
        attributes.put("preferred_username", handle);
        event.getRequest().setUserAttributes(attributes);
        return event;
    }

    /** A localhost port nothing listens on: bound, read, released. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
