package com.cruddur.messaging.local.redrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reading what an on-failure destination parked: the records, why, and when, whichever form the payload takes. */
class ParkedBatchTest {

    private static final String RECORDS = "{\"Records\":[{\"eventName\":\"INSERT\",\"dynamodb\":{\"SequenceNumber\":\"101\"}}]}";

    @Test
    void recordsAreReadFromAPayloadObject() {
        ParkedBatch batch = ParkedBatch.parse("{\"payload\":" + RECORDS + "}", "s3://b/k");

        assertEquals("101", batch.records().get(0).path("dynamodb").path("SequenceNumber").asText());
    }

    @Test
    void recordsAreReadFromAPayloadStringHoldingTheEvent() {
        ParkedBatch batch = ParkedBatch.parse("{\"payload\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(RECORDS) + "}", "s3://b/k");

        assertEquals(1, batch.records().size());
    }

    @Test
    void reasonIsLocalModesReasonElseLambdasCondition() {
        assertEquals("retries exhausted (3)", ParkedBatch.parse("{\"reason\":\"retries exhausted (3)\",\"payload\":" + RECORDS + "}", "f").reason());
        assertEquals("RecordAgeExceeded", ParkedBatch.parse("{\"requestContext\":{\"condition\":\"RecordAgeExceeded\"},\"payload\":" + RECORDS + "}", "f").reason());
    }

    @Test
    void anObjectWithoutRecordsIsRefusedNamingItsSource() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ParkedBatch.parse("{\"DDBStreamBatchInfo\":{\"batchSize\":1}}", "s3://b/aws/lambda/k"));

        assertEquals("s3://b/aws/lambda/k has no payload.Records; expected the invocation record Lambda parks for a DynamoDB stream batch",
                error.getMessage());
    }

    @Test
    void keepingOnlyFailingRecordsKeepsTheMetadata() {
        ParkedBatch batch = ParkedBatch.parse("{\"version\":\"1.0\",\"payload\":" + RECORDS + "}", "f");

        ParkedBatch kept = batch.withRecords(new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode());

        assertEquals("{\"version\":\"1.0\",\"payload\":{\"Records\":[]}}", kept.toJson());
        assertEquals(1, batch.records().size(), "the original is unchanged");
    }
}
