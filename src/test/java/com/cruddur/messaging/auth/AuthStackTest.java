package com.cruddur.messaging.auth;

import static com.cruddur.messaging.support.SynthesizedStages.stacks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.config.AuthSettings;
import com.cruddur.messaging.config.EmailSettings;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The Cognito user pool and web client (SPEC §5), asserted on every declared stage. */
class AuthStackTest {

    static List<String> stages() {
        return TestApps.declaredStages();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void usersSignUpWithTheirEmailAsUsernameAndGiveNameAndPreferredUsername(String stage) {
        template(stage).hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "UsernameAttributes", List.of("email"),
                "UsernameConfiguration", Map.of("CaseSensitive", false),
                "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", false),
                "Schema", List.of(
                        Map.of("Name", "email", "Required", true, "Mutable", true),
                        Map.of("Name", "name", "Required", true, "Mutable", true),
                        Map.of("Name", "preferred_username", "Required", true, "Mutable", true))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void emailIsVerifiedAtSignUpAndBeforeAChangeTakesEffect(String stage) {
        template(stage).hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "AutoVerifiedAttributes", List.of("email"),
                "UserAttributeUpdateSettings", Map.of("AttributesRequireVerificationBeforeUpdate", List.of("email"))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void passwordsAreLongAndMixAllFourCharacterClasses(String stage) {
        template(stage).hasResourceProperties("AWS::Cognito::UserPool", Map.of("Policies", Map.of("PasswordPolicy", Map.of(
                "MinimumLength", 12, "RequireLowercase", true, "RequireUppercase", true, "RequireNumbers", true,
                "RequireSymbols", true, "TemporaryPasswordValidityDays", 3))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void accountsAreRecoveredByVerifiedEmailOnly(String stage) {
        template(stage).hasResourceProperties("AWS::Cognito::UserPool", Map.of("AccountRecoverySetting",
                Map.of("RecoveryMechanisms", List.of(Map.of("Name", "verified_email", "Priority", 1)))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void poolOfARealDataStageIsDeletionProtectedAndRetained(String stage) {
        boolean realData = stacks(stage).config().holdsRealData();
        template(stage).hasResource("AWS::Cognito::UserPool", Map.of(
                "DeletionPolicy", realData ? "Retain" : "Delete",
                "Properties", Match.objectLike(Map.of("DeletionProtection", realData ? "ACTIVE" : "INACTIVE"))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void webClientIsPublicAndSignsInWithSrpAndRefreshTokensOnly(String stage) {
        template(stage).resourceCountIs("AWS::Cognito::UserPoolClient", 1);
        template(stage).hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "GenerateSecret", false,
                "ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                "PreventUserExistenceErrors", "ENABLED",
                "EnableTokenRevocation", true,
                "AllowedOAuthFlowsUserPoolClient", false,
                "AllowedOAuthFlows", Match.absent(),
                "CallbackURLs", Match.absent()));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void tokenLifetimesAreExplicitAndComeFromTheStage(String stage) {
        AuthSettings auth = stacks(stage).config().auth();
        template(stage).hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "AccessTokenValidity", auth.accessTokenMinutes(),
                "IdTokenValidity", auth.idTokenMinutes(),
                "RefreshTokenValidity", auth.refreshTokenDays() * 24 * 60,
                "TokenValidityUnits", Map.of("AccessToken", "minutes", "IdToken", "minutes", "RefreshToken", "minutes")));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void poolAndClientIdsAreStackOutputsAndSsmParameters(String stage) {
        Template template = template(stage);
        template.hasOutput("UserPoolId", Map.of("Value", Map.of("Ref", Match.stringLikeRegexp("AuthUserPool"))));
        template.hasOutput("UserPoolClientId", Map.of("Value", Map.of("Ref", Match.stringLikeRegexp("AuthUserPoolWebClient"))));
        template.hasResourceProperties("AWS::SSM::Parameter", Map.of("Name", "/cruddur/" + stage + "/cognito/user-pool-id",
                "Type", "String", "Value", Map.of("Ref", Match.stringLikeRegexp("AuthUserPool"))));
        template.hasResourceProperties("AWS::SSM::Parameter", Map.of("Name", "/cruddur/" + stage + "/cognito/user-pool-client-id",
                "Type", "String", "Value", Map.of("Ref", Match.stringLikeRegexp("AuthUserPoolWebClient"))));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void mfaIsOfferedWithAuthenticatorAppsNotSms(String stage) {
        template(stage).hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "MfaConfiguration", "OPTIONAL", "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA")));
    }

    @Test
    void devRunsWithoutThreatProtectionOnTheEssentialsPlan() {
        template("dev").hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "UserPoolTier", "ESSENTIALS", "UserPoolAddOns", Map.of("AdvancedSecurityMode", "OFF")));
    }

    @Test
    void prodEnforcesThreatProtectionOnThePlusPlan() {
        template("prod").hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "UserPoolTier", "PLUS", "UserPoolAddOns", Map.of("AdvancedSecurityMode", "ENFORCED")));
    }

    @Test
    void auditOnlyThreatProtectionIsAStageSetting() {
        Template audit = Template.fromStack(TestApps.compose("dev", Map.of("auth", Map.of(
                "threatProtection", "AUDIT", "accessTokenMinutes", 15, "idTokenMinutes", 30, "refreshTokenDays", 7))).auth());
        audit.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "UserPoolTier", "PLUS", "UserPoolAddOns", Map.of("AdvancedSecurityMode", "AUDIT")));
        audit.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "AccessTokenValidity", 15, "IdTokenValidity", 30, "RefreshTokenValidity", 7 * 24 * 60));
    }

    static List<String> stagesHoldingRealData() {
        return stages().stream().filter(stage -> stacks(stage).config().holdsRealData()).toList();
    }

    @ParameterizedTest
    @MethodSource("stagesHoldingRealData")
    void aStageHoldingRealDataMailsThroughSesFromItsIdentity(String stage) {
        EmailSettings email = stacks(stage).config().auth().email().orElseThrow();
        template(stage).hasResourceProperties("AWS::Cognito::UserPool", Map.of("EmailConfiguration", Map.of(
                "EmailSendingAccount", "DEVELOPER",
                "From", email.fromName().orElseThrow() + " <" + email.fromAddress() + ">",
                "ReplyToEmailAddress", email.replyTo().orElseThrow(),
                "SourceArn", email.sesIdentityArn())));
    }

    @Test
    void devMailsThroughCognitosOwnSender() {
        template("dev").hasResourceProperties("AWS::Cognito::UserPool", Map.of("EmailConfiguration", Match.absent()));
    }

    @Test
    void anEmailAddressIdentityIsTheSourceAndTheSenderWithoutAName() {
        String identity = "arn:aws:ses:us-east-1:210987654321:identity/alerts@cruddur.test";
        Map<String, Object> auth = new HashMap<>(cast(TestApps.stageSettings("prod").get("auth")));
        auth.put("email", Map.of("fromAddress", "alerts@cruddur.test", "sesIdentityArn", identity));
        Template.fromStack(TestApps.compose("prod", Map.of("auth", auth)).auth()).hasResourceProperties("AWS::Cognito::UserPool",
                Map.of("EmailConfiguration", Map.of("EmailSendingAccount", "DEVELOPER", "From", "alerts@cruddur.test", "SourceArn", identity)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void poolIsNamedAfterItsStage() {
        template("dev").hasResourceProperties("AWS::Cognito::UserPool", Map.of("UserPoolName", "cruddur-dev-users"));
        assertEquals("Cruddur-dev-Auth", stacks("dev").auth().getStackName());
    }

    private static Template template(String stage) {
        return SynthesizedStages.template(stage, StageStacks::auth);
    }
}
