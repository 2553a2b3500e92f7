package com.cruddur.messaging.network;

import java.util.List;
import java.util.Map;

import com.cruddur.messaging.config.StageConfig;
import com.cruddur.messaging.references.PublishedVersion;
import com.cruddur.messaging.references.PublishingStack;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.constructs.Construct;

/** {@code Cruddur-<stage>-Network}: the stage's {@link Network}. */
public final class NetworkStack extends PublishingStack {

    private final List<String> availabilityZones;
    private final Network network;

    public NetworkStack(Construct scope, StageConfig config, StackProps props) {
        super(scope, config.stackName("Network"), props, publishedVersion(config));
        this.availabilityZones = config.availabilityZones();
        this.network = new Network(this, "Network", new NetworkProps(
                config.natGateways(),
                config.logRetention(),
                config.holdsRealData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY));
        publish(network.vpc().getVpcId());
        network.vpc().selectSubnets(network.publicSubnets()).getSubnetIds().forEach(this::publish);
        network.vpc().selectSubnets(network.workloadSubnets()).getSubnetIds().forEach(this::publish);
        publish(network.dynamoDbPrefixListId());
        if (!availabilityZones.isEmpty()) {
            Validations.of(network.vpc()).acknowledge(Acknowledgment.builder()
                    .id("CloudFormation-Validate::W3010")
                    .reason("The stage fixes its region, so its AZs are configured explicitly: the alternative is an AZ lookup"
                            + " in a live account at synth, which CI and local builds cannot do.")
                    .build());
        }
    }

    /** VPC and subnet ids, and the DynamoDB prefix list: new ones with another environment, other AZs or another layout. */
    static PublishedVersion publishedVersion(StageConfig config) {
        return new PublishedVersion(Map.of(
                "environment", config.environmentName(),
                "availabilityZones", String.join(",", config.availabilityZones()),
                "vpcCidr", Network.VPC_CIDR,
                "subnets", Network.SUBNET_LAYOUT));
    }

    public Network network() {
        return network;
    }

    /**
     * The configured AZs when the stage fixes its region; otherwise CloudFormation picks them. Overriding
     * this is what keeps synth from asking an AWS account for the region's AZ list.
     */
    @Override
    public List<String> getAvailabilityZones() {
        return availabilityZones.isEmpty() ? super.getAvailabilityZones() : availabilityZones;
    }
}
