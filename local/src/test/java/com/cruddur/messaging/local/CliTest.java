package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.SdkClientException;

/** How bin/local and bin/ddb report a failure: one line that says what to do. */
class CliTest {

    @Test
    void missingAwsCredentialsAreOneLineSayingHowToProvideThem() {
        SdkClientException noCredentials = SdkClientException.create("Unable to load credentials from any of the providers in the chain"
                + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), ...])");

        assertEquals("no AWS credentials found (environment, ~/.aws profiles, SSO, container or instance role);"
                + " set AWS_PROFILE, or run aws configure or aws sso login", Cli.message(noCredentials));
    }

    @Test
    void otherFailuresKeepTheirOwnMessage() {
        assertEquals("table cruddur-messages does not exist", Cli.message(new IllegalStateException("table cruddur-messages does not exist")));
    }
}
