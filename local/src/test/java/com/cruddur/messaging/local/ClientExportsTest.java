package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The lines local mode prints: a region and dummy credentials only for a shell that has none. */
class ClientExportsTest {

    private static final URI ENDPOINT = URI.create("http://localhost:8000");

    @Test
    void aShellWithoutAwsSettingsGetsARegionForBothClientFamiliesAndDummyCredentials() throws Exception {
        List<String> lines = lines(Map.of(), Files.createTempDirectory("home"));
        assertTrue(lines.contains("export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1"), lines.toString());
        assertTrue(lines.contains("export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local"), lines.toString());
    }

    @Test
    void everyClientGetsItsEndpointAndTheTable() throws Exception {
        List<String> lines = lines(Map.of(), Files.createTempDirectory("home"));
        assertTrue(lines.contains("export AWS_ENDPOINT_URL_DYNAMODB=http://localhost:8000"), lines.toString());
        assertTrue(lines.contains("export AWS_ENDPOINT_URL=http://localhost:8000"), lines.toString());
        assertTrue(lines.contains("export DDB_MESSAGE_TABLE=cruddur-messages"), lines.toString());
    }

    @Test
    void theGeneralEndpointIsIntroducedAsRedirectingEveryService() throws Exception {
        List<String> lines = lines(Map.of(), Files.createTempDirectory("home"));
        String comment = lines.get(lines.indexOf("export AWS_ENDPOINT_URL=http://localhost:8000") - 1);
        assertTrue(comment.startsWith("#") && comment.contains("EVERY AWS service"), comment);
    }

    @Test
    void regionAndKeysFromTheEnvironmentAreKeptAndSaidSo() throws Exception {
        List<String> lines = lines(Map.of("AWS_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "AKIDUSER", "AWS_SECRET_ACCESS_KEY", "secret"),
                Files.createTempDirectory("home"));
        assertFalse(lines.stream().anyMatch(line -> line.startsWith("export AWS_REGION") || line.startsWith("export AWS_ACCESS_KEY_ID")), lines.toString());
        assertTrue(lines.contains("# keeping your region eu-central-1 from AWS_REGION (local mode accepts any region)"), lines.toString());
        assertTrue(lines.contains("# keeping your credentials from AWS_ACCESS_KEY_ID (local mode accepts any credentials)"), lines.toString());
    }

    @Test
    void regionAndKeysOfTheActiveProfileAreKept() throws Exception {
        Path home = Files.createTempDirectory("home");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile work]\nregion = eu-west-1\n");
        Files.writeString(home.resolve(".aws/credentials"), "[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = secret\n");
        List<String> lines = lines(Map.of("AWS_PROFILE", "work"), home);
        assertTrue(lines.contains("# keeping your region eu-west-1 from profile work (local mode accepts any region)"), lines.toString());
        assertTrue(lines.contains("# keeping your credentials from profile work (local mode accepts any credentials)"), lines.toString());
    }

    private static List<String> lines(Map<String, String> environment, Path home) {
        return ClientExports.lines(ENDPOINT, "cruddur-messages", AwsSettingsInEnvironment.of(environment, home));
    }
}
