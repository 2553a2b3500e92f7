package com.cruddur.messaging.auth;

import java.util.List;

import com.cruddur.messaging.config.AuthSettings.ThreatProtection;
import com.cruddur.messaging.config.EmailSettings;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.KeepOriginalAttrs;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolEmail;
import software.amazon.awscdk.services.cognito.UserPoolSESOptions;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The Cognito user pool of SPEC §5 and its public web client, shaped after what the Cruddur frontend
 * sends: sign-up with the email as username plus {@code name} and {@code preferred_username}, SRP
 * sign-in, refresh tokens. Pool and client ids are published as SSM parameters
 * ({@code /cruddur/<stage>/cognito/...}) so the backend and frontend read them instead of copying ids.
 */
public final class Auth extends Construct {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final Duration TEMPORARY_PASSWORD_VALIDITY = Duration.days(3);

    private final UserPool userPool;
    private final UserPoolClient webClient;
    private final StringParameter userPoolIdParameter;
    private final StringParameter webClientIdParameter;

    public Auth(Construct scope, String id, AuthProps props) {
        super(scope, id);
        ThreatProtection threatProtection = props.settings().threatProtection();
        this.userPool = UserPool.Builder.create(this, "UserPool")
                .userPoolName(userPoolName(props.stageName()))
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().email(true).build())
                .signInCaseSensitive(false)
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                // A changed email only replaces the old one once verified, so a typo cannot lock the user out.
                .keepOriginal(KeepOriginalAttrs.builder().email(true).build())
                .standardAttributes(StandardAttributes.builder()
                        .email(StandardAttribute.builder().required(true).mutable(true).build())
                        .fullname(StandardAttribute.builder().required(true).mutable(true).build())
                        .preferredUsername(StandardAttribute.builder().required(true).mutable(true).build())
                        .build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(MIN_PASSWORD_LENGTH)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireDigits(true)
                        .requireSymbols(true)
                        .tempPasswordValidity(TEMPORARY_PASSWORD_VALIDITY)
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .featurePlan(threatProtection == ThreatProtection.OFF ? FeaturePlan.ESSENTIALS : FeaturePlan.PLUS)
                .standardThreatProtectionMode(switch (threatProtection) {
                    case OFF -> StandardThreatProtectionMode.NO_ENFORCEMENT;
                    case AUDIT -> StandardThreatProtectionMode.AUDIT_ONLY;
                    case ENFORCED -> StandardThreatProtectionMode.FULL_FUNCTION;
                })
                .email(props.settings().email().map(Auth::throughSes).orElse(null))
                .deletionProtection(props.holdsRealData())
                .removalPolicy(props.holdsRealData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();

        this.webClient = userPool.addClient("WebClient", UserPoolClientOptions.builder()
                .userPoolClientName("cruddur-" + props.stageName() + "-web")
                // A browser cannot keep a secret: the client is public and signs in with SRP (no password on the wire).
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .accessTokenValidity(Duration.minutes(props.settings().accessTokenMinutes()))
                .idTokenValidity(Duration.minutes(props.settings().idTokenMinutes()))
                .refreshTokenValidity(Duration.days(props.settings().refreshTokenDays()))
                // The frontend signs in through the Amplify SRP API, not the hosted UI: no OAuth flows or callback URLs.
                .disableOAuth(true)
                .build());

        this.userPoolIdParameter = StringParameter.Builder.create(this, "UserPoolIdParameter")
                .parameterName(parameterName(props.stageName(), "user-pool-id"))
                .description("Cognito user pool id of Cruddur " + props.stageName())
                .stringValue(userPool.getUserPoolId())
                .build();
        this.webClientIdParameter = StringParameter.Builder.create(this, "WebClientIdParameter")
                .parameterName(parameterName(props.stageName(), "user-pool-client-id"))
                .description("Cognito web app client id of Cruddur " + props.stageName())
                .stringValue(webClient.getUserPoolClientId())
                .build();

        acknowledgeFindings(threatProtection);
    }

    /**
     * Cognito's mail sent by SES from the stage's verified identity (EmailSendingAccount DEVELOPER): SES's quota instead
     * of Cognito's built-in 50 a day. The SourceArn is the identity's, rebuilt from the same region, account and name.
     */
    private static UserPoolEmail throughSes(EmailSettings email) {
        return UserPoolEmail.withSES(UserPoolSESOptions.builder()
                .fromEmail(email.fromAddress())
                .fromName(email.fromName().orElse(null))
                .replyTo(email.replyTo().orElse(null))
                .sesRegion(email.region())
                .sesVerifiedDomain(email.domainIdentity() ? email.identity() : null)
                .build());
    }

    /** {@code cruddur-<stage>-users}. */
    public static String userPoolName(String stageName) {
        return "cruddur-" + stageName + "-users";
    }

    /** {@code /cruddur/<stage>/cognito/<name>}, where the ids are published. */
    public static String parameterName(String stageName, String name) {
        return "/cruddur/" + stageName + "/cognito/" + name;
    }

    public UserPool userPool() {
        return userPool;
    }

    public UserPoolClient webClient() {
        return webClient;
    }

    public StringParameter userPoolIdParameter() {
        return userPoolIdParameter;
    }

    public StringParameter webClientIdParameter() {
        return webClientIdParameter;
    }

    private void acknowledgeFindings(ThreatProtection threatProtection) {
        Validations.of(userPool).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-COG2")
                .reason("MFA is optional (TOTP): the Cruddur frontend has no MFA enrolment screen yet, so requiring it would lock"
                        + " every new user out. Turn it to REQUIRED when the frontend can enrol a TOTP device.")
                .build());
        if (threatProtection == ThreatProtection.OFF) {
            Validations.of(userPool).acknowledge(Acknowledgment.builder()
                    .id("AwsSolutions-COG8")
                    .reason("This stage sets auth.threatProtection OFF: it holds no real users, and the Plus plan that threat"
                            + " protection needs is billed per monthly active user. Stages with real users set AUDIT or ENFORCED.")
                    .build());
        }
    }
}
