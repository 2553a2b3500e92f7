package com.cruddur.messaging.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.cruddur.messaging.CruddurApp;
import com.cruddur.messaging.CruddurApp.StageStacks;
import com.cruddur.messaging.support.SynthesizedStages;
import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/** The VPC and DynamoDB gateway endpoint of SPEC §5 on each stage. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkStackTest {

    private final StageStacks dev = SynthesizedStages.stacks("dev");
    private final Template devTemplate = SynthesizedStages.template(dev.network());
    private final Template prodTemplate = SynthesizedStages.template("prod", StageStacks::network);

    @Test
    void vpcSpansTwoAvailabilityZonesWithAPublicAndAWorkloadSubnetInEach() {
        for (Template template : List.of(devTemplate, prodTemplate)) {
            template.resourceCountIs("AWS::EC2::VPC", 1);
            Map<String, List<String>> azsByGroup = subnetAzsByGroup(template);
            assertEquals(Set.of(Network.PUBLIC_SUBNETS, Network.WORKLOAD_SUBNETS), azsByGroup.keySet());
            azsByGroup.forEach((group, azs) -> assertEquals(2, Set.copyOf(azs).size(), group + " subnets span two distinct AZs"));
        }
    }

    @Test
    void availabilityZonesComeFromCloudFormationWhenTheStageIsEnvironmentAgnostic() {
        subnetAzsByGroup(devTemplate).values().stream().flatMap(List::stream)
                .forEach(az -> assertTrue(az.contains("Fn::GetAZs"), "AZ resolved at deploy time: " + az));
    }

    @Test
    void stageWithAFixedRegionUsesItsConfiguredZonesWithoutAnyAccountLookup() {
        App app = TestApps.app("prod", Map.of(
                "account", "210987654321", "region", "us-east-1", "availabilityZones", List.of("us-east-1b", "us-east-1c")));
        StageStacks stacks = CruddurApp.compose(app);
        CloudAssembly assembly = app.synth();

        assertEquals(List.of(), assembly.getManifest().getMissing() == null ? List.of() : assembly.getManifest().getMissing(),
                "synth must not need any context looked up in an account");
        Map<String, List<String>> azsByGroup = subnetAzsByGroup(Template.fromStack(stacks.network()));
        assertEquals(List.of("us-east-1b", "us-east-1c"), azsByGroup.get(Network.WORKLOAD_SUBNETS).stream().sorted().toList());
        assertEquals("us-east-1", stacks.network().getRegion());
        assertEquals("210987654321", stacks.network().getAccount());
    }

    @Test
    void explicitZonesAreAcknowledgedOnlyWhereTheStageFixesItsRegion() {
        assertEquals(List.of(), zonesAcknowledgements(dev));
        List<String> prod = zonesAcknowledgements(SynthesizedStages.stacks("prod"));
        assertEquals(1, prod.size(), prod.toString());
        assertTrue(prod.get(0).contains("fixes its region") && prod.get(0).contains("AZ lookup"), prod.get(0));
    }

    /** The reasons of the W3010 (hard-coded AZs) acknowledgements our code makes on the VPC. */
    private static List<String> zonesAcknowledgements(StageStacks stacks) {
        return stacks.network().network().vpc().getNode().getMetadata().stream()
                .filter(entry -> software.amazon.awscdk.Validations.ACKNOWLEDGED_RULES_METADATA_KEY.equals(entry.getType()))
                .flatMap(entry -> ((Map<?, ?>) entry.getData()).entrySet().stream())
                .filter(rule -> String.valueOf(rule.getKey()).endsWith("CloudFormation-Validate::W3010"))
                .map(rule -> String.valueOf(rule.getValue()))
                .toList();
    }

    @Test
    void dynamoDbEndpointIsAGatewayEndpointForDynamoDb() {
        devTemplate.resourceCountIs("AWS::EC2::VPCEndpoint", 1);
        devTemplate.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                "VpcEndpointType", "Gateway",
                "ServiceName", Map.of("Fn::Join", List.of("", List.of("com.amazonaws.", Map.of("Ref", "AWS::Region"), ".dynamodb")))));
    }

    @Test
    void theEndpointLetsThroughThisAccountsTablesOnly() {
        devTemplate.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("PolicyDocument", Map.of("Version", "2012-10-17",
                "Statement", List.of(Map.of("Sid", "ThisAccountsTablesOnly", "Effect", "Allow", "Principal", Map.of("AWS", "*"),
                        "Action", "dynamodb:*", "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":dynamodb:", Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":table/*"))))))));
    }

    @Test
    void dynamoDbEndpointIsOnTheRouteTableOfEverySubnetThatHostsWorkloads() {
        for (Template template : List.of(devTemplate, prodTemplate)) {
            Set<String> endpointRouteTables = refs(onlyProperties(template, "AWS::EC2::VPCEndpoint").get("RouteTableIds"));
            Map<String, String> routeTableBySubnet = routeTableBySubnet(template);
            Map<String, String> groupBySubnet = subnetGroups(template);
            assertEquals(4, groupBySubnet.size());
            groupBySubnet.forEach((subnet, group) -> assertTrue(endpointRouteTables.contains(routeTableBySubnet.get(subnet)),
                    "the " + group + " subnet " + subnet + " routes DynamoDB through the gateway endpoint"));
        }
    }

    @Test
    void stageWithoutNatHasIsolatedWorkloadSubnetsAndNoNatGateway() {
        devTemplate.resourceCountIs("AWS::EC2::NatGateway", 0);
        // Only the public route tables have a default route (to the internet gateway).
        devTemplate.resourcePropertiesCountIs("AWS::EC2::Route", Map.of("DestinationCidrBlock", "0.0.0.0/0"), 2);
        devTemplate.resourcePropertiesCountIs("AWS::EC2::Route", Map.of("NatGatewayId", Match.anyValue()), 0);
    }

    @Test
    void prodRunsOneNatGatewayPerAzAndEachAzsWorkloadSubnetRoutesThroughItsOwn() {
        prodTemplate.resourceCountIs("AWS::EC2::NatGateway", 2);
        prodTemplate.resourcePropertiesCountIs("AWS::EC2::Route", Map.of("NatGatewayId", Match.anyValue()), 2);
        Template one = Template.fromStack(TestApps.compose("dev", Map.of("natGateways", 1)).network());
        one.resourceCountIs("AWS::EC2::NatGateway", 1);
    }

    @Test
    void vpcFlowLogsCaptureAllTrafficIntoALogGroupWithTheStageRetention() {
        devTemplate.hasResourceProperties("AWS::EC2::FlowLog", Map.of(
                "ResourceType", "VPC", "TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs"));
        devTemplate.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7));
        prodTemplate.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
    }

    @Test
    void flowLogsOfARealDataStageOutliveTheStack() {
        prodTemplate.allResources("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain"));
        devTemplate.allResources("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Delete"));
    }

    @Test
    void dynamoDbPrefixListIsResolvedAtDeployTimeByName() {
        devTemplate.hasResourceProperties("Custom::AWS", Map.of("Update", Map.of("Fn::Join", List.of("", List.of(
                Match.stringLikeRegexp("\"action\":\"describePrefixLists\".*\"Values\":\\[\"com.amazonaws.$"),
                Map.of("Ref", "AWS::Region"),
                Match.stringLikeRegexp("^.dynamodb\"\\]"),
                Map.of("Ref", "AWS::Region"),
                Match.anyValue())))));
    }

    @Test
    void prefixListLookupMayOnlyDescribePrefixLists() {
        devTemplate.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of("Action", "ec2:DescribePrefixLists", "Effect", "Allow", "Resource", "*")))));
    }

    @Test
    void theDefaultSecurityGroupsRestrictionMayOnlyChangeThatGroupAndWriteItsOwnLogs() {
        for (Template template : List.of(devTemplate, prodTemplate)) {
            // CDK's own provider of Custom::VpcRestrictDefaultSG (flag @aws-cdk/aws-ec2:restrictDefaultSecurityGroup), without
            // the AWSLambdaBasicExecutionRole CDK gives it: that would let it write any log group of the account.
            template.hasResourceProperties("AWS::IAM::Role", Map.of(
                    "ManagedPolicyArns", Match.absent(),
                    "Policies", List.of(Map.of("PolicyName", "Inline", "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                            Match.objectLike(Map.of("Effect", "Allow", "Action", List.of("ec2:AuthorizeSecurityGroupIngress",
                                    "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"))),
                            Map.of("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"), "Effect", "Allow",
                                    "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NetworkRestrictDefaultSecurityGroupLogs"),
                                            "Arn")))))))));
            template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "Description", "Lambda function for removing all inbound/outbound rules from the VPC default security group",
                    "LoggingConfig", Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("NetworkRestrictDefaultSecurityGroupLogs")))));
        }
    }

    @Test
    void theRestrictionsLogsKeepTheStageRetentionAndOutliveARealDataStack() {
        assertEquals(Map.of("DeletionPolicy", "Delete", "RetentionInDays", 7), restrictionLogs(devTemplate));
        assertEquals(Map.of("DeletionPolicy", "Retain", "RetentionInDays", 365), restrictionLogs(prodTemplate));
    }

    @Test
    void networkHandsTheDynamoDbPrefixListToConsumersAsAPeer() {
        String peer = dev.network().network().dynamoDbPrefixList().getUniqueId();
        assertTrue(peer.startsWith("${Token["), "prefix list id is a deploy-time value, not a looked-up literal: " + peer);
    }

    /** Deletion policy and retention of the log group of the default security group's restriction. */
    private static Map<String, Object> restrictionLogs(Template template) {
        List<Map<String, Object>> logs = template.findResources("AWS::Logs::LogGroup").entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("NetworkRestrictDefaultSecurityGroupLogs"))
                .map(Map.Entry::getValue).toList();
        assertEquals(1, logs.size(), "one log group for the restriction");
        return Map.of("DeletionPolicy", logs.get(0).get("DeletionPolicy"), "RetentionInDays", properties(logs.get(0)).get("RetentionInDays"));
    }

    private static Map<String, Object> onlyProperties(Template template, String type) {
        Map<String, Map<String, Object>> resources = template.findResources(type);
        assertEquals(1, resources.size(), "exactly one " + type);
        return properties(resources.values().iterator().next());
    }

    /** Subnet logical id → CDK subnet group name (public / workload). */
    private static Map<String, String> subnetGroups(Template template) {
        Map<String, String> groups = new HashMap<>();
        template.findResources("AWS::EC2::Subnet").forEach((id, subnet) -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tags = (List<Map<String, Object>>) properties(subnet).get("Tags");
            tags.stream().filter(tag -> "aws-cdk:subnet-name".equals(tag.get("Key")))
                    .forEach(tag -> groups.put(id, (String) tag.get("Value")));
        });
        return groups;
    }

    private static Map<String, List<String>> subnetAzsByGroup(Template template) {
        Map<String, String> groups = subnetGroups(template);
        Map<String, Map<String, Object>> subnets = template.findResources("AWS::EC2::Subnet");
        return groups.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(
                entry -> String.valueOf(properties(subnets.get(entry.getKey())).get("AvailabilityZone")), Collectors.toList())));
    }

    /** Subnet logical id → route table logical id, from the association resources. */
    private static Map<String, String> routeTableBySubnet(Template template) {
        Map<String, String> routeTables = new HashMap<>();
        template.findResources("AWS::EC2::SubnetRouteTableAssociation").values().forEach(association -> {
            Map<String, Object> properties = properties(association);
            routeTables.put(ref(properties.get("SubnetId")), ref(properties.get("RouteTableId")));
        });
        return routeTables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static String ref(Object value) {
        return (String) ((Map<String, Object>) value).get("Ref");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> refs(Object values) {
        return ((List<Object>) values).stream().map(NetworkStackTest::ref).collect(Collectors.toCollection(TreeSet::new));
    }
}
