package com.cruddur.messaging.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The synthesized CloudFormation of one stage ({@code cdk.out}), read so that local mode builds its
 * table, stream mapping and seed from exactly what production deploys, never from a second copy.
 */
public final class StageTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Properties of the seed resource that are deployment wiring, not seed settings. */
    private static final List<String> SEED_WIRING = List.of("ServiceToken", "TableName");

    private final Path directory;
    private final String stage;

    private StageTemplates(Path directory, String stage) {
        this.directory = directory;
        this.stage = stage;
    }

    /** The templates of {@code stage} in {@code directory}; fails naming the file when the stage was not synthesized there. */
    public static StageTemplates read(Path directory, String stage) {
        StageTemplates templates = new StageTemplates(directory, stage);
        for (String concern : List.of("Data", "StreamProcessor")) {
            if (!Files.isRegularFile(templates.file(concern))) {
                throw new IllegalArgumentException("no synthesized template " + templates.file(concern) + "; synthesize stage "
                        + stage + " first (bin/local does: npx cdk synth -c stage=" + stage + " -o " + directory + ")");
            }
        }
        return templates;
    }

    public String stage() {
        return stage;
    }

    /** The messages table as the Data stack defines it. */
    public TableDefinition table() {
        return TableDefinition.from(onlyResource("Data", "AWS::DynamoDB::Table").get("Properties"));
    }

    /** How the deployed event source mapping feeds the stream processor. */
    public StreamMapping streamMapping() {
        return StreamMapping.from(onlyResource("StreamProcessor", "AWS::Lambda::EventSourceMapping").get("Properties"));
    }

    /** The seed resource's settings (without its table and service token), or empty on a stage without seed data. */
    public Optional<Map<String, Object>> seedProperties() {
        if (!Files.isRegularFile(file("Seed"))) {
            return Optional.empty();
        }
        JsonNode properties = onlyResource("Seed", "Custom::CruddurSeedConversation").get("Properties");
        Map<String, Object> settings = new TreeMap<>();
        properties.fields().forEachRemaining(field -> {
            if (!SEED_WIRING.contains(field.getKey())) {
                settings.put(field.getKey(), field.getValue().asText());
            }
        });
        return Optional.of(settings);
    }

    private JsonNode onlyResource(String concern, String type) {
        JsonNode template = parse(file(concern));
        List<JsonNode> matches = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (type.equals(resource.path("Type").asText())) {
                matches.add(resource);
            }
        });
        if (matches.size() != 1) {
            throw new IllegalArgumentException(file(concern) + " has " + matches.size() + " resources of type " + type + "; expected exactly 1");
        }
        return matches.get(0);
    }

    private Path file(String concern) {
        return directory.resolve("Cruddur-" + stage + "-" + concern + ".template.json");
    }

    private static JsonNode parse(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
