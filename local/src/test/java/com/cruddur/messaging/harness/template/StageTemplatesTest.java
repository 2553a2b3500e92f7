package com.cruddur.messaging.harness.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.cruddur.messaging.harness.TestTemplates;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** What local mode reads from a stage's synthesized CloudFormation. */
class StageTemplatesTest {

    private final StageTemplates dev = StageTemplates.read(TestTemplates.cdkOut("dev"), "dev");

    @Test
    void tableIsCreatedWithTheTemplatesKeysIndexAndStream() {
        CreateTableRequest request = dev.table().createTableRequest();
        assertEquals("cruddur-messages", request.tableName());
        assertEquals(List.of("pk", "sk"), request.keySchema().stream().map(key -> key.attributeName()).toList());
        assertEquals("message-group-sk-index", request.globalSecondaryIndexes().get(0).indexName());
        assertEquals(List.of("message_group_uuid", "sk"),
                request.globalSecondaryIndexes().get(0).keySchema().stream().map(key -> key.attributeName()).toList());
        assertEquals("ALL", request.globalSecondaryIndexes().get(0).projection().projectionTypeAsString());
        assertEquals("NEW_IMAGE", request.streamSpecification().streamViewTypeAsString());
    }

    @Test
    void localModeNamesTheTableCruddurMessagesWhateverTheStageCallsItInAws() {
        assertEquals("cruddur-dev-messages", StageTemplates.readAsDeployed(TestTemplates.cdkOut("dev"), "dev").table().tableName());
        assertEquals("cruddur-messages", dev.table().tableName());
    }

    @Test
    void theStreamProcessorIsToldTheLocalTableToo() {
        Path cdkOut = com.cruddur.messaging.local.support.SynthesizedStage.cdkOut("dev");
        assertEquals("cruddur-dev-messages", StageTemplates.readAsDeployed(cdkOut, "dev").streamProcessor().environment().get("DDB_MESSAGE_TABLE"));
        assertEquals("cruddur-messages", StageTemplates.read(cdkOut, "dev").streamProcessor().environment().get("DDB_MESSAGE_TABLE"));
    }

    @Test
    void mappingCarriesTheDeployedBatchingRetriesAndFilters() {
        StreamMapping mapping = dev.streamMapping();
        assertEquals(100, mapping.batchSize());
        assertEquals(Duration.ZERO, mapping.batchingWindow());
        assertEquals(3, mapping.maxRetryAttempts());
        assertEquals(Optional.of(Duration.ofHours(1)), mapping.maxRecordAge());
        assertTrue(mapping.reportBatchItemFailures());
        assertTrue(mapping.bisectOnError());
        assertEquals("TRIM_HORIZON", mapping.startingPosition());
        assertEquals(2, mapping.filters().size(), "changes by NewImage, deletions by Keys");
    }

    @Test
    void devHasTheReferenceSeedAndProdHasNone() {
        assertEquals("5ae290ed-55d1-47a0-bc6d-fe2bc2700399", dev.seedProperties().orElseThrow().get("MessageGroupUuid"));
        assertFalse(dev.seedProperties().orElseThrow().containsKey("TableName"));
        assertTrue(StageTemplates.read(TestTemplates.cdkOut("prod"), "prod").seedProperties().isEmpty());
    }

    @Test
    void unsynthesizedStageIsAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StageTemplates.read(Path.of("nowhere"), "qa"));
        assertTrue(error.getMessage().contains("Cruddur-qa-Data.template.json"), error.getMessage());
        assertTrue(error.getMessage().contains("synthesize stage qa"), error.getMessage());
    }
}
