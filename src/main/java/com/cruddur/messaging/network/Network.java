package com.cruddur.messaging.network;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.cruddur.messaging.config.DatabaseAccess;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CustomResourceProviderBase;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IPeer;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The VPC of SPEC §5: two AZs, public subnets (load balancer, NAT) and workload subnets (stream
 * Lambda, backend tasks), a DynamoDB gateway endpoint on the route tables of every subnet, and flow
 * logs of all traffic to CloudWatch Logs.
 *
 * <p>The endpoint is a gateway endpoint on purpose: it is free, needs no security group and keeps
 * DynamoDB traffic off NAT gateways, so a stage with no NAT still reaches its table. Its prefix list
 * id is resolved at deploy time ({@code ec2:DescribePrefixLists}) rather than looked up at synth, so
 * security groups can allow egress to exactly DynamoDB without an account lookup.
 */
public final class Network extends Construct {

    public static final String PUBLIC_SUBNETS = "public";
    public static final String WORKLOAD_SUBNETS = "workload";
    public static final String VPC_CIDR = "10.40.0.0/16";
    static final int PUBLIC_MASK = 24;
    static final int WORKLOAD_MASK = 20;
    /** The subnet groups and their sizes, as one text: what a change of them replaces. */
    static final String SUBNET_LAYOUT = PUBLIC_SUBNETS + "/" + PUBLIC_MASK + "," + WORKLOAD_SUBNETS + "/" + WORKLOAD_MASK;
    static final int AZ_COUNT = 2;
    /** Construct id of the stack singleton that CDK's Vpc creates for {@code Custom::VpcRestrictDefaultSG}. */
    static final String RESTRICT_DEFAULT_SECURITY_GROUP_PROVIDER = "Custom::VpcRestrictDefaultSGCustomResourceProvider";

    private final Vpc vpc;
    private final GatewayVpcEndpoint dynamoDbEndpoint;
    private final String dynamoDbPrefixListId;
    private final IPeer dynamoDbPrefixList;

    public Network(Construct scope, String id, NetworkProps props) {
        super(scope, id);
        SubnetType workloadType = props.natGateways() > 0 ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED;
        LogGroup flowLogGroup = LogGroup.Builder.create(this, "FlowLogs")
                .retention(props.flowLogRetention())
                .removalPolicy(props.flowLogRemovalPolicy())
                .build();

        this.vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(VPC_CIDR))
                .maxAzs(AZ_COUNT)
                .natGateways(props.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name(PUBLIC_SUBNETS).subnetType(SubnetType.PUBLIC).cidrMask(PUBLIC_MASK).build(),
                        SubnetConfiguration.builder().name(WORKLOAD_SUBNETS).subnetType(workloadType).cidrMask(WORKLOAD_MASK).build()))
                .flowLogs(Map.of("AllTraffic", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogGroup))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()))
                .build();

        this.dynamoDbEndpoint = vpc.addGatewayEndpoint("DynamoDb", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.DYNAMODB)
                .subnets(List.of(publicSubnets(), workloadSubnets()))
                .build());
        // What passes through the endpoint: this account's tables (and their indexes and streams) only, so a task or
        // function in the VPC cannot copy data into, or read from, another account's table through it.
        dynamoDbEndpoint.addToPolicy(PolicyStatement.Builder.create()
                .sid("ThisAccountsTablesOnly")
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("dynamodb:*"))
                .resources(List.of("arn:" + Aws.PARTITION + ":dynamodb:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":table/*"))
                .build());
        this.dynamoDbPrefixListId = resolveDynamoDbPrefixListId(props);
        this.dynamoDbPrefixList = Peer.prefixList(dynamoDbPrefixListId);
        scopeDefaultSecurityGroupRestriction(props);
    }

    public IVpc vpc() {
        return vpc;
    }

    /** Where the stream Lambda and private backend tasks run. */
    public SubnetSelection workloadSubnets() {
        return SubnetSelection.builder().subnetGroupName(WORKLOAD_SUBNETS).build();
    }

    /** Where internet-facing load balancers (and tasks of a stage without NAT) run. */
    public SubnetSelection publicSubnets() {
        return SubnetSelection.builder().subnetGroupName(PUBLIC_SUBNETS).build();
    }

    public GatewayVpcEndpoint dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    /** The id of DynamoDB's managed prefix list in this region. */
    public String dynamoDbPrefixListId() {
        return dynamoDbPrefixListId;
    }

    /** DynamoDB's managed prefix list in this region, for security-group egress on 443 to DynamoDB only. */
    public IPeer dynamoDbPrefixList() {
        return dynamoDbPrefixList;
    }

    /** A security group in {@code scope} whose only rule is HTTPS egress to DynamoDB (through the gateway endpoint). */
    public SecurityGroup dynamoDbOnlySecurityGroup(Construct scope, String id, String description) {
        SecurityGroup securityGroup = SecurityGroup.Builder.create(scope, id)
                .vpc(vpc)
                .description(description)
                .allowAllOutbound(false)
                .build();
        securityGroup.addEgressRule(dynamoDbPrefixList, Port.tcp(443), "DynamoDB (gateway endpoint prefix list)");
        return securityGroup;
    }

    private String resolveDynamoDbPrefixListId(NetworkProps props) {
        String prefixListName = "com.amazonaws." + Stack.of(this).getRegion() + ".dynamodb";
        AwsSdkCall describe = AwsSdkCall.builder()
                .service("EC2")
                .action("describePrefixLists")
                // Sorted maps: Map.of iterates in a per-JVM random order, which would make the template differ between synths.
                .parameters(Map.of("Filters", List.of(new TreeMap<>(Map.of("Name", "prefix-list-name", "Values", List.of(prefixListName))))))
                .physicalResourceId(PhysicalResourceId.of(prefixListName))
                .outputPaths(List.of("PrefixLists.0.PrefixListId"))
                .build();
        // An own role and log group instead of the provider's default AWSLambdaBasicExecutionRole: the
        // function may write only its own logs.
        LogGroup lookupLogs = LogGroup.Builder.create(this, "DynamoDbPrefixListLogs")
                .retention(props.flowLogRetention())
                .removalPolicy(props.flowLogRemovalPolicy())
                .build();
        Role lookupRole = Role.Builder.create(this, "DynamoDbPrefixListRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        lookupLogs.grantWrite(lookupRole);
        AwsCustomResource lookup = AwsCustomResource.Builder.create(this, "DynamoDbPrefixList")
                .onUpdate(describe)
                .installLatestAwsSdk(false)
                .role(lookupRole)
                .logGroup(lookupLogs)
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of("ec2:DescribePrefixLists"))
                        .resources(List.of("*"))
                        .build())))
                .build();
        Validations.of(lookup).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-IAM5[Resource::*]")
                .reason("ec2:DescribePrefixLists is read-only and supports no resource-level permissions, so it can only be granted on *.")
                .build());
        return lookup.getResponseField("PrefixLists.0.PrefixListId");
    }

    /**
     * The feature flag {@code @aws-cdk/aws-ec2:restrictDefaultSecurityGroup} makes the VPC strip its default security
     * group's rules with {@code Custom::VpcRestrictDefaultSG}, whose provider (CDK's own stack singleton, raw CloudFormation
     * resources that cdk-nag does not inspect) gets the AWS managed AWSLambdaBasicExecutionRole: log writes on every log
     * group of the account. Here its role loses that policy and may write its own log group only, which its function now
     * logs to (without one, Lambda would need logs:CreateLogGroup for /aws/lambda/...). Its other statement, CDK's, stays:
     * the four rule changes on the VPC's default security group alone.
     */
    private void scopeDefaultSecurityGroupRestriction(NetworkProps props) {
        IConstruct restriction = Stack.of(this).getNode().tryFindChild(RESTRICT_DEFAULT_SECURITY_GROUP_PROVIDER);
        if (!(restriction instanceof CustomResourceProviderBase provider)) {
            return;
        }
        LogGroup logs = LogGroup.Builder.create(this, "RestrictDefaultSecurityGroupLogs")
                .retention(props.flowLogRetention())
                .removalPolicy(props.flowLogRemovalPolicy())
                .build();
        ((CfnResource) provider.getNode().findChild("Role")).addPropertyDeletionOverride("ManagedPolicyArns");
        // A raw IAM statement: the provider's inline policy is plain JSON, not PolicyStatement objects. Sorted keys.
        Map<String, Object> writeOwnLogs = new TreeMap<>();
        writeOwnLogs.put("Effect", "Allow");
        writeOwnLogs.put("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"));
        writeOwnLogs.put("Resource", logs.getLogGroupArn());
        provider.addToRolePolicy(writeOwnLogs);
        ((CfnResource) provider.getNode().findChild("Handler")).addPropertyOverride("LoggingConfig.LogGroup", logs.getLogGroupName());
    }

    /**
     * Lets {@code client} reach the stage's Postgres and nothing else there: egress on the database port to its network, or,
     * for an RDS instance in this VPC, egress to its security group and the matching ingress rule on that group.
     */
    public static void allowDatabase(Construct scope, SecurityGroup client, DatabaseAccess database, String clientName) {
        String description = "Postgres of CONNECTION_URL from " + clientName;
        if (database instanceof DatabaseAccess.Network network) {
            client.addEgressRule(Peer.ipv4(network.cidr()), Port.tcp(network.port()), description);
        } else if (database instanceof DatabaseAccess.InVpcSecurityGroup rds) {
            client.getConnections().allowTo(SecurityGroup.fromSecurityGroupId(scope, "DatabaseSecurityGroup", rds.securityGroupId()),
                    Port.tcp(rds.port()), description);
        }
    }
}
