package com.cruddur.messaging.local.cli;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.cruddur.messaging.local.Clients;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.ssm.SsmClient;

@Command(name = "list-users", mixinStandardHelpOptions = true,
        description = "List the users of the stage's pool: username, email, sub, preferred_username. The pool id comes from"
                + " --user-pool-id or the SSM parameter /cruddur/<stage>/cognito/user-pool-id the Auth stack publishes.")
final class ListUsers implements Callable<Integer> {

    /** Published by the CDK app's Auth construct (auth/Auth.parameterName). */
    static final String POOL_ID_PARAMETER = "/cruddur/%s/cognito/user-pool-id";

    @Option(names = "--stage", defaultValue = "dev", description = "stage whose pool to list (default: ${DEFAULT-VALUE})")
    String stage;

    @Option(names = "--user-pool-id", description = "the pool id (default: read from SSM)")
    String userPoolId;

    @Option(names = "--region", defaultValue = "${env:AWS_REGION:-${env:AWS_DEFAULT_REGION:-us-east-1}}",
            description = "AWS region of the pool (default: $AWS_REGION, $AWS_DEFAULT_REGION, else us-east-1)")
    String region;

    @Option(names = "--aws-endpoint", hidden = true, description = "endpoint for Cognito and SSM (tests)")
    URI awsEndpoint;

    @Option(names = "--json", description = "print JSON for scripts instead of a table")
    boolean json;

    @Spec
    CommandSpec spec;

    SdkHttpClient awsHttp;

    @Override
    public Integer call() {
        String poolId = userPoolId != null ? userPoolId : poolIdFromSsm();
        Output output = new Output("username", "email", "sub", "preferred_username", "status");
        try (CognitoIdentityProviderClient cognito = configure(CognitoIdentityProviderClient.builder()).build()) {
            cognito.listUsersPaginator(b -> b.userPoolId(poolId)).users().forEach(user -> {
                Map<String, String> attributes = new TreeMap<>();
                for (AttributeType attribute : user.attributes()) {
                    attributes.put(attribute.name(), attribute.value());
                }
                output.row(user.username(), attributes.get("email"), attributes.get("sub"), attributes.get("preferred_username"),
                        user.userStatusAsString());
            });
        }
        output.print(spec.commandLine().getOut(), json);
        return 0;
    }

    private String poolIdFromSsm() {
        String name = String.format(POOL_ID_PARAMETER, stage);
        try (SsmClient ssm = configure(SsmClient.builder()).build()) {
            return ssm.getParameter(b -> b.name(name)).parameter().value();
        } catch (software.amazon.awssdk.services.ssm.model.ParameterNotFoundException e) {
            throw new IllegalStateException("SSM parameter " + name + " not found in " + region
                    + " (deploy the stage's Auth stack, or pass --user-pool-id)");
        }
    }

    private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder) {
        return Clients.inAws(builder, awsHttp, Region.of(region), Optional.ofNullable(awsEndpoint));
    }
}
