package com.cruddur.messaging.local.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.contract.User;

/**
 * backend-flask's own write path, run for real: Debian's {@code python3} with Debian's {@code python3-boto3}
 * (an independent client; .ci/run installs it) executing {@code backend-flask/create_message.py}, a copy of
 * lib/ddb.py's create_message, on a host whose time zone is Europe/Berlin.
 */
public final class BackendFlask {

    /** Debian's interpreter, where apt's python3-boto3 lives (a pyenv or venv python3 on the PATH may lack it). */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private BackendFlask() {
    }

    /** Pattern C as backend-flask writes it; returns the sort key it wrote. */
    public static String createMessage(URI endpoint, String groupUuid, String text, User sender, boolean zeroMicroseconds) {
        Path script = Path.of(System.getProperty("project.root", ".."), "local", "src", "test", "resources", "backend-flask", "create_message.py");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), groupUuid, text, sender.uuid(),
                sender.displayName(), sender.handle()));
        if (zeroMicroseconds) {
            command.add("--zero-microseconds");
        }
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(PYTHON + " is missing; install Debian's python3 and python3-boto3 (.ci/run does)");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "DDB_MESSAGE_TABLE", "cruddur-messages",
                "TZ", "Europe/Berlin", "AWS_DEFAULT_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "backend", "AWS_SECRET_ACCESS_KEY", "backend"));
        try {
            Process python = builder.start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (python.waitFor() != 0) {
                throw new IllegalStateException("backend-flask's create_message failed (is python3-boto3 installed? apt-get install python3-boto3):\n"
                        + output);
            }
            return output.lines().reduce((first, last) -> last).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
