package com.cruddur.messaging.backend;

import static com.cruddur.messaging.support.SynthesizedStages.stacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.config.FirewallSettings;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * AWS WAF on the backend's load balancer (issue 14), asserted on every declared stage that sets {@code backend.firewall},
 * on every stage that does not, and on a stage that opts in.
 */
class BackendFirewallTest {


    static List<String> stagesWithAFirewall() {
        return TestApps.declaredStages().stream().filter(stage -> stacks(stage).config().backend().firewall().isPresent()).toList();
    }

    static List<String> stagesWithoutAFirewall() {
        return TestApps.declaredStages().stream().filter(stage -> stacks(stage).config().backend().firewall().isEmpty()).toList();
    }

    static List<String> stagesHoldingRealData() {
        return TestApps.declaredStages().stream().filter(stage -> stacks(stage).config().holdsRealData()).toList();
    }

    @Test
    void prodHasAFirewallAndDevHasNone() {
        assertTrue(stagesWithAFirewall().contains("prod"));
        assertTrue(stagesWithoutAFirewall().contains("dev"), "a web ACL costs $5 a month plus $1 a rule, idle or not");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesHoldingRealData")
    void everyStageHoldingRealDataPutsOneWebAclOnItsLoadBalancer(String stage) {
        template(stage).resourceCountIs("AWS::WAFv2::WebACL", 1);
        template(stage).resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithAFirewall")
    void webAclIsRegionalAllowsWhatNoRuleBlocksAndIsNamedAfterTheStage(String stage) {
        template(stage).hasResourceProperties("AWS::WAFv2::WebACL", Map.of(
                "Name", "cruddur-" + stage + "-backend",
                "Scope", "REGIONAL",
                "DefaultAction", Map.of("Allow", Map.of()),
                "VisibilityConfig", Map.of("MetricName", "cruddur-" + stage + "-backend",
                        "CloudWatchMetricsEnabled", true, "SampledRequestsEnabled", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithAFirewall")
    void rulesRunCommonRulesThenKnownBadInputsThenTheRateLimit(String stage) {
        List<Map<String, Object>> rules = rules(template(stage));

        assertEquals(List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "RateLimitPerIp"),
                rules.stream().map(rule -> rule.get("Name")).toList());
        assertEquals(List.of(0, 1, 2), rules.stream().map(rule -> rule.get("Priority")).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithAFirewall")
    void managedRuleGroupsAreAwsOwnWithTheirOwnBlockActions(String stage) {
        for (String group : List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet")) {
            Map<String, Object> rule = rule(template(stage), group);

            assertEquals(Map.of("ManagedRuleGroupStatement", Map.of("VendorName", "AWS", "Name", group)), rule.get("Statement"),
                    "no excluded rules, no action overrides, AWS's default version");
            assertEquals(Map.of("None", Map.of()), rule.get("OverrideAction"));
            assertFalse(rule.containsKey("Action"), "a rule group reference takes an OverrideAction, not an Action");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithAFirewall")
    void rateRuleBlocksAnAddressOverTheStagesLimitWithinItsWindow(String stage) {
        FirewallSettings settings = stacks(stage).config().backend().firewall().orElseThrow();
        Map<String, Object> rule = rule(template(stage), "RateLimitPerIp");

        assertEquals(Map.of("RateBasedStatement", Map.of("AggregateKeyType", "IP", "Limit", settings.rateLimit(),
                "EvaluationWindowSec", settings.rateWindowSeconds())), rule.get("Statement"));
        assertEquals(Map.of("Block", Map.of()), rule.get("Action"));
    }

    @Test
    void prodBlocksAnAddressOver2000RequestsIn5Minutes() {
        assertEquals(Map.of("RateBasedStatement", Map.of("AggregateKeyType", "IP", "Limit", 2000, "EvaluationWindowSec", 300)),
                rule(template("prod"), "RateLimitPerIp").get("Statement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithAFirewall")
    void everyRulePublishesMetricsUnderItsNameAndKeepsSampledRequests(String stage) {
        for (Map<String, Object> rule : rules(template(stage))) {
            assertEquals(Map.of("MetricName", rule.get("Name"), "CloudWatchMetricsEnabled", true, "SampledRequestsEnabled", true),
                    rule.get("VisibilityConfig"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithAFirewall")
    void webAclIsAssociatedWithTheBackendsLoadBalancer(String stage) {
        Template template = template(stage);
        String loadBalancer = template.findResources("AWS::ElasticLoadBalancingV2::LoadBalancer").keySet().iterator().next();
        String webAcl = template.findResources("AWS::WAFv2::WebACL").keySet().iterator().next();

        template.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of(
                "ResourceArn", Map.of("Ref", loadBalancer),
                "WebACLArn", Map.of("Fn::GetAtt", List.of(webAcl, "Arn"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithoutAFirewall")
    void aStageWithoutAFirewallHasNoWebAcl(String stage) {
        template(stage).resourceCountIs("AWS::WAFv2::WebACL", 0);
        template(stage).resourceCountIs("AWS::WAFv2::WebACLAssociation", 0);
    }

    @Test
    void aStageWithoutRealDataThatOptsInGetsItsOwnWebAclAndLimits() {
        Map<String, Object> backend = new HashMap<>(cast(TestApps.stageSettings("dev").get("backend")));
        backend.put("firewall", Map.of("rateLimit", 100, "rateWindowSeconds", 60));
        Template dev = Template.fromStack(TestApps.compose("dev", Map.of("backend", backend)).backend());

        dev.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Name", "cruddur-dev-backend", "Rules", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "RateLimitPerIp", "Statement", Map.of("RateBasedStatement",
                        Map.of("AggregateKeyType", "IP", "Limit", 100, "EvaluationWindowSec", 60))))))));
        dev.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
    }

    private static Map<String, Object> rule(Template template, String name) {
        return rules(template).stream().filter(rule -> name.equals(rule.get("Name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Template template) {
        Map<String, Map<String, Object>> webAcls = template.findResources("AWS::WAFv2::WebACL");
        assertEquals(1, webAcls.size());
        return (List<Map<String, Object>>) cast(webAcls.values().iterator().next().get("Properties")).get("Rules");
    }

    private static Template template(String stage) {
        return SynthesizedStages.template(stage, StageStacks::backend);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
