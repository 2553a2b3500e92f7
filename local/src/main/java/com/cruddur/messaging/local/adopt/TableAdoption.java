package com.cruddur.messaging.local.adopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.cruddur.messaging.harness.template.TableDefinition;
import com.cruddur.messaging.local.adopt.Finding.Kind;

import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What must change before an existing table (the bootcamp's {@code cruddur-messages}, made by its schema-load script and
 * a stream switched on in the console) can be brought under a stage's Data stack with {@code cdk import}.
 *
 * <p>Pure: it reads a template's {@link TableDefinition} and a DescribeTable result, and calls nothing. {@code cdk import}
 * does not check the imported table's properties against the template (the aws-cdk CLI README, "cdk import",
 * Limitations), so this is the check: keys (fixed at creation), the index pattern E queries, the stream the processor
 * reads, then capacity. Tags, encryption, point-in-time recovery and deletion protection are not compared (none keeps
 * the app from working); drift detection after the import shows them, and the README gives their fixes.
 */
public final class TableAdoption {

    private TableAdoption() {
    }

    /**
     * The findings, most fundamental first; empty when the table can be imported as it is. A key schema that differs
     * is the only finding then: nothing else matters, since the table cannot be kept.
     */
    public static List<Finding> findings(TableDefinition template, TableDescription table) {
        String name = table.tableName();
        if (!template.keys().equals(TableDefinition.keysOf(table))) {
            return List.of(new Finding(Kind.CANNOT_FIX_IN_PLACE,
                    "key schema: template " + template.keys() + ", table " + TableDefinition.keysOf(table) + " (a table's keys cannot change)",
                    "keep " + name + " out of the stack: back it up, rename it by restoring the backup under another name ("
                            + "aws dynamodb restore-table-from-backup --target-table-name " + name + "-bootcamp --backup-arn ARN), "
                            + "delete " + name + ", cdk deploy the stage to create it, then copy the items over with their new keys"));
        }
        List<Finding> findings = new ArrayList<>();
        findings.addAll(indexFindings(template, table));
        streamFinding(template, table).ifPresent(findings::add);
        findings.addAll(capacityFindings(template, table));
        return List.copyOf(findings);
    }

    /** Whether any finding must be fixed before {@code cdk import}. */
    public static boolean blocksImport(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::blocksImport);
    }

    private static List<Finding> indexFindings(TableDefinition template, TableDescription table) {
        String name = table.tableName();
        Map<String, String> wanted = template.indexShapes();
        Map<String, String> actual = TableDefinition.indexShapesOf(table);
        List<Finding> findings = new ArrayList<>();
        for (GlobalSecondaryIndex index : template.globalSecondaryIndexes()) {
            String create = "aws dynamodb update-table --table-name " + name + " --attribute-definitions " + attributeOptions(template, index)
                    + " --global-secondary-index-updates '[{\"Create\":" + indexJson(index) + "}]', then wait until it is ACTIVE"
                    + " (aws dynamodb describe-table --table-name " + name + " --query 'Table.GlobalSecondaryIndexes[].IndexStatus')";
            if (!actual.containsKey(index.indexName())) {
                findings.add(new Finding(Kind.FIX_BEFORE_IMPORT, "global secondary index " + index.indexName() + ": missing (pattern E queries it)",
                        create));
            } else if (!actual.get(index.indexName()).equals(wanted.get(index.indexName()))) {
                findings.add(new Finding(Kind.FIX_BEFORE_IMPORT, "global secondary index " + index.indexName() + ": template "
                        + wanted.get(index.indexName()) + ", table " + actual.get(index.indexName()) + " (an index's keys and projection cannot change)",
                        deleteIndex(name, index.indexName()) + ", then " + create));
            }
        }
        actual.keySet().stream().filter(extra -> !wanted.containsKey(extra)).forEach(extra -> findings.add(new Finding(Kind.DRIFT,
                "global secondary index " + extra + ": not in the template", deleteIndex(name, extra))));
        return findings;
    }

    private static String deleteIndex(String table, String index) {
        return "aws dynamodb update-table --table-name " + table + " --global-secondary-index-updates '[{\"Delete\":{\"IndexName\":\"" + index + "\"}}]'";
    }

    private static Optional<Finding> streamFinding(TableDefinition template, TableDescription table) {
        String name = table.tableName();
        Optional<String> wanted = template.streamViewType();
        Optional<String> actual = TableDefinition.streamViewTypeOf(table);
        if (wanted.equals(actual)) {
            return Optional.empty();
        }
        String disable = "aws dynamodb update-table --table-name " + name + " --stream-specification StreamEnabled=false";
        String problem = "stream: template " + wanted.orElse("off") + ", table " + actual.orElse("off");
        if (wanted.isEmpty()) {
            return Optional.of(new Finding(Kind.FIX_BEFORE_IMPORT, problem, disable));
        }
        String enable = "aws dynamodb update-table --table-name " + name + " --stream-specification StreamEnabled=true,StreamViewType=" + wanted.get();
        if (actual.isEmpty()) {
            return Optional.of(new Finding(Kind.FIX_BEFORE_IMPORT, problem + " (the stream processor reads it)", enable));
        }
        return Optional.of(new Finding(Kind.FIX_BEFORE_IMPORT, problem + " (a stream's view type cannot change in place)",
                disable + ", then " + enable + "; this makes a new stream with a new ARN: an event source mapping on the old one"
                        + " (the bootcamp's console Lambda) gets no new records, delete it"));
    }

    private static List<Finding> capacityFindings(TableDefinition template, TableDescription table) {
        String name = table.tableName();
        boolean onDemand = table.billingModeSummary() != null && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
        Optional<ProvisionedThroughput> wanted = template.throughput();
        String update = "aws dynamodb update-table --table-name " + name;
        if (wanted.isEmpty()) {
            return onDemand ? List.of() : List.of(new Finding(Kind.DRIFT, "billing: template on-demand, table provisioned "
                    + capacity(table.provisionedThroughput()),
                    update + " --billing-mode PAY_PER_REQUEST"));
        }
        if (onDemand) {
            return List.of(new Finding(Kind.DRIFT, "billing: template provisioned " + capacity(wanted.get()) + ", table on-demand",
                    update + " --billing-mode PROVISIONED" + throughputOption(wanted.get()) + indexThroughputOption(template, table)));
        }
        List<Finding> findings = new ArrayList<>();
        if (!capacity(wanted.get()).equals(capacity(table.provisionedThroughput()))) {
            findings.add(new Finding(Kind.DRIFT, "capacity: template " + capacity(wanted.get()) + ", table "
                    + capacity(table.provisionedThroughput()),
                    update + throughputOption(wanted.get())));
        }
        for (GlobalSecondaryIndexDescription actual : table.globalSecondaryIndexes()) {
            template.globalSecondaryIndexes().stream()
                    .filter(index -> index.indexName().equals(actual.indexName()) && index.provisionedThroughput() != null)
                    .filter(index -> !capacity(index.provisionedThroughput()).equals(
                            capacity(actual.provisionedThroughput())))
                    .forEach(index -> findings.add(new Finding(Kind.DRIFT, "capacity of index " + index.indexName() + ": template "
                            + capacity(index.provisionedThroughput()) + ", table "
                            + capacity(actual.provisionedThroughput()),
                            update + " --global-secondary-index-updates '[" + indexUpdateJson(index) + "]'")));
        }
        return findings;
    }

    private static String attributeOptions(TableDefinition template, GlobalSecondaryIndex index) {
        return index.keySchema().stream().map(key -> "AttributeName=" + key.attributeName() + ",AttributeType=" + template.typeOf(key.attributeName()))
                .collect(Collectors.joining(" "));
    }

    private static String indexJson(GlobalSecondaryIndex index) {
        String keys = index.keySchema().stream()
                .map(key -> "{\"AttributeName\":\"" + key.attributeName() + "\",\"KeyType\":\"" + key.keyTypeAsString() + "\"}")
                .collect(Collectors.joining(","));
        String projection = "{\"ProjectionType\":\"" + index.projection().projectionTypeAsString() + "\""
                + (index.projection().hasNonKeyAttributes() ? ",\"NonKeyAttributes\":[" + index.projection().nonKeyAttributes().stream()
                        .map(attribute -> "\"" + attribute + "\"").collect(Collectors.joining(",")) + "]" : "") + "}";
        return "{\"IndexName\":\"" + index.indexName() + "\",\"KeySchema\":[" + keys + "],\"Projection\":" + projection
                + (index.provisionedThroughput() != null ? ",\"ProvisionedThroughput\":" + throughputJson(index.provisionedThroughput()) : "") + "}";
    }

    private static String indexThroughputOption(TableDefinition template, TableDescription table) {
        List<String> updates = template.globalSecondaryIndexes().stream()
                .filter(index -> index.provisionedThroughput() != null)
                .filter(index -> table.globalSecondaryIndexes().stream().anyMatch(actual -> actual.indexName().equals(index.indexName())))
                .map(TableAdoption::indexUpdateJson).toList();
        return updates.isEmpty() ? "" : " --global-secondary-index-updates '[" + String.join(",", updates) + "]'";
    }

    private static String indexUpdateJson(GlobalSecondaryIndex index) {
        return "{\"Update\":{\"IndexName\":\"" + index.indexName() + "\",\"ProvisionedThroughput\":" + throughputJson(index.provisionedThroughput()) + "}}";
    }

    private static String throughputJson(ProvisionedThroughput throughput) {
        return "{\"ReadCapacityUnits\":" + throughput.readCapacityUnits() + ",\"WriteCapacityUnits\":" + throughput.writeCapacityUnits() + "}";
    }

    private static String throughputOption(ProvisionedThroughput throughput) {
        return " --provisioned-throughput ReadCapacityUnits=" + throughput.readCapacityUnits() + ",WriteCapacityUnits=" + throughput.writeCapacityUnits();
    }

    private static String capacity(ProvisionedThroughput throughput) {
        return capacity(throughput.readCapacityUnits(), throughput.writeCapacityUnits());
    }

    private static String capacity(ProvisionedThroughputDescription throughput) {
        return capacity(throughput.readCapacityUnits(), throughput.writeCapacityUnits());
    }

    private static String capacity(Long read, Long write) {
        return read + " RCU / " + write + " WCU";
    }
}
