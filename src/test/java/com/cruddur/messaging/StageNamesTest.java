package com.cruddur.messaging;

import static com.cruddur.messaging.support.SynthesizedStages.stacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** Every declared stage can deploy beside every other in one account and region: no physical name is shared. */
class StageNamesTest {

    /** Properties that give a resource a fixed physical name, by resource type. */
    private static final Map<String, String> NAME_PROPERTIES = Map.ofEntries(
            Map.entry("AWS::DynamoDB::Table", "TableName"),
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::Cognito::UserPool", "UserPoolName"),
            Map.entry("AWS::SSM::Parameter", "Name"),
            Map.entry("AWS::ECS::Cluster", "ClusterName"),
            Map.entry("AWS::ECS::TaskDefinition", "Family"),
            Map.entry("AWS::CloudWatch::Alarm", "AlarmName"),
            Map.entry("AWS::CloudWatch::Dashboard", "DashboardName"),
            Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::S3::Bucket", "BucketName"),
            Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::SNS::Topic", "TopicName"),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", "Name"),
            Map.entry("AWS::ElasticLoadBalancingV2::TargetGroup", "Name"),
            Map.entry("AWS::EC2::SecurityGroup", "GroupName"),
            Map.entry("AWS::WAFv2::WebACL", "Name"));

    @Test
    void noPhysicalNameOrDatabaseSecretIsSharedBetweenTheDeclaredStages() {
        Map<String, String> owner = new HashMap<>();
        for (String stage : TestApps.declaredStages()) {
            for (String name : physicalNames(stacks(stage))) {
                String other = owner.putIfAbsent(name, stage);
                assertTrue(other == null, name + " is used by stage " + other + " and stage " + stage);
            }
        }
    }

    @Test
    void theNamesAreDerivedFromTheStage() {
        Set<String> dev = physicalNames(stacks("dev"));

        assertTrue(dev.contains("AWS::Lambda::Function cruddur-dev-messaging-stream"), dev.toString());
        assertTrue(dev.contains("AWS::DynamoDB::Table cruddur-dev-messages"), dev.toString());
        assertTrue(dev.contains("AWS::CloudWatch::Dashboard cruddur-dev"), dev.toString());
        assertTrue(dev.contains("CONNECTION_URL /cruddur/dev/backend-flask/CONNECTION_URL"), dev.toString());
    }

    @Test
    void aStageThatOptsIntoTheFirewallNamesItsWebAclAfterItselfAndSharesNoNameWithProd() {
        Map<String, Object> backend = new HashMap<>(cast(TestApps.stageSettings("dev").get("backend")));
        backend.put("firewall", Map.of("rateLimit", 2000, "rateWindowSeconds", 300));
        Set<String> dev = physicalNames(TestApps.compose("dev", Map.of("backend", backend)));
        Set<String> prod = physicalNames(stacks("prod"));

        assertTrue(dev.contains("AWS::WAFv2::WebACL cruddur-dev-backend"), dev.toString());
        assertTrue(prod.contains("AWS::WAFv2::WebACL cruddur-prod-backend"), prod.toString());
        Set<String> shared = new TreeSet<>(dev);
        shared.retainAll(prod);
        assertEquals(Set.of(), shared);
    }

    /** Each fixed name as "type name", and the CONNECTION_URL parameter the backend reads (checked to be in its template). */
    @SuppressWarnings("unchecked")
    private static Set<String> physicalNames(StageStacks stacks) {
        Set<String> names = new TreeSet<>();
        for (Stack stack : stacks.all()) {
            Map<String, Object> resources = (Map<String, Object>) Template.fromStack(stack).toJSON().get("Resources");
            resources.values().forEach(resource -> {
                Map<String, Object> definition = (Map<String, Object>) resource;
                String property = NAME_PROPERTIES.get((String) definition.get("Type"));
                Object properties = definition.get("Properties");
                if (property != null && properties instanceof Map<?, ?> map && map.get(property) instanceof String name) {
                    names.add(definition.get("Type") + " " + name);
                }
            });
        }
        String parameter = stacks.config().backend().connectionUrlParameter();
        String backend = Template.fromStack(stacks.backend()).toJSON().toString();
        assertEquals(true, backend.contains("parameter" + parameter), "the task reads " + parameter);
        names.add("CONNECTION_URL " + parameter);
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
