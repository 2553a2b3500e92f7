package com.cruddur.messaging.local;

import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * The one home of the region rule of every command: {@code --region} when given; for a local endpoint any region works, so
 * us-east-1 without asking anything; for AWS the SDK's default chain, or a one-line failure naming how to set one.
 */
public final class AwsRegion {

    /** How a user sets a region; the failure line and every --region description say it. */
    public static final String HOW_TO_SET = "pass --region, set AWS_REGION, or set region in your profile in ~/.aws/config (aws configure)";

    /** For {@code --region} descriptions. */
    public static final String DEFAULT_DESCRIPTION = "AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile's region in"
            + " ~/.aws/config, else the instance's)";

    private AwsRegion() {
    }

    /** A local endpoint's region: DynamoDB Local runs shared, so the region a client signs with does not matter. */
    public static Region forLocal(String explicit) {
        return present(explicit).map(Region::of).orElse(Clients.LOCAL_REGION);
    }

    /** A region of AWS itself: --region, else the default chain. */
    public static Region forAws(String explicit) {
        return present(explicit).map(Region::of).orElseGet(AwsRegion::fromChain);
    }

    /**
     * The SDK's DefaultAwsRegionProviderChain (aws.region, AWS_REGION, the profile of aws.profile/AWS_PROFILE in
     * aws.configFile/AWS_CONFIG_FILE, instance metadata), with the AWS CLI's AWS_DEFAULT_REGION after AWS_REGION: bootcamp
     * shells set that one, and the Java SDK alone does not read it. Built per call, so the profile file is read now.
     */
    private static Region fromChain() {
        AwsRegionProvider awsDefaultRegion = () -> present(System.getenv("AWS_DEFAULT_REGION")).map(Region::of)
                .orElseThrow(() -> SdkClientException.create("AWS_DEFAULT_REGION is not set"));
        AwsRegionProviderChain chain = new AwsRegionProviderChain(new SystemSettingsRegionProvider(), awsDefaultRegion,
                new AwsProfileRegionProvider(), new InstanceProfileRegionProvider());
        try {
            return chain.getRegion();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("no AWS region found: " + HOW_TO_SET);
        }
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
