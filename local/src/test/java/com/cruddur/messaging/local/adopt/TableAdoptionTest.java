package com.cruddur.messaging.local.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import com.cruddur.messaging.harness.LocalDynamoDbServer;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.harness.template.TableDefinition;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.adopt.Finding.Kind;
import com.cruddur.messaging.local.support.BootcampTable;
import com.cruddur.messaging.local.support.BootcampTable.Variant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What the bootcamp's table needs before the dev stage's Data stack can import it: tables made exactly as its
 * schema-load script makes them (both variants), streams as the console turns them on, read back through DescribeTable
 * of the real DynamoDB Local and compared with the synthesized dev template.
 */
class TableAdoptionTest {

    private static final LocalDynamoDbServer SERVER = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty());
    /** The table the bootcamp's is adopted into: prod's, cruddur-messages, exactly as deployed. */
    private static final TableDefinition PROD = StageTemplates.readAsDeployed(TestTemplates.cdkOut("prod"), "prod").table();
    private static final String UPDATE = "aws dynamodb update-table --table-name cruddur-messages";

    private final DynamoDbClient dynamoDb = Clients.dynamoDb(Optional.of(SERVER.endpoint()), Region.US_EAST_1);

    @AfterEach
    void dropTable() {
        dynamoDb.deleteTable(b -> b.tableName(BootcampTable.NAME));
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void laterVariantWithANewImageStreamNeedsNothing() {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE");

        assertEquals(List.of(), findings());
    }

    @Test
    void laterVariantWithoutAStreamNeedsItTurnedOnBeforeImport() {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI);

        assertEquals(List.of(new Finding(Kind.FIX_BEFORE_IMPORT, "stream: template NEW_IMAGE, table off (the stream processor reads it)",
                UPDATE + " --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE")), findings());
    }

    @Test
    void streamOfAnotherViewTypeMustBeTurnedOffAndOnAgainWhichOrphansTheConsoleLambdasMapping() {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_AND_OLD_IMAGES");

        assertEquals(List.of(new Finding(Kind.FIX_BEFORE_IMPORT,
                "stream: template NEW_IMAGE, table NEW_AND_OLD_IMAGES (a stream's view type cannot change in place)",
                UPDATE + " --stream-specification StreamEnabled=false, then " + UPDATE + " --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE"
                        + "; this makes a new stream with a new ARN: an event source mapping on the old one (the bootcamp's console Lambda)"
                        + " gets no new records, delete it")), findings());
    }

    @Test
    void firstVariantNeedsTheIndexCreatedBeforeImport() {
        BootcampTable.create(dynamoDb, Variant.WITHOUT_GSI);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE");

        assertEquals(List.of(new Finding(Kind.FIX_BEFORE_IMPORT, "global secondary index message-group-sk-index: missing (pattern E queries it)",
                UPDATE + " --attribute-definitions AttributeName=message_group_uuid,AttributeType=S AttributeName=sk,AttributeType=S"
                        + " --global-secondary-index-updates '[{\"Create\":{\"IndexName\":\"message-group-sk-index\",\"KeySchema\":["
                        + "{\"AttributeName\":\"message_group_uuid\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                        + "\"Projection\":{\"ProjectionType\":\"ALL\"},\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}}]'"
                        + ", then wait until it is ACTIVE (aws dynamodb describe-table --table-name cruddur-messages"
                        + " --query 'Table.GlobalSecondaryIndexes[].IndexStatus')")), findings());
    }

    @Test
    void firstVariantWithoutAStreamNeedsTheIndexAndTheStream() {
        BootcampTable.create(dynamoDb, Variant.WITHOUT_GSI);

        List<Finding> findings = findings();
        assertEquals(List.of("global secondary index message-group-sk-index: missing (pattern E queries it)",
                "stream: template NEW_IMAGE, table off (the stream processor reads it)"), findings.stream().map(Finding::problem).toList());
        assertTrue(TableAdoption.blocksImport(findings));
    }

    @Test
    void anotherKeySchemaCannotBeFixedInPlaceAndIsTheOnlyFinding() {
        // A table keyed on pk alone, with no index and no stream: the keys decide, the rest would be moot.
        dynamoDb.createTable(b -> b.tableName(BootcampTable.NAME)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));

        List<Finding> findings = findings();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Kind.CANNOT_FIX_IN_PLACE, findings.get(0).kind());
        assertEquals("key schema: template [pk S HASH, sk S RANGE], table [pk S HASH] (a table's keys cannot change)", findings.get(0).problem());
        assertTrue(findings.get(0).fix().contains("cdk deploy the stage to create it, then copy the items over"), findings.get(0).fix());
    }

    @Test
    void otherCapacityIsDriftThatDoesNotBlockImport() {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE");
        dynamoDb.updateTable(b -> b.tableName(BootcampTable.NAME).provisionedThroughput(t -> t.readCapacityUnits(10L).writeCapacityUnits(2L)));

        List<Finding> findings = findings();
        assertEquals(List.of(new Finding(Kind.DRIFT, "capacity: template 5 RCU / 5 WCU, table 10 RCU / 2 WCU",
                UPDATE + " --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5")), findings);
        assertFalse(TableAdoption.blocksImport(findings));
    }

    @Test
    void otherIndexCapacityIsDriftWithAnIndexUpdate() {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE");
        dynamoDb.updateTable(b -> b.tableName(BootcampTable.NAME).globalSecondaryIndexUpdates(u -> u.update(i -> i
                .indexName("message-group-sk-index").provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)))));

        assertEquals(List.of(new Finding(Kind.DRIFT, "capacity of index message-group-sk-index: template 5 RCU / 5 WCU, table 1 RCU / 1 WCU",
                UPDATE + " --global-secondary-index-updates '[{\"Update\":{\"IndexName\":\"message-group-sk-index\","
                        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}}]'")), findings());
    }

    @Test
    void onDemandTableIsDriftFromTheProvisionedTemplateWithTheSwitchBack() {
        BootcampTable.create(dynamoDb, Variant.WITH_GSI);
        BootcampTable.turnStreamOn(dynamoDb, "NEW_IMAGE");
        dynamoDb.updateTable(b -> b.tableName(BootcampTable.NAME).billingMode(BillingMode.PAY_PER_REQUEST));

        assertEquals(List.of(new Finding(Kind.DRIFT, "billing: template provisioned 5 RCU / 5 WCU, table on-demand",
                UPDATE + " --billing-mode PROVISIONED --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5"
                        + " --global-secondary-index-updates '[{\"Update\":{\"IndexName\":\"message-group-sk-index\","
                        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}}]'")), findings());
    }

    private List<Finding> findings() {
        return TableAdoption.findings(PROD, dynamoDb.describeTable(b -> b.tableName(BootcampTable.NAME)).table());
    }
}
