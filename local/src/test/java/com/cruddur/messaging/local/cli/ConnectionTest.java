package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.regions.Region;

/** Where a command's endpoint and region come from. */
class ConnectionTest {

    @Test
    void theServiceSpecificEndpointVariableWinsOverTheGeneralOne() {
        Connection connection = connection(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8001", "AWS_ENDPOINT_URL", "http://localhost:8000"));
        assertEquals(Optional.of(URI.create("http://localhost:8001")), connection.endpoint());
    }

    @Test
    void theGeneralEndpointVariableBinLocalExportsIsUsedAlone() {
        Connection connection = connection(Map.of("AWS_ENDPOINT_URL", "http://localhost:8000"));
        assertEquals(Optional.of(URI.create("http://localhost:8000")), connection.endpoint());
    }

    @Test
    void theEndpointOptionWinsOverBothVariables() {
        Connection connection = connection(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8001", "AWS_ENDPOINT_URL", "http://localhost:8000"));
        connection.endpoint = "http://127.0.0.1:9000";
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), connection.endpoint());
    }

    @Test
    void aWriteToAwsOnPurposeIgnoresTheExportedEndpoints() {
        Connection connection = connection(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8001", "AWS_ENDPOINT_URL", "http://localhost:8000"));
        connection.table = "bootcamp-messages";
        connection.requireWriteTarget("seed a table", true);
        assertEquals(Optional.empty(), connection.endpoint());
    }

    @Test
    void aLocalEndpointUsesUsEast1WithoutReadingTheProfile(@TempDir Path home) throws Exception {
        Path config = Files.writeString(home.resolve("config"), "[default]\nregion = eu-north-1\n");
        String previous = System.setProperty("aws.configFile", config.toString());
        try {
            Connection connection = connection(Map.of("AWS_ENDPOINT_URL", "http://localhost:8000"));
            assertEquals(Region.US_EAST_1, connection.region());
            connection.endpoint = "https://dynamodb.eu-north-1.amazonaws.com";
            assertEquals(Region.EU_NORTH_1, connection.region(), "the same profile read for a non-local endpoint");
        } finally {
            restore("aws.configFile", previous);
        }
    }

    private static Connection connection(Map<String, String> environment) {
        Connection connection = new Connection();
        connection.environment = environment::get;
        return connection;
    }

    static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
