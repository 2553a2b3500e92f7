package com.cruddur.messaging.local.cli;

import picocli.CommandLine.Command;

@Command(name = "cognito", mixinStandardHelpOptions = true, description = "The stage's Cognito user pool.",
        subcommands = {ListUsers.class, LinkUsers.class})
final class Cognito implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
