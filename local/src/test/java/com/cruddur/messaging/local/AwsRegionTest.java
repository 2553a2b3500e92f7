package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.regions.Region;

/**
 * The region of AWS itself follows the SDK's chain; the profile file is a temp file named by aws.configFile (the system
 * property twin of AWS_CONFIG_FILE, which a test cannot set). Surefire excludes the AWS_ variables and disables instance metadata.
 */
class AwsRegionTest {

    @TempDir
    Path home;

    private final Map<String, String> previous = new HashMap<>();

    @AfterEach
    void restoreProperties() {
        previous.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void theDefaultProfilesRegionFromTheConfigFile() throws IOException {
        config("[default]\nregion = eu-north-1\n");
        assertEquals(Region.EU_NORTH_1, AwsRegion.forAws(null));
    }

    @Test
    void theRegionOfTheProfileAwsProfileNames() throws IOException {
        config("[default]\nregion = eu-north-1\n[profile bootcamp]\nregion = ca-central-1\n");
        set("aws.profile", "bootcamp");
        assertEquals(Region.CA_CENTRAL_1, AwsRegion.forAws(null));
    }

    @Test
    void theRegionOptionWinsOverTheProfile() throws IOException {
        config("[default]\nregion = eu-north-1\n");
        assertEquals(Region.AP_SOUTH_1, AwsRegion.forAws("ap-south-1"));
    }

    @Test
    void theAwsRegionSettingWinsOverTheProfile() throws IOException {
        config("[default]\nregion = eu-north-1\n");
        set("aws.region", "sa-east-1");
        assertEquals(Region.SA_EAST_1, AwsRegion.forAws(null));
    }

    @Test
    void noRegionAnywhereIsOneLineNamingHowToSetIt() throws IOException {
        config("[default]\noutput = json\n");
        set("aws.disableEc2Metadata", "true");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> AwsRegion.forAws(null));
        assertEquals("no AWS region found: pass --region, set AWS_REGION, or set region in your profile in ~/.aws/config (aws configure)",
                failure.getMessage());
    }

    @Test
    void aLocalEndpointTakesUsEast1WithoutAskingTheChain() throws IOException {
        config("[default]\nregion = eu-north-1\n");
        assertEquals(Region.US_EAST_1, AwsRegion.forLocal(null));
    }

    private void config(String text) throws IOException {
        set("aws.configFile", Files.writeString(home.resolve("config"), text).toString());
    }

    private void set(String property, String value) {
        previous.putIfAbsent(property, System.getProperty(property));
        System.setProperty(property, value);
    }
}
