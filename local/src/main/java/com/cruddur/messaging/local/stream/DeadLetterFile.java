package com.cruddur.messaging.local.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Local mode's on-failure destination: one JSON line per batch that ran out of retries (or age), with
 * the reason and each record's sequence number, event and keys, for an operator to read and replay.
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

    synchronized void write(List<Record> records, String reason, Instant at) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", at.toString());
        line.put("reason", reason);
        ArrayNode entries = line.putArray("records");
        for (Record record : records) {
            ObjectNode entry = entries.addObject();
            entry.put("sequenceNumber", record.dynamodb().sequenceNumber());
            entry.put("eventName", record.eventNameAsString());
            entry.set("keys", LambdaRecords.keys(record));
        }
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
