package com.cruddur.messaging.local.redrive;

import java.util.HashSet;
import java.util.Set;

import com.cruddur.messaging.local.runtime.FunctionError;
import com.cruddur.messaging.local.stream.StreamPump;
import com.cruddur.messaging.local.stream.StreamPump.StreamFunction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One batch an on-failure destination parked: the invocation record Lambda writes to an S3 destination for a
 * DynamoDB stream (metadata plus the whole event under {@code payload}), or a line of local mode's dead-letter
 * file, which has the same shape. AWS documents that the S3 record carries the whole invocation payload; whether it
 * arrives as a JSON object or as a JSON string holding it, both are read.
 */
public record ParkedBatch(ObjectNode invocationRecord, ArrayNode records) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads one parked batch; {@code source} names where it came from (a file line, an S3 object) in the error. */
    public static ParkedBatch parse(String json, String source) {
        JsonNode parsed = read(json, source);
        JsonNode payload = parsed.path("payload");
        if (payload.isTextual()) {
            payload = read(payload.asText(), source + " (its payload)");
        }
        if (!(parsed instanceof ObjectNode invocationRecord) || !payload.path("Records").isArray()) {
            throw new IllegalArgumentException(source + " has no payload.Records; expected the invocation record Lambda parks"
                    + " for a DynamoDB stream batch");
        }
        return new ParkedBatch(invocationRecord, (ArrayNode) payload.path("Records"));
    }

    /** The same batch holding only {@code remaining}, as local mode keeps what still fails. */
    public ParkedBatch withRecords(ArrayNode remaining) {
        ObjectNode copy = invocationRecord.deepCopy();
        copy.putObject("payload").set("Records", remaining);
        return new ParkedBatch(copy, remaining);
    }

    /** Why it was parked: local mode's reason, or the condition Lambda names (RetryAttemptsExhausted, RecordAgeExceeded...). */
    public String reason() {
        String reason = invocationRecord.path("reason").asText("");
        return reason.isEmpty() ? invocationRecord.path("requestContext").path("condition").asText("unknown") : reason;
    }

    /** When it was parked, as the destination recorded it. */
    public String parkedAt() {
        return invocationRecord.path("timestamp").asText("unknown");
    }

    public String toJson() {
        return invocationRecord.toString();
    }

    /**
     * Replays the records through {@code function} with the event Lambda sends, and returns those it still reports
     * failed, read as Lambda reads the response ({@link StreamPump#batchItemFailures}): all of them when the function
     * itself fails or names a failure that no record has.
     */
    public ArrayNode replay(StreamFunction function) {
        ObjectNode event = JSON.createObjectNode();
        event.set("Records", records);
        Set<String> failed;
        try {
            failed = new HashSet<>(StreamPump.batchItemFailures(function.invoke(event.toString())));
        } catch (FunctionError e) {
            return records.deepCopy();
        }
        ArrayNode failing = JSON.createArrayNode();
        Set<String> known = new HashSet<>();
        records.forEach(record -> {
            String sequenceNumber = record.path("dynamodb").path("SequenceNumber").asText();
            known.add(sequenceNumber);
            if (failed.contains(sequenceNumber)) {
                failing.add(record);
            }
        });
        return known.containsAll(failed) ? failing : records.deepCopy();
    }

    private static JsonNode read(String json, String source) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
