package com.cruddur.messaging.local.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "drop", mixinStandardHelpOptions = true,
        description = "Delete the table. Asks for its name first (--yes does not). Only at a local endpoint, unless --aws --table NAME.")
final class Drop implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Mixin
    WriteTarget target;

    @Option(names = "--yes", description = "do not ask for the table's name")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        connection.requireWriteTarget("drop a table", target.aws);
        String table = connection.tableName();
        connection.requireTable();
        if (!yes) {
            spec.commandLine().getOut().print("Drop table " + table + " at " + connection.describeEndpoint() + "? Type its name to confirm: ");
            spec.commandLine().getOut().flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (!table.equals(answer == null ? null : answer.trim())) {
                spec.commandLine().getErr().println("not dropped: the answer was not " + table);
                return 1;
            }
        }
        connection.dynamoDb().deleteTable(b -> b.tableName(table));
        spec.commandLine().getOut().println("dropped " + table + " at " + connection.describeEndpoint());
        return 0;
    }
}
