package com.cruddur.messaging.local.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.cruddur.messaging.harness.TestTemplates;

/**
 * A shell with an empty environment ({@code env -i}): only PATH (Debian's /usr/bin first, so {@code aws} is Debian's
 * awscli and {@code python3} has Debian's python3-boto3, whatever pyenv puts on the developer's PATH) and a fresh HOME
 * with no ~/.aws. Whatever a script needs beyond that it must export itself, as a user pasting local mode's lines would.
 *
 * <p>Guard, not setting: every proxy variable points at a closed port on 127.0.0.1 except for localhost, and the
 * instance metadata lookup is off, so a client that does not go to local mode fails on this machine instead of
 * reaching AWS. Neither changes which endpoint a client chooses.
 */
public final class EmptyShell {

    public record Result(int exitCode, String output) {
    }

    private EmptyShell() {
    }

    /** Runs {@code lines} then {@code command} in one bash of an empty environment. */
    public static Result run(List<String> lines, String command) {
        try {
            Path home = Files.createTempDirectory("empty-home");
            String closedProxy = "http://127.0.0.1:" + TestTemplates.freePort();
            List<String> invocation = List.of("/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=" + home,
                    "HTTPS_PROXY=" + closedProxy, "HTTP_PROXY=" + closedProxy, "NO_PROXY=localhost,127.0.0.1",
                    "AWS_EC2_METADATA_DISABLED=true", "AWS_MAX_ATTEMPTS=1",
                    "/bin/bash", "-c", String.join("\n", lines) + "\n" + command);
            Process shell = new ProcessBuilder(invocation).redirectErrorStream(true).start();
            String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(shell.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
