package com.cruddur.messaging.local.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.cruddur.messaging.local.runtime.ExecutionEnvironment;
import com.cruddur.messaging.local.runtime.FunctionError;
import com.cruddur.messaging.local.stream.StreamPump;
import com.cruddur.messaging.local.template.LambdaFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Replays the batches local mode parked in its dead-letter file through the stream processor's deployed jar
 * (under AWS's runtime client, as local mode runs it), against a local endpoint. The processor is idempotent,
 * so a replay of what already took effect changes nothing. Batches that now succeed leave the file; records
 * the processor still reports failed stay in it, so the command can be run again after the next fix.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = "Replay the records local mode parked in its dead-letter file through the stream processor.")
final class Redrive implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    Connection connection;

    @Mixin
    SchemaLoad.TemplateOptions templates;

    @Option(names = "--file", description = "the dead-letter file (default: <cdk-out>/dead-letters.jsonl, where bin/local parks records)")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!connection.isLocal()) {
            throw new IllegalArgumentException("redrive replays local mode's dead-letter file against a local endpoint; "
                    + connection.describeEndpoint() + " is not one (use --endpoint http://localhost:PORT)");
        }
        Path parked = file != null ? file : templates.cdkOut().resolve("dead-letters.jsonl");
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines = readLines(parked);
        if (lines.isEmpty()) {
            out.println("nothing parked in " + parked);
            return 0;
        }
        LambdaFunction processor = templates.read().streamProcessor();
        int records = 0;
        int stillFailing = 0;
        List<String> kept = new ArrayList<>();
        try (ExecutionEnvironment environment = ExecutionEnvironment.start(processor, connection.endpoint().orElseThrow(),
                connection.region, line -> { })) {
            for (String line : lines) {
                ObjectNode batch = (ObjectNode) parse(line, parked);
                ArrayNode batchRecords = (ArrayNode) batch.path("payload").path("Records");
                records += batchRecords.size();
                ArrayNode failing = failing(environment, batchRecords);
                if (!failing.isEmpty()) {
                    stillFailing += failing.size();
                    ((ObjectNode) batch.path("payload")).set("Records", failing);
                    kept.add(batch.toString());
                }
            }
        }
        rewrite(parked, kept);
        out.println("redrove " + lines.size() + " batch(es), " + records + " record(s) through " + processor.name() + ": "
                + (records - stillFailing) + " processed, " + stillFailing + " still failing"
                + (stillFailing == 0 ? "; " + parked + " is empty" : " (kept in " + parked + ")"));
        return stillFailing == 0 ? 0 : 1;
    }

    /**
     * The records the processor reports failed, read as Lambda reads the response ({@link StreamPump#batchItemFailures}):
     * all of them when the function itself fails or names a failure no record has.
     */
    private static ArrayNode failing(ExecutionEnvironment environment, ArrayNode records) {
        ObjectNode event = JSON.createObjectNode();
        event.set("Records", records);
        Set<String> failed;
        try {
            failed = new HashSet<>(StreamPump.batchItemFailures(environment.invoke(event.toString())));
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

    private static List<String> readLines(Path parked) {
        try {
            return Files.exists(parked) ? Files.readAllLines(parked, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + parked, e);
        }
    }

    private static JsonNode parse(String line, Path parked) {
        try {
            JsonNode batch = JSON.readTree(line);
            if (!batch.path("payload").path("Records").isArray()) {
                throw new IllegalArgumentException("a line of " + parked + " has no payload.Records; expected what bin/local parks");
            }
            return batch;
        } catch (IOException e) {
            throw new IllegalArgumentException("a line of " + parked + " is not JSON: " + e.getMessage());
        }
    }

    /** Replaces the file with the batches still failing, in one rename, so an interrupted redrive loses nothing. */
    private static void rewrite(Path parked, List<String> kept) {
        try {
            Path next = parked.resolveSibling(parked.getFileName() + ".redrive");
            Files.write(next, kept, StandardCharsets.UTF_8);
            Files.move(next, parked, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + parked, e);
        }
    }
}
