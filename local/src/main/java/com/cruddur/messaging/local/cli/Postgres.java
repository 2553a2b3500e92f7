package com.cruddur.messaging.local.cli;

import picocli.CommandLine.Command;

@Command(name = "postgres", mixinStandardHelpOptions = true, description = "backend-flask's Postgres users table, for local work.",
        subcommands = LoadReferenceUsers.class)
final class Postgres implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
