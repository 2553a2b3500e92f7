package com.cruddur.messaging.local.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.harness.template.TableDefinition;
import com.cruddur.messaging.harness.template.TableResource;
import com.cruddur.messaging.local.adopt.Finding;
import com.cruddur.messaging.local.adopt.TableAdoption;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The resource mapping {@code cdk import --resource-mapping FILE} reads to bring an existing table (the bootcamp's) under
 * the stage's Data stack: {@code {"<logical id>": {"TableName": "<name>"}}}, the format the aws-cdk CLI's
 * {@code --record-resource-mapping} writes. Written only when the table can be imported as it is; otherwise each
 * finding is printed with its fix.
 */
@Command(name = "import-mapping", mixinStandardHelpOptions = true,
        description = "Check an existing table against the stage's Data template and write the resource mapping for cdk import.")
final class ImportMapping implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    Connection connection;

    @Mixin
    SchemaLoad.TemplateOptions templates;

    @Option(names = "--out", description = "mapping file to write (default: cdk.out/local-<stage>/Cruddur-<stage>-Data.resource-mapping.json)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        StageTemplates stage = templates.readAsDeployed();
        TableDefinition template = stage.table();
        TableResource resource = stage.tableResource();
        // The stack names the table in its template; importing a table of another name would leave the two disagreeing.
        String name = connection.explicitTable().orElse(template.tableName());
        if (!name.equals(template.tableName())) {
            throw new IllegalArgumentException("table " + name + " is not the stage's table " + template.tableName() + "; set stages."
                    + templates.stage + ".tableName to " + name + " (with -c " + templates.stage + ".tableName=" + name
                    + " or in stages.local.json) and synthesize again, or import " + template.tableName());
        }
        TableDescription table = describe(name);
        List<Finding> findings = TableAdoption.findings(template, table);
        if (findings.size() == 1 && findings.get(0).kind() == Finding.Kind.CANNOT_FIX_IN_PLACE) {
            throw new IllegalStateException("cannot import " + name + ": " + findings.get(0));
        }
        PrintWriter err = spec.commandLine().getErr();
        findings.forEach(finding -> err.println((finding.blocksImport() ? "fix before import: " : "drift after import: ") + finding));
        if (TableAdoption.blocksImport(findings)) {
            err.println("no mapping written: apply the fixes above and run import-mapping again");
            return 1;
        }
        Path file = out != null ? out : templates.cdkOut().resolve(resource.stackName() + ".resource-mapping.json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(Map.of(resource.logicalId(), Map.of("TableName", name))) + "\n");
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("table " + name + " at " + connection.describeEndpoint() + " matches " + resource.stackName() + " (keys, index, stream"
                + (findings.isEmpty() ? ", capacity" : "") + "); mapping " + resource.logicalId() + " -> " + name + " written to " + file);
        if (!resource.retainsTheTable()) {
            stdout.println("note: the template's DeletionPolicy is " + resource.deletionPolicy().orElse("absent") + " and UpdateReplacePolicy "
                    + resource.updateReplacePolicy().orElse("absent") + ": deleting " + resource.stackName()
                    + " or a change that replaces the table deletes it and its data");
        }
        stdout.println("next: npx cdk import -c stage=" + templates.stage + " " + resource.stackName() + " --resource-mapping " + file);
        return 0;
    }

    private TableDescription describe(String name) {
        try {
            return connection.dynamoDb().describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            throw new IllegalStateException("table " + name + " does not exist at " + connection.describeEndpoint()
                    + "; nothing to import: cdk deploy creates it");
        }
    }
}
