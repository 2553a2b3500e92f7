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
 * lib/ddb.py's create_message, on a host whose time zone is Europe/Berlin; and the bootcamp's bin/ddb/schema-load
 * ({@code backend-flask/schema_load.py}), which made the table people already have.
 */
public final class BackendFlask {

    /** Debian's interpreter, where apt's python3-boto3 lives (a pyenv or venv python3 on the PATH may lack it). */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private BackendFlask() {
    }

    /** Pattern C as backend-flask writes it; returns the sort key it wrote. */
    public static String createMessage(URI endpoint, String groupUuid, String text, User sender, boolean zeroMicroseconds) {
        List<String> arguments = new ArrayList<>(List.of(groupUuid, text, sender.uuid(), sender.displayName(), sender.handle()));
        if (zeroMicroseconds) {
            arguments.add("--zero-microseconds");
        }
        return run("create_message.py", arguments, endpoint);
    }

    /** The bootcamp's bin/ddb/schema-load (with the GSI): creates cruddur-messages; returns the name it created. */
    public static String schemaLoad(URI endpoint) {
        return run("schema_load.py", List.of(), endpoint);
    }

    /** Runs a script of {@code backend-flask/} against {@code endpoint}; returns the last line it printed. */
    private static String run(String scriptName, List<String> arguments, URI endpoint) {
        Path script = Path.of(System.getProperty("project.root", ".."), "local", "src", "test", "resources", "backend-flask", scriptName);
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        command.addAll(arguments);
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
                throw new IllegalStateException("backend-flask's " + scriptName + " failed (is python3-boto3 installed? apt-get install python3-boto3):\n"
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
