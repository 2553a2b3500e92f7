package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** bin/local --help shows only what a user may pass, as a user may pass it. */
class LocalModeOptionsTest {

    @Test
    void theAssemblyIsOptionalBecauseBinLocalSynthesizesTheDefaultItself() {
        CommandLine local = Cli.commandLine(new LocalMode());

        local.parseArgs("--port", "8001");

        assertTrue(local.getUsageMessage().contains("[--cdk-out=<cdkOut>]"), local.getUsageMessage());
    }

    @Test
    void anAssemblyGivenByTheUserIsAccepted() {
        CommandLine local = Cli.commandLine(new LocalMode());

        assertEquals(1, local.parseArgs("--cdk-out", "/tmp/my-assembly").matchedOptions().size());
    }
}
