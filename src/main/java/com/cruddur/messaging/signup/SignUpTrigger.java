package com.cruddur.messaging.signup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.access.InlinePolicies;
import com.cruddur.messaging.alarms.StageAlarm;
import com.cruddur.messaging.function.JavaFunction;
import com.cruddur.messaging.function.JavaFunctionProps;
import com.cruddur.messaging.function.JavaFunctionProps.VpcPlacement;
import com.cruddur.messaging.function.PostgresAccess;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.constructs.Construct;

/**
 * Sign-up creates the user: Cognito's post-confirmation trigger, a Java function that inserts the confirmed user into
 * Postgres {@code public.users} (display_name, email, handle, cognito_user_id), reading CONNECTION_URL from its
 * SecureString. It never fails a confirmation (Cognito would lock the person out over our bug): a user it could not
 * create is logged as {@value #NOT_CREATED_EVENT}, and an alarm fires on it.
 */
public final class SignUpTrigger extends Construct {

    public static final String HANDLER = "com.cruddur.messaging.signup.PostConfirmationHandler::handleRequest";
    /** The handler's log event for a confirmed user it could not insert; the alarm counts these. */
    public static final String NOT_CREATED_EVENT = "signup_user_not_created";
    /** Cognito waits this long for a trigger, then retries; the function may not run longer. */
    static final Duration COGNITO_TRIGGER_TIMEOUT = Duration.seconds(5);

    private final Function function;
    private final Alias alias;

    public SignUpTrigger(Construct scope, String id, SignUpTriggerProps props) {
        super(scope, id);
        Optional<VpcPlacement> vpc = props.inVpc() ? Optional.of(new VpcPlacement(props.network(), securityGroup(props))) : Optional.empty();
        JavaFunction trigger = new JavaFunction(this, JavaFunction.ID, JavaFunctionProps.builder()
                .functionName(props.functionName())
                .description("Cognito post-confirmation: the confirmed user becomes a row of Postgres public.users")
                .handler(HANDLER)
                .memorySize(1024)
                .timeout(COGNITO_TRIGGER_TIMEOUT)
                .environment(Map.of("CONNECTION_URL_PARAMETER", props.connectionUrlParameter()))
                .logs(props.logRetention(), props.removalPolicy())
                .role(props.functionName() + ": read CONNECTION_URL, write users rows, write logs", "SignUpTrigger", logs -> List.of(
                        InlinePolicies.writeOwnLogs(logs), PostgresAccess.readConnectionUrl(this, props.connectionUrlParameter())))
                .vpc(vpc)
                .snapStart()
                .build());
        this.function = trigger.function();
        this.alias = trigger.alias().orElseThrow();
        props.userPool().addTrigger(UserPoolOperation.POST_CONFIRMATION, alias);
        alarms(trigger.logs(), props.metricNamespace());
    }

    /** HTTPS out (SSM through the NAT gateway) and Postgres to the stage's database, nothing else. */
    private SecurityGroup securityGroup(SignUpTriggerProps props) {
        SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.network().vpc())
                .description(props.functionName() + ": HTTPS to SSM through the NAT gateway, Postgres to the database only")
                .allowAllOutbound(false)
                .build();
        PostgresAccess.allowFrom(this, securityGroup, props.database(), props.functionName());
        return securityGroup;
    }

    public Function function() {
        return function;
    }

    private void alarms(LogGroup logs, String metricNamespace) {
        MetricFilter notCreated = MetricFilter.Builder.create(this, "UsersNotCreated")
                .logGroup(logs)
                .filterPattern(FilterPattern.stringValue("$.event", "=", NOT_CREATED_EVENT))
                .metricNamespace(metricNamespace)
                .metricName("UsersNotCreated")
                .metricValue("1")
                .build();
        StageAlarm.above(this, "UserNotCreated", "A confirmed sign-up got no users row (bad attributes, SSM or the database): read the"
                        + " function's log, fix, then link or create the user (README: Sign-up creates the user).",
                notCreated.metric(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build()), 0, 1);
        StageAlarm.functionHealth(this, function, "The sign-up trigger itself failed: Cognito retried, and the person may not be confirmed.",
                "Sign-up confirmations take close to Cognito's 5-second limit: a slower one fails the sign-up.");
    }
}
