package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.cruddur.messaging.local.cli.Ddb;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
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
    void noCommandOffersAVersionItCannotPrint() {
        CommandLine ddb = Cli.commandLine(new Ddb());
        StringWriter help = new StringWriter();
        ddb.getSubcommands().get("scan").usage(new PrintWriter(help));
        assertFalse(help.toString().contains("--version"), help.toString());
        ddb.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, ddb.execute("cognito", "list-users", "-V"));
        assertNull(Cli.commandLine(new LocalMode()).getCommandSpec().findOption("--version"));
    }

    @Test
    void otherFailuresKeepTheirOwnMessage() {
        assertEquals("table cruddur-messages does not exist", Cli.message(new IllegalStateException("table cruddur-messages does not exist")));
    }
}
