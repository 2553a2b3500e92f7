package com.cruddur.messaging.local.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list-tables", mixinStandardHelpOptions = true, description = "List the tables at the endpoint.")
final class ListTables implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Mixin
    JsonOption format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = new Output("table");
        connection.dynamoDb().listTablesPaginator(b -> { }).tableNames().forEach(output::row);
        output.print(spec.commandLine().getOut(), format.json);
        return 0;
    }
}
