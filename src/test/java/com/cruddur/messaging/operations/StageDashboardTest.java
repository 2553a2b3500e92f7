package com.cruddur.messaging.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The stage's CloudWatch dashboard (issue 14), asserted on the synthesized Operations stack of every declared stage. */
class StageDashboardTest {

    static List<String> stages() {
        return TestApps.declaredStages();
    }

    static List<String> stagesWithAFirewall() {
        return stages().stream().filter(stage -> SynthesizedStages.stacks(stage).config().backend().firewall().isPresent()).toList();
    }

    static List<String> stagesWithoutAFirewall() {
        return stages().stream().filter(stage -> SynthesizedStages.stacks(stage).config().backend().firewall().isEmpty()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void operationsStackIsTheStagesLastStack(String stage) {
        StageStacks stacks = SynthesizedStages.stacks(stage);

        List<Stack> all = stacks.all();
        assertEquals("Cruddur-" + stage + "-Operations", all.get(all.size() - 1).getStackName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void dashboardIsNamedAfterTheStage(String stage) {
        template(stage).hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "cruddur-" + stage));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void messageFlowGraphsInvocationsErrorsLagAndParkedBatches(String stage) {
        String body = dashboardBody(template(stage));

        assertContainsAll(body, "\"AWS/Lambda\",\"Invocations\"", "\"AWS/Lambda\",\"Errors\"", "\"AWS/Lambda\",\"IteratorAge\"",
                "\"AWS/S3\",\"PutRequests\"", "\"FilterId\",\"parked-batches\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void messageFlowGraphsTheProcessorsLogMetrics(String stage) {
        String body = dashboardBody(template(stage));

        String namespace = "\"Cruddur/" + stage + "/Messaging\",";
        assertContainsAll(body, namespace + "\"StreamRecordsIn\"", namespace + "\"ConversationsRefreshed\"",
                namespace + "\"StreamRecordsFailed\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void logMetricsCountTheBatchProcessedLinesOfTheProcessorsLogGroup(String stage) {
        Template template = template(stage);

        template.resourceCountIs("AWS::Logs::MetricFilter", 3);
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                "FilterPattern", "{ $.event = \"batch_processed\" }",
                "LogGroupName", Map.of("Fn::GetStackOutput", Match.objectLike(Map.of("StackName", "Cruddur-" + stage + "-StreamProcessor"))),
                "MetricTransformations", List.of(Match.objectLike(Map.of(
                        "MetricNamespace", "Cruddur/" + stage + "/Messaging", "MetricName", "StreamRecordsIn", "MetricValue", "$.records")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void tableAndIndexGraphConsumedAgainstProvisionedCapacityAndThrottles(String stage) {
        String body = dashboardBody(template(stage));
        String tableName = SynthesizedStages.stacks(stage).config().tableName();

        assertContainsAll(body, "\"AWS/DynamoDB\",\"ConsumedReadCapacityUnits\"", "\"AWS/DynamoDB\",\"ConsumedWriteCapacityUnits\"",
                "\"AWS/DynamoDB\",\"ProvisionedReadCapacityUnits\"", "\"AWS/DynamoDB\",\"ProvisionedWriteCapacityUnits\"",
                "\"AWS/DynamoDB\",\"ReadThrottleEvents\"", "\"AWS/DynamoDB\",\"WriteThrottleEvents\"",
                "consumed / PERIOD(consumed)", "\"TableName\",\"" + tableName + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void indexMetricsCarryTheGlobalSecondaryIndexDimension(String stage) {
        String body = dashboardBody(template(stage));

        assertContainsAll(body, "\"GlobalSecondaryIndexName\",\"message-group-sk-index\"");
        // Read and write consumption, provisioning and throttles: six index metrics.
        assertEquals(6, body.split("\"GlobalSecondaryIndexName\",\"message-group-sk-index\"", -1).length - 1, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void backendGraphsLoadBalancerRequestsErrorsLatencyAndTaskCounts(String stage) {
        String body = dashboardBody(template(stage));

        assertContainsAll(body, "\"AWS/ApplicationELB\",\"RequestCount\"", "\"AWS/ApplicationELB\",\"HTTPCode_Target_5XX_Count\"",
                "\"AWS/ApplicationELB\",\"HTTPCode_ELB_5XX_Count\"", "\"AWS/ApplicationELB\",\"TargetResponseTime\"", "\"stat\":\"p99\"",
                "\"ECS/ContainerInsights\",\"RunningTaskCount\"", "\"ECS/ContainerInsights\",\"DesiredTaskCount\"",
                "\"ClusterName\",", "\"ServiceName\",");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithAFirewall")
    void firewallRowGraphsTheWebAclsAllowedAgainstBlockedRequests(String stage) {
        String body = dashboardBody(template(stage));

        String webAcl = wafDimensions(stage, "ALL");
        assertContainsAll(body, "### Web application firewall: web ACL cruddur-" + stage + "-backend",
                "\"AWS/WAFV2\",\"AllowedRequests\"," + webAcl, "\"AWS/WAFV2\",\"BlockedRequests\"," + webAcl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithAFirewall")
    void firewallRowGraphsTheBlockedRequestsOfEachOfTheThreeRules(String stage) {
        String body = dashboardBody(template(stage));

        for (String rule : List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "RateLimitPerIp")) {
            assertContainsAll(body, "\"AWS/WAFV2\",\"BlockedRequests\"," + wafDimensions(stage, rule));
        }
        assertEquals(3 + 1, body.split("\"AWS/WAFV2\",\"BlockedRequests\"", -1).length - 1, "three rules and the web ACL's total");
        assertEquals(1, body.split("\"AWS/WAFV2\",\"AllowedRequests\"", -1).length - 1, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithoutAFirewall")
    void aStageWithoutAFirewallHasNoFirewallRow(String stage) {
        String body = dashboardBody(template(stage));

        assertFalse(body.contains("AWS/WAFV2"), body);
        assertFalse(body.contains("Web application firewall"), body);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aStageWithoutAFixedRegionGraphsItsFirewallInTheRegionItIsDeployedTo() {
        Map<String, Object> backend = new HashMap<>((Map<String, Object>) TestApps.stageSettings("dev").get("backend"));
        backend.put("firewall", Map.of("rateLimit", 2000, "rateWindowSeconds", 300));
        StageStacks dev = TestApps.compose("dev", Map.of("backend", backend));

        assertContainsAll(dashboardBody(Template.fromStack(dev.operations())),
                "\"AWS/WAFV2\",\"BlockedRequests\",\"Region\",\"${AWS::Region}\",\"Rule\",\"RateLimitPerIp\",\"WebACL\",\"cruddur-dev-backend\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void dashboardUrlOutputOpensTheDashboardInTheStagesRegion(String stage) {
        Map<String, Map<String, Object>> outputs = template(stage).findOutputs("DashboardUrl");

        String rendered = render(outputs.get("DashboardUrl").get("Value"));
        String region = SynthesizedStages.stacks(stage).config().region().orElse("${AWS::Region}");
        assertEquals("https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#dashboards:name=cruddur-" + stage, rendered);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void noStackOfTheStageExportsAValue(String stage) {
        // Weak cross-stack references (Fn::GetStackOutput): the dashboard never pins another stack's outputs.
        for (Stack stack : SynthesizedStages.stacks(stage).all()) {
            Map<String, Object> outputs = (Map<String, Object>) SynthesizedStages.template(stack).toJSON().getOrDefault("Outputs", Map.of());
            outputs.forEach((name, output) -> assertFalse(((Map<String, Object>) output).containsKey("Export"),
                    stack.getStackName() + " exports " + name));
        }
    }

    /** The dimensions of a regional web ACL's metric, as the dashboard body lists them (sorted by name). */
    private static String wafDimensions(String stage, String rule) {
        String region = SynthesizedStages.stacks(stage).config().region().orElse("${AWS::Region}");
        return "\"Region\",\"" + region + "\",\"Rule\",\"" + rule + "\",\"WebACL\",\"cruddur-" + stage + "-backend\"";
    }

    private static Template template(String stage) {
        return SynthesizedStages.template(stage, StageStacks::operations);
    }

    @SuppressWarnings("unchecked")
    private static String dashboardBody(Template template) {
        Map<String, Map<String, Object>> dashboards = template.findResources("AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size());
        Map<String, Object> dashboard = dashboards.values().iterator().next();
        return render(((Map<String, Object>) dashboard.get("Properties")).get("DashboardBody"));
    }

    /** A string, or an Fn::Join of strings and intrinsics, as one string; {@code AWS::Region} as a placeholder, other intrinsics as JSON. */
    @SuppressWarnings("unchecked")
    private static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        Map<String, Object> intrinsic = (Map<String, Object>) value;
        if (intrinsic.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) intrinsic.get("Fn::Join");
            return ((List<Object>) join.get(1)).stream().map(StageDashboardTest::render).collect(Collectors.joining((String) join.get(0)));
        }
        if ("AWS::Region".equals(intrinsic.get("Ref"))) {
            return "${AWS::Region}";
        }
        return toJson(intrinsic);
    }

    private static void assertContainsAll(String body, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(body.contains(fragment), "missing " + fragment + " in " + body);
        }
    }

    private static String toJson(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
