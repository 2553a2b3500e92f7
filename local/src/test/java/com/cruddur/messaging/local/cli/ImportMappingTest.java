package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.harness.LocalDynamoDbServer;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.support.BackendFlask;
import com.cruddur.messaging.local.support.BootcampTable;
import com.cruddur.messaging.local.support.BootcampTable.Variant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.cruddur.messaging.local.support.StubAwsHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * bin/ddb import-mapping against the bootcamp's table in the real DynamoDB Local and the prod stage's template (whose
 * table is the bootcamp's cruddur-messages): the mapping {@code cdk import --resource-mapping} reads, written only when
 * the table can be imported.
 */
class ImportMappingTest {

    private static final LocalDynamoDbServer SERVER = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty());
    private static final Path PROD = TestTemplates.cdkOut("prod");
    private static final String DEV_TABLE = "cruddur-dev-messages";

    private final DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(SERVER.endpoint()), Region.US_EAST_1);
    @TempDir
    Path directory;
    private String out;
    private String err;

    @AfterEach
    void dropTable() {
        for (String table : List.of(BootcampTable.NAME, DEV_TABLE)) {
            if (dynamoDb.listTables().tableNames().contains(table)) {
                dynamoDb.deleteTable(b -> b.tableName(table));
            }
        }
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void writesTheMappingFromTheTemplatesLogicalIdToTheTableName() throws IOException {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE");

        assertEquals(0, importMapping(), err);

        assertEquals("{\n  \"" + tableLogicalId() + "\" : {\n    \"TableName\" : \"cruddur-messages\"\n  }\n}\n", Files.readString(mapping()));
        assertEquals("", err);
        assertTrue(out.contains("next: npx cdk import -c stage=prod Cruddur-prod-Data --resource-mapping " + mapping()), out);
        assertFalse(out.contains("note:"), "prod retains the table: " + out);
    }

    @Test
    void writesTheMappingForTheTableTheBootcampsOwnBoto3ScriptCreated() throws IOException {
        assertEquals(BootcampTable.NAME, BackendFlask.schemaLoad(SERVER.endpoint()));
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE");

        assertEquals(0, importMapping(), err);

        JsonNode written = new ObjectMapper().readTree(mapping().toFile());
        assertEquals(BootcampTable.NAME, written.path(tableLogicalId()).path("TableName").asText(), written.toString());
    }

    @Test
    void withoutAnOutFileWritesBesideTheSynthesizedStage() throws IOException {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE");
        Path beside = PROD.resolve("Cruddur-prod-Data.resource-mapping.json");
        try {
            assertEquals(0, ddb("import-mapping", "--stage", "prod", "--cdk-out", PROD.toString(), "--endpoint", SERVER.endpoint().toString()), err);
            assertTrue(Files.readString(beside).contains("\"" + tableLogicalId() + "\""));
        } finally {
            Files.deleteIfExists(beside);
        }
    }

    @Test
    void tellsThatTheDevTemplateDeletesTheTableWithItsStack() {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI, DEV_TABLE);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE", DEV_TABLE);

        assertEquals(0, ddb("import-mapping", "--stage", "dev", "--cdk-out", TestTemplates.cdkOut("dev").toString(),
                "--endpoint", SERVER.endpoint().toString(), "--out", mapping().toString()), err);

        assertTrue(out.contains("note: the template's DeletionPolicy is Delete and UpdateReplacePolicy Delete: deleting Cruddur-dev-Data"
                + " or a change that replaces the table deletes it and its data"), out);
    }

    @Test
    void refusesAnotherKeySchemaInOneLineNamingWhatToChange() {
        dynamoDb.createTable(b -> b.tableName(BootcampTable.NAME)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));

        assertEquals(1, importMapping());

        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("import-mapping: cannot import cruddur-messages: key schema: template [pk S HASH, sk S RANGE], table [pk S HASH]"), err);
        assertTrue(err.contains("cdk deploy the stage to create it, then copy the items over"), err);
        assertFalse(Files.exists(mapping()));
    }

    @Test
    void refusesTheFirstVariantWithoutAStreamAndPrintsEachFix() {
        BootcampTable.create(dynamoDb, Variant.WITHOUT_GSI);

        assertEquals(1, importMapping());

        List<String> lines = err.lines().toList();
        assertEquals(3, lines.size(), err);
        assertTrue(lines.get(0).startsWith("fix before import: global secondary index message-group-sk-index: missing"), err);
        assertTrue(lines.get(1).startsWith("fix before import: stream: template NEW_IMAGE, table off"), err);
        assertEquals("no mapping written: apply the fixes above and run import-mapping again", lines.get(2));
        assertFalse(Files.exists(mapping()));
    }

    @Test
    void writesTheMappingDespiteDriftAndSaysWhatWillDrift() {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE");
        dynamoDb.updateTable(b -> b.tableName(BootcampTable.NAME).provisionedThroughput(t -> t.readCapacityUnits(10L).writeCapacityUnits(10L)));

        assertEquals(0, importMapping(), err);

        assertEquals("drift after import: capacity: template 5 RCU / 5 WCU, table 10 RCU / 10 WCU; fix: aws dynamodb update-table"
                + " --table-name cruddur-messages --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5", err.strip());
        assertTrue(Files.exists(mapping()));
    }

    @Test
    void refusesAMissingTable() {
        assertEquals(1, importMapping());

        assertEquals("import-mapping: table cruddur-messages does not exist at " + SERVER.endpoint() + "; nothing to import: cdk deploy creates it",
                err.strip());
    }

    @Test
    void refusesATableOtherThanTheStagesAsBadInput() {
        assertEquals(2, importMapping("--table", "messages"));

        assertEquals("import-mapping: table messages is not the stage's table cruddur-messages; set stages.prod.tableName to messages"
                + " (with -c prod.tableName=messages or in stages.local.json) and synthesize again, or import cruddur-messages", err.strip());
    }

    private int importMapping(String... more) {
        List<String> arguments = new ArrayList<>(List.of("import-mapping", "--stage", "prod", "--cdk-out", PROD.toString(),
                "--endpoint", SERVER.endpoint().toString(), "--out", mapping().toString()));
        arguments.addAll(List.of(more));
        return ddb(arguments.toArray(String[]::new));
    }

    private int ddb(String... arguments) {
        CommandLine commandLine = Ddb.commandLine(new StubAwsHttp(Map.of()));
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(errors, true));
        int exit = commandLine.execute(arguments);
        out = output.toString();
        err = errors.toString();
        return exit;
    }

    private Path mapping() {
        return directory.resolve("mapping.json");
    }

    /** The table's logical id, read from the synthesized Data template itself rather than from the code under test. */
    private static String tableLogicalId() {
        try {
            JsonNode resources = new ObjectMapper().readTree(PROD.resolve("Cruddur-prod-Data.template.json").toFile()).path("Resources");
            List<String> tables = new ArrayList<>();
            resources.fields().forEachRemaining(resource -> {
                if ("AWS::DynamoDB::Table".equals(resource.getValue().path("Type").asText())) {
                    tables.add(resource.getKey());
                }
            });
            assertEquals(1, tables.size(), tables.toString());
            return tables.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
