package com.cruddur.messaging.local;

import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkClientException;

/** picocli set-up shared by bin/local and bin/ddb: a failure is one line on stderr and a non-zero exit. */
public final class Cli {

    public static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private Cli() {
    }

    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        withoutAnEmptyVersion(commandLine);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println(line.getCommandName() + ": " + message(exception));
            return exception instanceof IllegalArgumentException ? BAD_INPUT : FAILED;
        });
        return commandLine;
    }

    /**
     * mixinStandardHelpOptions brings -V/--version with the help; no command here declares a version, so it would print
     * nothing. Help lists only what a user may pass to some effect.
     */
    private static void withoutAnEmptyVersion(CommandLine commandLine) {
        CommandLine.Model.CommandSpec spec = commandLine.getCommandSpec();
        CommandLine.Model.OptionSpec version = spec.findOption("--version");
        if (version != null && spec.version().length == 0) {
            spec.remove(version);
        }
        commandLine.getSubcommands().values().forEach(Cli::withoutAnEmptyVersion);
    }

    /** The exception's message, except the SDK's paragraph listing every credential provider it tried. */
    static String message(Exception exception) {
        if (exception instanceof SdkClientException && String.valueOf(exception.getMessage()).startsWith("Unable to load credentials")) {
            return "no AWS credentials found (environment, ~/.aws profiles, SSO, container or instance role);"
                    + " set AWS_PROFILE, or run aws configure or aws sso login";
        }
        return exception.getMessage();
    }
}
