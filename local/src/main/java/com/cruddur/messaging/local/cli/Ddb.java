package com.cruddur.messaging.local.cli;

import com.cruddur.messaging.local.Cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * bin/ddb: the messages table (local or in AWS), the stage's user pool and backend-flask's users from the command line, replacing the
 * reference scripts.
 */
@Command(name = "ddb", mixinStandardHelpOptions = true,
        description = "Inspect and manage the messages table, the Cognito user pool and the users in backend-flask's Postgres.",
        subcommands = {ListTables.class, SchemaLoad.class, Drop.class, Seed.class, Scan.class, GetConversation.class,
                ListConversations.class, Redrive.class, ImportMapping.class, Cognito.class,
                Postgres.class})
public final class Ddb implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(UrlConnectionHttpClient.create()).execute(args));
    }

    /**
     * The command tree; {@code awsHttp} carries the calls to services that live only in AWS (Cognito, SSM, CloudFormation,
     * S3, Lambda) and to DynamoDB in AWS: tests give a stub, since none of them runs locally.
     */
    public static CommandLine commandLine(SdkHttpClient awsHttp) {
        CommandLine commandLine = Cli.commandLine(new Ddb());
        CommandLine cognito = commandLine.getSubcommands().get("cognito");
        ((ListUsers) cognito.getSubcommands().get("list-users").getCommandSpec().userObject()).pool.awsHttp = awsHttp;
        ((LinkUsers) cognito.getSubcommands().get("link-users").getCommandSpec().userObject()).pool.awsHttp = awsHttp;
        ((Redrive) commandLine.getSubcommands().get("redrive").getCommandSpec().userObject()).awsHttp = awsHttp;
        // The Connection mixin brings --table; list-tables lists every table and redrive's processor writes to the table its
        // template names, so there --table would be an option that does nothing.
        for (String ignoresTheTable : new String[] {"list-tables", "redrive"}) {
            CommandLine.Model.CommandSpec command = commandLine.getSubcommands().get(ignoresTheTable).getCommandSpec();
            command.remove(command.findOption("--table"));
        }
        // import-mapping imports the table the stage's template names, not the one DDB_MESSAGE_TABLE points local tools at.
        CommandLine.Model.CommandSpec importMapping = commandLine.getSubcommands().get("import-mapping").getCommandSpec();
        CommandLine.Model.OptionSpec table = importMapping.findOption("--table");
        importMapping.remove(table);
        importMapping.addOption(CommandLine.Model.OptionSpec.builder(table)
                .description("the existing table to import (default: the table the stage's template names)").build());
        for (CommandLine command : commandLine.getSubcommands().values()) {
            command.getCommandSpec().mixins().values().stream().map(mixin -> mixin.userObject())
                    .filter(Connection.class::isInstance).forEach(connection -> ((Connection) connection).awsHttp = awsHttp);
        }
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
