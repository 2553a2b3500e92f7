package com.cruddur.messaging.network;

import java.util.List;

import com.cruddur.messaging.config.StageConfig;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.constructs.Construct;

/** {@code Cruddur-<stage>-Network}: the stage's {@link Network}. */
public final class NetworkStack extends Stack {

    private final List<String> availabilityZones;
    private final Network network;

    public NetworkStack(Construct scope, StageConfig config, StackProps props) {
        super(scope, config.stackName("Network"), props);
        this.availabilityZones = config.availabilityZones();
        this.network = new Network(this, "Network", new NetworkProps(
                config.natGateways(),
                config.logRetention(),
                config.holdsRealData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY));
        if (!availabilityZones.isEmpty()) {
            Validations.of(network.vpc()).acknowledge(Acknowledgment.builder()
                    .id("CloudFormation-Validate::W3010")
                    .reason("The stage fixes its region, so its AZs are configured explicitly: the alternative is an AZ lookup"
                            + " in a live account at synth, which CI and local builds cannot do.")
                    .build());
        }
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
