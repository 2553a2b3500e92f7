package com.cruddur.messaging.local.cli;

import java.util.concurrent.Callable;

import com.cruddur.messaging.local.DatabaseUrl;
import com.cruddur.messaging.local.SeedLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Load the stage's sample conversation with the seed resource's own code (replacing an earlier copy). With a"
                + " database URL its two users are backend-flask's Postgres users of the seed's handles. Only at a local endpoint,"
                + " unless --aws --table NAME.")
final class Seed implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Mixin
    WriteTarget target;

    @Mixin
    SchemaLoad.TemplateOptions templates;

    @Mixin
    DatabaseUrl database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        connection.requireWriteTarget("seed a table", target.aws);
        if (!SeedLoader.load(connection.requireTable(), templates.read(), connection.tableName(), database.url(),
                spec.commandLine().getOut()::println)) {
            throw new IllegalArgumentException("stage " + templates.stage + " has no seed data (seedData is false in cdk.json)");
        }
        return 0;
    }
}
