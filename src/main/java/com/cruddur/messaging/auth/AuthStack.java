package com.cruddur.messaging.auth;

import java.util.Map;

import com.cruddur.messaging.config.StageConfig;
import com.cruddur.messaging.config.StageNames;
import com.cruddur.messaging.network.Network;
import com.cruddur.messaging.references.PublishedVersion;
import com.cruddur.messaging.references.PublishingStack;
import com.cruddur.messaging.signup.SignUpTrigger;
import com.cruddur.messaging.signup.SignUpTriggerProps;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * {@code Cruddur-<stage>-Auth}: the stage's {@link Auth}, with the pool and client ids as outputs, and the
 * {@link SignUpTrigger} that makes each confirmed sign-up a users row.
 */
public final class AuthStack extends PublishingStack {

    private final Auth auth;

    public AuthStack(Construct scope, StageConfig config, StackProps props, Network network) {
        super(scope, config.stackName("Auth"), props, publishedVersion(config));
        this.auth = new Auth(this, "Auth", new AuthProps(config.name(), config.auth(), config.holdsRealData()));
        if (config.auth().signUpTrigger()) {
            // In the VPC only where its workload subnets reach SSM and an outside database (a NAT gateway); in isolated
            // subnets it could reach neither, so without NAT it runs outside the VPC, with Lambda's own internet access.
            new SignUpTrigger(this, "SignUp", new SignUpTriggerProps(
                    StageNames.signUpFunction(config.name()),
                    StageNames.metricNamespace(config.name()),
                    auth.userPool(),
                    network,
                    config.natGateways() > 0,
                    config.backend().database(),
                    config.backend().connectionUrlParameter(),
                    config.logRetention(),
                    config.holdsRealData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY));
        }
        publish(auth.userPool().getUserPoolId());
        publish(auth.webClient().getUserPoolClientId());
        CfnOutput.Builder.create(this, "UserPoolId")
                .description("AWS_COGNITO_USER_POOL_ID / REACT_APP_AWS_USER_POOLS_ID")
                .value(auth.userPool().getUserPoolId())
                .build();
        CfnOutput.Builder.create(this, "UserPoolClientId")
                .description("AWS_COGNITO_USER_POOL_CLIENT_ID / REACT_APP_CLIENT_ID")
                .value(auth.webClient().getUserPoolClientId())
                .build();
    }

    /** The user pool and web client ids: new ones only if the pool is replaced, i.e. in another environment or under another name. */
    static PublishedVersion publishedVersion(StageConfig config) {
        return new PublishedVersion(Map.of(
                "environment", config.environmentName(),
                "userPool", Auth.userPoolName(config.name())));
    }

    public Auth auth() {
        return auth;
    }
}
