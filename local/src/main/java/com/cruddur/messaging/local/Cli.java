package com.cruddur.messaging.local;

import picocli.CommandLine;

/** picocli set-up shared by bin/local and bin/ddb: a failure is one line on stderr and a non-zero exit. */
public final class Cli {

    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private Cli() {
    }

    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println(line.getCommandName() + ": " + exception.getMessage());
            return exception instanceof IllegalArgumentException ? BAD_INPUT : FAILED;
        });
        return commandLine;
    }
}
