package com.cruddur.messaging.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deployed functions' Java release is found on this machine, and a wrong override is a clear error. */
class JavaRuntimesTest {

    @AfterEach
    void clearOverride() {
        System.clearProperty(JavaRuntimes.OVERRIDE);
    }

    @Test
    void findsAJavaOfTheRuntimesFeatureRelease() throws Exception {
        Path java = JavaRuntimes.java(25);

        Process version = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
        String printed = new String(version.getInputStream().readAllBytes());
        version.waitFor();
        assertTrue(printed.contains("java.specification.version = 25"), printed);
    }

    @Test
    void overrideOfAnotherReleaseIsRefusedNamingItAndTheReleaseNeeded() throws Exception {
        Path java17 = Files.createTempDirectory("jdk17");
        Files.writeString(java17.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        System.setProperty(JavaRuntimes.OVERRIDE, java17.toString());

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> JavaRuntimes.java(25));

        assertEquals("LAMBDA_JAVA_HOME=" + java17 + " is not a Java 25 JDK (its release file says 17); Lambda's java25 runtime needs Java 25",
                error.getMessage());
    }
}
