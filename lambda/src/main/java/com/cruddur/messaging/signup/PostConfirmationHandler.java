package com.cruddur.messaging.signup;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.cruddur.messaging.stream.JsonLog;
import com.cruddur.messaging.users.PostgresUsers;
import com.cruddur.messaging.users.SecureStringParameter;
import com.cruddur.messaging.users.SsmParameterStore;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Cognito's post-confirmation trigger: a person who confirms their sign-up becomes a row of Postgres
 * {@code public.users} (display_name from {@code name}, handle from {@code preferred_username}, email, and
 * cognito_user_id from {@code sub}), as the bootcamp's console-pasted Python trigger did, but idempotent: Cognito
 * retries a trigger that did not answer in 5 seconds, and a repeated confirmation inserts nothing more. A
 * confirmed password reset ({@code PostConfirmation_ConfirmForgotPassword}) inserts nothing.
 *
 * <p><b>Every invocation returns the event.</b> Cognito fails the confirmation when the trigger fails, and the
 * person could then neither finish signing up nor retry (the code is spent). So missing attributes and database
 * or SSM failures are logged, one JSON line with {@code "event":"signup_user_not_created"} (the metric filter
 * for an alarm), the user's {@code sub} and a {@code reason}, and the confirmation completes. Such a user exists
 * in Cognito without a row; an operator creates or links the row later ({@code PostgresUsers.insertIfAbsent},
 * or {@code linkCognitoUserId} for a row that exists under the handle).
 *
 * <p>The database URL, backend-flask's {@code CONNECTION_URL}, is the SSM SecureString named by
 * {@value #CONNECTION_URL_PARAMETER}, read with decryption at the first invocation and kept, with one
 * connection, for the execution environment.
 */
public final class PostConfirmationHandler
        implements RequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {

    /** The environment variable holding the name (or ARN) of the SecureString with the Postgres URL. */
    public static final String CONNECTION_URL_PARAMETER = "CONNECTION_URL_PARAMETER";
    /** The trigger source of a confirmed sign-up; the only one that creates a user. */
    public static final String CONFIRM_SIGN_UP = "PostConfirmation_ConfirmSignUp";
    /** The log event an alarm counts: a confirmed person who has no public.users row. */
    public static final String USER_NOT_CREATED = "signup_user_not_created";

    /** Leaves time within Cognito's 5 seconds for the database after a slow SSM answer. */
    private static final Duration SSM_CALL_TIMEOUT = Duration.ofSeconds(2);

    private final SecureStringParameter connectionUrl;
    private final JsonLog log;
    private PostgresUsers users;

    /**
     * The Lambda entry: region from {@code AWS_REGION}, the default credentials chain. Only the SSM client is
     * built here, during init; the secret and the connection wait for the first invocation, because with
     * SnapStart init ends in a snapshot, and a decrypted secret or an open connection must not sit in one
     * (the snapshot is stored and restored many times; a restored socket is dead anyway).
     */
    public PostConfirmationHandler() {
        this(SsmParameterStore.fromEnvironment(SSM_CALL_TIMEOUT),
                System.getenv(CONNECTION_URL_PARAMETER), new JsonLog(System.out));
    }

    /** @param connectionUrlParameter the name or ARN of the SecureString holding the Postgres connection URL */
    public PostConfirmationHandler(SsmParameterStore ssm, String connectionUrlParameter, JsonLog log) {
        this.connectionUrl = new SecureStringParameter(ssm, connectionUrlParameter);
        this.log = log;
    }

    @Override
    public CognitoUserPoolPostConfirmationEvent handleRequest(CognitoUserPoolPostConfirmationEvent event, Context context) {
        if (!CONFIRM_SIGN_UP.equals(event.getTriggerSource())) {
            return event;
        }
        Map<String, String> attributes = event.getRequest() == null || event.getRequest().getUserAttributes() == null
                ? Map.of() : event.getRequest().getUserAttributes();
        String sub = attributes.get("sub");
        List<String> missing = NewUser.missingAttributes(attributes);
        if (!missing.isEmpty()) {
            log.log("WARN", USER_NOT_CREATED, Map.of("sub", String.valueOf(sub), "reason", "missing_attributes",
                    "missingAttributes", String.join(",", missing)));
            return event;
        }
        NewUser user = NewUser.from(attributes);
        try {
            boolean inserted = users().insertIfAbsent(user.cognitoUserId(), user.displayName(), user.handle(), user.email());
            log.log("INFO", inserted ? "signup_user_created" : "signup_user_exists", Map.of("sub", sub));
        } catch (RuntimeException e) {
            // Deliberately not rethrown: see the class comment. The message names the database, never the password.
            log.log("ERROR", USER_NOT_CREATED, Map.of("sub", sub, "reason", "database_or_ssm_failed",
                    "error", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage())));
        }
        return event;
    }

    /** The connection, opened at the first sign-up and again after a failed attempt. */
    private synchronized PostgresUsers users() {
        if (users == null) {
            users = PostgresUsers.connect(connectionUrl.value());
        }
        return users;
    }
}
