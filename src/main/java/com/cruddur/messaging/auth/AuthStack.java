package com.cruddur.messaging.auth;

import com.cruddur.messaging.config.StageConfig;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** {@code Cruddur-<stage>-Auth}: the stage's {@link Auth}, with the pool and client ids as outputs. */
public final class AuthStack extends Stack {

    private final Auth auth;

    public AuthStack(Construct scope, StageConfig config, StackProps props) {
        super(scope, config.stackName("Auth"), props);
        this.auth = new Auth(this, "Auth", new AuthProps(config.name(), config.auth(), config.holdsRealData()));
        CfnOutput.Builder.create(this, "UserPoolId")
                .description("AWS_COGNITO_USER_POOL_ID / REACT_APP_AWS_USER_POOLS_ID")
                .value(auth.userPool().getUserPoolId())
                .build();
        CfnOutput.Builder.create(this, "UserPoolClientId")
                .description("AWS_COGNITO_USER_POOL_CLIENT_ID / REACT_APP_CLIENT_ID")
                .value(auth.webClient().getUserPoolClientId())
                .build();
    }

    public Auth auth() {
        return auth;
    }
}
