package com.cruddur.messaging.local.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.harness.template.TableDefinition;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

@Command(name = "schema-load", mixinStandardHelpOptions = true,
        description = {"Create the messages table exactly as the stage's synthesized template defines it.",
                "Only at a local endpoint, unless --aws --table NAME."})
final class SchemaLoad implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Mixin
    WriteTarget target;

    @Mixin
    TemplateOptions templates;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        connection.requireWriteTarget("create a table", target.aws);
        TableDefinition table = templates.read().table();
        String name = connection.tableName();
        try {
            connection.dynamoDb().createTable(table.createTableRequest().toBuilder().tableName(name).build());
        } catch (ResourceInUseException e) {
            throw new IllegalStateException("table " + name + " already exists at " + connection.describeEndpoint() + " (drop it first)");
        }
        spec.commandLine().getOut().println("created " + name + " at " + connection.describeEndpoint() + " from the "
                + templates.stage + " template: keys " + table.keySchema().stream().map(key -> key.attributeName()).toList()
                + ", " + table.globalSecondaryIndexes().size() + " GSI(s), stream " + table.streamViewType().orElse("off"));
        return 0;
    }

    /** Which stage's synthesized templates to read. */
    static final class TemplateOptions {
        @Option(names = "--stage", defaultValue = "dev", description = "stage whose template to use (default: ${DEFAULT-VALUE})")
        String stage;

        @Option(names = "--cdk-out", description = "directory of the synthesized stage (default: cdk.out/local-<stage>)")
        Path cdkOut;

        /** As local mode runs the stage (its table named cruddur-messages). */
        StageTemplates read() {
            return StageTemplates.read(cdkOut(), stage);
        }

        /** Exactly as cdk deploy deploys the stage, for commands about the stage in AWS. */
        StageTemplates readAsDeployed() {
            return StageTemplates.readAsDeployed(cdkOut(), stage);
        }

        /** The synthesized stage: --cdk-out, else cdk.out/local-<stage> of the repository bin/ddb runs from. */
        Path cdkOut() {
            // bin/ddb passes the repository root, so the default works from any directory.
            Path root = Path.of(System.getProperty("cruddur.root", "."));
            return cdkOut != null ? cdkOut : root.resolve("cdk.out").resolve("local-" + stage);
        }
    }
}
