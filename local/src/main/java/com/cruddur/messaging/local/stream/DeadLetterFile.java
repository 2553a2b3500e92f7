package com.cruddur.messaging.local.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import com.cruddur.messaging.harness.stream.LambdaRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Local mode's on-failure destination: one JSON line per batch that ran out of retries (or age), shaped like
 * the invocation record Lambda writes to an S3 on-failure destination, with the <em>full</em> records in
 * {@code payload} (stream records expire after 24 hours, so sequence numbers alone would be a lost record),
 * the reason, and the batch's sequence range. {@code bin/ddb redrive} replays them.
 */
public final class DeadLetterFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public DeadLetterFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    synchronized void write(List<Record> records, String reason, Instant at, String streamArn) {
        ObjectNode line = JSON.createObjectNode();
        line.put("version", "1.0");
        line.put("timestamp", at.toString());
        line.put("reason", reason);
        ObjectNode batch = line.putObject("DDBStreamBatchInfo");
        batch.put("startSequenceNumber", records.get(0).dynamodb().sequenceNumber());
        batch.put("endSequenceNumber", records.get(records.size() - 1).dynamodb().sequenceNumber());
        batch.put("batchSize", records.size());
        batch.put("streamArn", streamArn);
        ArrayNode parked = line.putObject("payload").putArray("Records");
        records.forEach(record -> parked.add(LambdaRecords.toJson(record, streamArn)));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file " + file, e);
        }
    }
}
