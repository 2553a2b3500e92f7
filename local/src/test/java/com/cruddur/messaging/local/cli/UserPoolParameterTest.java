package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.cruddur.messaging.harness.TestTemplates;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cognito commands read the pool id where the CDK app's Auth stack publishes it, on every stage. */
class UserPoolParameterTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePoolIdParameterIsOneTheAuthStackPublishes(String stage) throws IOException {
        Path auth = TestTemplates.cdkOut(stage).resolve("Cruddur-" + stage + "-Auth.template.json");
        List<String> published = new ArrayList<>();
        new ObjectMapper().readTree(auth.toFile()).path("Resources").forEach(resource -> {
            if ("AWS::SSM::Parameter".equals(resource.path("Type").asText())) {
                published.add(resource.path("Properties").path("Name").asText());
            }
        });
        String read = String.format(UserPool.POOL_ID_PARAMETER, stage);
        assertTrue(published.contains(read), read + " is not among the parameters " + stage + "'s Auth stack publishes: " + published);
    }
}
