package com.cruddur.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/** cdk-nag's AwsSolutions pack runs on every synth and finds nothing unacknowledged on any stage. */
class NagTest {

    static List<String> stages() {
        return TestApps.declaredStages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void stageHasNoUnacknowledgedAwsSolutionsFinding(String stage) {
        // The real path: the shared app's synth ran the registered AwsSolutions plugin after cross-stack references were
        // resolved, and would have thrown on a finding.
        App app = SynthesizedStages.app(stage);
        PolicyValidationPluginReport report = new AwsSolutionsChecks().validateScope(app);
        assertEquals("", describe(report.getViolations()));
        assertTrue(report.getSuccess());
    }

    @Test
    void synthFailsOnAnUnacknowledgedFinding() {
        App app = TestApps.app("dev", Map.of());
        StageStacks stacks = CruddurApp.compose(app);
        // A queue without a dead-letter queue or a TLS-only policy breaks AwsSolutions-SQS3 and -SQS4.
        new Queue(stacks.data(), "NonCompliantQueue");
        RuntimeException error = assertThrows(RuntimeException.class, app::synth);
        assertTrue(error.getMessage().contains("alidation"), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void everyAcknowledgementNamesARuleAndGivesAReason(String stage) {
        App app = SynthesizedStages.app(stage);
        List<String> acknowledgements = new ArrayList<>();
        for (IConstruct construct : app.getNode().findAll()) {
            for (MetadataEntry entry : construct.getNode().getMetadata()) {
                if (Validations.ACKNOWLEDGED_RULES_METADATA_KEY.equals(entry.getType())) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> rules = (Map<String, Object>) entry.getData();
                    rules.forEach((rule, reason) -> {
                        acknowledgements.add(construct.getNode().getPath() + " " + rule);
                        assertTrue(rule.matches("(?i)(annotation::)?([A-Za-z-]+::)?[A-Za-z-]*[A-Z]+\\d+(\\[.+])?"),
                                "acknowledged rule id " + rule + " at " + construct.getNode().getPath());
                        assertTrue(String.valueOf(reason).length() >= 60,
                                "reason for " + rule + " at " + construct.getNode().getPath() + " is too thin: " + reason);
                    });
                }
            }
        }
        assertFalse(acknowledgements.isEmpty(), "this test must see the acknowledgements it checks");
    }

    private static String describe(List<PolicyViolation> violations) {
        return violations.stream()
                .map(violation -> violation.getRuleName() + " at " + violation.getViolatingResources().stream()
                        .map(resource -> resource.getResourceLogicalId() + "/" + resource.getLocations())
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
