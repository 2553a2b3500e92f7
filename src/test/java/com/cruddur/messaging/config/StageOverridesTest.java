package com.cruddur.messaging.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * An operator points a stage at their own account without editing cdk.json: a git-ignored overrides file and -c
 * flags, validated exactly like cdk.json, and no documentation placeholder gets past synth.
 */
class StageOverridesTest {

    private static final String OWN_PROD = """
            {"prod": {"account": "210987654321", "region": "eu-west-1", "availabilityZones": ["eu-west-1a", "eu-west-1b"],
                      "alarmTopicArn": "arn:aws:sns:eu-west-1:210987654321:cruddur-alarms",
                      "auth": {"email": {"fromAddress": "no-reply@cruddur.test",
                                         "sesIdentityArn": "arn:aws:ses:eu-west-1:210987654321:identity/cruddur.test"}},
                      "backend": {"imageTag": "2026-11-25.1", "frontendUrl": "https://cruddur.test", "backendUrl": "https://api.cruddur.test",
                                  "certificateArn": "arn:aws:acm:eu-west-1:210987654321:certificate/5f0c3c2e-3b7e-4a55-9a1e-2d6c7b8a9e10",
                                  "database": {"cidr": "203.0.113.10/32"}}}}
            """;

    @TempDir
    Path directory;

    @Test
    void theFileSuppliesWhatCdkJsonLeavesToTheOperatorAndKeepsItsOtherDefaults() throws IOException {
        StageConfig prod = read("prod", file(OWN_PROD), Map.of());

        assertEquals(Optional.of("210987654321"), prod.account());
        assertEquals(Optional.of("https://api.cruddur.test"), prod.backend().backendUrl());
        assertEquals(512, prod.backend().cpu(), "backend.cpu still comes from cdk.json");
    }

    @Test
    void flagsOverrideTheFileAndAreReadAsTheSettingWantsThem() throws IOException {
        StageConfig prod = read("prod", file(OWN_PROD), Map.of(
                "prod.natGateways", "2", "prod.backend.desiredCount", "3", "prod.seedData", "true",
                "prod.availabilityZones", "[\"eu-west-1b\", \"eu-west-1c\"]"));

        assertEquals(2, prod.natGateways());
        assertEquals(3, prod.backend().desiredCount());
        assertTrue(prod.seedData());
        assertEquals(List.of("eu-west-1b", "eu-west-1c"), prod.availabilityZones());
    }

    @Test
    void flagsForAnotherStageAreNotApplied() throws IOException {
        assertEquals(2, read("prod", file(OWN_PROD), Map.of("dev.natGateways", "1")).natGateways());
    }

    @Test
    void aNullInTheFileRemovesTheDefault() throws IOException {
        StageConfig prod = read("prod", file(OWN_PROD.replace("\"backendUrl\"", "\"connectionUrlParameter\": null, \"backendUrl\"")), Map.of());

        assertEquals("/cruddur/prod/backend-flask/CONNECTION_URL", prod.backend().connectionUrlParameter(),
                "cdk.json's /cruddur/backend-flask/CONNECTION_URL is removed, so the stage's default applies");
    }

    @Test
    void aBadFlagValueFailsAsTheSameValueInCdkJsonWould() throws IOException {
        assertError(() -> read("prod", file(OWN_PROD), Map.of("prod.natGateways", "lots")),
                "stages.prod.natGateways: \"lots\" is not allowed; expected a whole number from 0 to 2");
    }

    @Test
    void aFlagThatLooksLikeJsonMustBeJson() throws IOException {
        assertError(() -> read("prod", file(OWN_PROD), Map.of("prod.availabilityZones", "[eu-west-1a")),
                "-c prod.availabilityZones: \"[eu-west-1a\" is not allowed; expected JSON");
    }

    @Test
    void aNamedFileThatDoesNotExistIsAnError() {
        assertError(() -> read("dev", Optional.of(directory.resolve("nope.json")), Map.of()), "stagesFile: \"", "nope.json\" does not exist");
    }

    @Test
    void aFileThatIsNotJsonNamesTheFileAndWhere() throws IOException {
        assertError(() -> read("dev", file("{\"prod\": {\"account\": }"), Map.of()), "stages.json is not JSON (line 1, column ");
    }

    @Test
    void prodWithoutItsAccountSaysWhatToSetAndWhere() {
        assertError(() -> read("prod", Optional.empty(), Map.of()),
                "stages.prod.account is missing; expected the 12-digit id of your AWS account",
                "(with -c prod.account=VALUE or in stages.local.json)");
    }

    @Test
    void aStageHoldingRealDataWithPrivateTasksRunsOneNatGatewayPerAz() throws IOException {
        assertError(() -> read("prod", file(OWN_PROD), Map.of("prod.natGateways", "1")),
                "stages.prod.natGateways: 1 is not allowed; expected 2 (one per AZ) on a stage holding real data");
    }

    @Test
    void aStageHoldingRealDataMustNameWhereItsAlarmsGo() throws IOException {
        assertError(() -> read("prod", file(OWN_PROD.replace("\"alarmTopicArn\": \"arn:aws:sns:eu-west-1:210987654321:cruddur-alarms\",", "")), Map.of()),
                "stages.prod.alarmTopicArn is missing; expected an SNS topic ARN", "that reaches a person", "-c prod.alarmTopicArn=VALUE");
    }

    @Test
    void anAccountFromTheDocumentationIsAPlaceholder() throws IOException {
        assertError(() -> read("prod", file(OWN_PROD), Map.of("prod.account", "123456789012")),
                "stages.prod.account: \"123456789012\" is a placeholder; set the 12-digit id of your AWS account",
                "-c prod.account=VALUE");
    }

    @Test
    void anExampleDomainIsAPlaceholder() throws IOException {
        assertError(() -> read("prod", file(OWN_PROD), Map.of("prod.backend.backendUrl", "https://api.cruddur.example.com")),
                "stages.prod.backend.backendUrl: \"https://api.cruddur.example.com\" is a placeholder",
                "-c prod.backend.backendUrl=VALUE");
    }

    @Test
    void aCertificateOfZerosIsAPlaceholder() throws IOException {
        assertError(() -> read("prod", file(OWN_PROD), Map.of("prod.backend.certificateArn",
                        "arn:aws:acm:eu-west-1:210987654321:certificate/00000000-0000-4000-8000-000000000000")),
                "stages.prod.backend.certificateArn: \"arn:aws:acm:eu-west-1:210987654321:certificate/00000000-0000-4000-8000-000000000000\" is a placeholder");
    }

    @Test
    void twoStagesThatMayShareAnAccountCannotShareTheTable() throws IOException {
        assertError(() -> read("dev", file(OWN_PROD), Map.of("dev.tableName", "cruddur-messages")),
                "stages.dev.tableName: \"cruddur-messages\" is also stage prod's table");
    }

    @Test
    void twoStagesThatMayShareAnAccountCannotShareTheDatabaseSecret() throws IOException {
        assertError(() -> read("dev", file(OWN_PROD), Map.of("dev.backend.connectionUrlParameter", "/cruddur/backend-flask/CONNECTION_URL")),
                "stages.dev.backend.connectionUrlParameter: \"/cruddur/backend-flask/CONNECTION_URL\" is also stage prod's CONNECTION_URL parameter");
    }

    @Test
    void stagesPinnedToDifferentAccountsMayUseTheSameNames() throws IOException {
        StageConfig dev = read("dev", file(OWN_PROD), Map.of("dev.tableName", "cruddur-messages", "dev.account", "310987654321",
                "dev.region", "eu-west-1", "dev.availabilityZones", "[\"eu-west-1a\", \"eu-west-1b\"]"));

        assertEquals("cruddur-messages", dev.tableName());
    }

    private Optional<Path> file(String json) throws IOException {
        Path file = directory.resolve("stages.json");
        Files.writeString(file, json);
        return Optional.of(file);
    }

    /** The app as cdk synth builds it from cdk.json, with {@code file} as -c stagesFile (else none) and {@code flags} as -c flags. */
    private static StageConfig read(String stage, Optional<Path> file, Map<String, Object> flags) {
        Map<String, Object> context = new HashMap<>(TestApps.cdkJsonContext());
        context.put("stage", stage);
        context.put("stagesFile", file.map(Path::toString).orElse(Path.of("src/test/resources/stages.none.json").toAbsolutePath().toString()));
        context.putAll(flags);
        return StageConfigReader.read(new App(AppProps.builder().context(context).build()).getNode());
    }

    private static void assertError(org.junit.jupiter.api.function.Executable read, String... parts) {
        InvalidStageConfigException error = assertThrows(InvalidStageConfigException.class, read);
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), "\"" + error.getMessage() + "\" should contain \"" + part + "\"");
        }
    }
}
