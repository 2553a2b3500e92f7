package com.cruddur.messaging.local.cli;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.cruddur.messaging.local.AwsRegion;
import com.cruddur.messaging.local.Clients;

import picocli.CommandLine.Option;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Which user pool a cognito command reads and how: the pool id from --user-pool-id or the SSM parameter the stage's Auth
 * stack publishes, always in AWS itself. The one home of that lookup for every cognito subcommand.
 */
final class UserPool {

    /** Published by the CDK app's Auth construct (auth/Auth.parameterName); UserPoolParameterTest holds the two together. */
    static final String POOL_ID_PARAMETER = "/cruddur/%s/cognito/user-pool-id";

    /** A user of the pool as the commands need it: its username, status and attributes by name. */
    record PoolUser(String username, String status, Map<String, String> attributes) {
        String attribute(String name) {
            return attributes.get(name);
        }
    }

    @Option(names = "--stage", defaultValue = "dev", description = "stage whose pool to use (default: ${DEFAULT-VALUE})")
    String stage;

    @Option(names = "--user-pool-id", description = "the pool id (default: read from SSM /cruddur/<stage>/cognito/user-pool-id)")
    String userPoolId;

    @Option(names = "--region", description = AwsRegion.DEFAULT_DESCRIPTION)
    String region;

    @Option(names = "--aws-endpoint", hidden = true, description = "endpoint for Cognito and SSM (tests)")
    URI awsEndpoint;

    /** Carries the Cognito and SSM calls; set by {@link Ddb#commandLine}, a stub in tests. */
    SdkHttpClient awsHttp;

    /** Every user of the pool, following the pages. */
    List<PoolUser> users() {
        String poolId = userPoolId != null ? userPoolId : poolIdFromSsm();
        try (CognitoIdentityProviderClient cognito = configure(CognitoIdentityProviderClient.builder()).build()) {
            return cognito.listUsersPaginator(b -> b.userPoolId(poolId)).users().stream().map(user -> {
                Map<String, String> attributes = new TreeMap<>();
                for (AttributeType attribute : user.attributes()) {
                    attributes.put(attribute.name(), attribute.value());
                }
                return new PoolUser(user.username(), user.userStatusAsString(), attributes);
            }).toList();
        }
    }

    private String poolIdFromSsm() {
        String name = String.format(POOL_ID_PARAMETER, stage);
        try (SsmClient ssm = configure(SsmClient.builder()).build()) {
            return ssm.getParameter(b -> b.name(name)).parameter().value();
        } catch (ParameterNotFoundException e) {
            throw new IllegalStateException("SSM parameter " + name + " not found in " + AwsRegion.forAws(region)
                    + " (deploy the stage's Auth stack, or pass --user-pool-id)");
        }
    }

    private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder) {
        return Clients.inAws(builder, awsHttp, AwsRegion.forAws(region), Optional.ofNullable(awsEndpoint));
    }
}
