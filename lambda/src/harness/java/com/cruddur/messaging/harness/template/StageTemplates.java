package com.cruddur.messaging.harness.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.cruddur.messaging.seed.SeedResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The synthesized CloudFormation of one stage ({@code cdk.out}), read so that local mode builds its
 * table, stream mapping and seed from exactly what production deploys, never from a second copy.
 */
public final class StageTemplates {

    /**
     * Local mode's table, whatever a stage calls its table in AWS: backend-flask and the reference scripts expect this
     * name (SPEC §6), while stages that share an account need their own (dev's is cruddur-dev-messages).
     */
    public static final String LOCAL_TABLE = "cruddur-messages";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Properties of the seed resource that are deployment wiring, not seed settings. */
    private static final List<String> SEED_WIRING = List.of("ServiceToken", SeedResource.TABLE_NAME);

    private final Path directory;
    private final String stage;
    /** The table name that replaces the stage's own wherever it appears; empty = the templates as deployed. */
    private final Optional<String> tableName;

    private StageTemplates(Path directory, String stage, Optional<String> tableName) {
        this.directory = directory;
        this.stage = stage;
        this.tableName = tableName;
    }

    /**
     * The templates of {@code stage} in {@code directory} as local mode runs them: the table named {@link #LOCAL_TABLE}
     * in its definition and in the functions' environments. Fails naming the file when the stage was not synthesized there.
     */
    public static StageTemplates read(Path directory, String stage) {
        return read(directory, stage, Optional.of(LOCAL_TABLE));
    }

    /** The templates exactly as {@code cdk deploy} would deploy them, for commands that look at the stage in AWS. */
    public static StageTemplates readAsDeployed(Path directory, String stage) {
        return read(directory, stage, Optional.empty());
    }

    private static StageTemplates read(Path directory, String stage, Optional<String> tableName) {
        StageTemplates templates = new StageTemplates(directory, stage, tableName);
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
        TableDefinition deployed = TableDefinition.from(onlyResource("Data", "AWS::DynamoDB::Table").get("Properties"));
        return tableName.map(deployed::withTableName).orElse(deployed);
    }

    /** The messages table's resource in the Data stack: what {@code cdk import} is told to import, and what keeps the table. */
    public TableResource tableResource() {
        Map.Entry<String, JsonNode> table = onlyResourceEntry("Data", "AWS::DynamoDB::Table");
        return new TableResource(stackName(stage, "Data"), table.getKey(), optionalText(table.getValue().path("DeletionPolicy")),
                optionalText(table.getValue().path("UpdateReplacePolicy")));
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
        JsonNode properties = onlyResource("Seed", SeedResource.TYPE).get("Properties");
        Map<String, Object> settings = new TreeMap<>();
        properties.fields().forEachRemaining(field -> {
            if (!SEED_WIRING.contains(field.getKey())) {
                settings.put(field.getKey(), field.getValue().asText());
            }
        });
        return Optional.of(settings);
    }

    /** The stream processor as deployed: its settings and the jar cdk synth staged for it. */
    public LambdaFunction streamProcessor() {
        return function("StreamProcessor");
    }

    /** The seed custom resource's loader function, or empty on a stage without seed data. */
    public Optional<LambdaFunction> seedLoader() {
        return Files.isRegularFile(file("Seed")) ? Optional.of(function("Seed")) : Optional.empty();
    }

    /** The Cognito post-confirmation trigger, or empty on a stage that turns it off. */
    public Optional<LambdaFunction> signUpTrigger() {
        return Files.isRegularFile(file("Auth")) && javaFunctions("Auth").size() == 1 ? Optional.of(function("Auth")) : Optional.empty();
    }

    /** The one Java function of the stack {@code concern}. */
    LambdaFunction function(String concern) {
        List<String> javaFunctions = javaFunctions(concern);
        if (javaFunctions.size() != 1) {
            throw new IllegalArgumentException(file(concern) + " has " + javaFunctions.size() + " Java functions; expected exactly 1");
        }
        String logicalId = javaFunctions.get(0);
        JsonNode properties = parse(file(concern)).path("Resources").path(logicalId).path("Properties");
        Map<String, String> environment = new TreeMap<>();
        properties.path("Environment").path("Variables").fields().forEachRemaining(variable ->
                environment.put(variable.getKey(), resolve(concern, variable.getValue())));
        return new LambdaFunction(logicalId, properties.path("FunctionName").asText(logicalId), properties.path("Handler").asText(),
                properties.path("Runtime").asText(), properties.path("MemorySize").asInt(128),
                Duration.ofSeconds(properties.path("Timeout").asInt(3)),
                "PublishedVersions".equals(properties.path("SnapStart").path("ApplyOn").asText()), environment,
                assetFile(concern, properties.path("Code").path("S3Key").asText()));
    }

    private List<String> javaFunctions(String concern) {
        List<String> javaFunctions = new ArrayList<>();
        parse(file(concern)).path("Resources").fields().forEachRemaining(resource -> {
            if ("AWS::Lambda::Function".equals(resource.getValue().path("Type").asText())
                    && resource.getValue().path("Properties").path("Runtime").asText().startsWith("java")) {
                javaFunctions.add(resource.getKey());
            }
        });
        return javaFunctions;
    }

    /** The file the stack's asset manifest stages for an S3 key: what {@code cdk deploy} uploads. */
    private Path assetFile(String concern, String s3Key) {
        Path manifest = directory.resolve(stackName(stage, concern) + ".assets.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("no asset manifest " + manifest + "; the stage must be synthesized with its assets (npx cdk synth -c stage="
                    + stage + " -o " + directory + ")");
        }
        String hash = s3Key.contains(".") ? s3Key.substring(0, s3Key.indexOf('.')) : s3Key;
        JsonNode source = parse(manifest).path("files").path(hash).path("source");
        if (!source.has("path")) {
            throw new IllegalArgumentException(manifest + " has no asset " + hash + " (S3 key " + s3Key + ")");
        }
        Path asset = directory.resolve(source.path("path").asText());
        if (!Files.isRegularFile(asset)) {
            throw new IllegalArgumentException("asset " + asset + " is missing; synthesize stage " + stage + " again");
        }
        return asset;
    }

    /**
     * The value of a template expression as CloudFormation would resolve it, for the forms the functions'
     * environments use: a literal, a {@code Ref} to a table (its {@code TableName}) and
     * {@code Fn::GetStackOutput} (the output of another stack of this stage).
     */
    private String resolve(String concern, JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.has("Ref")) {
            JsonNode resource = parse(file(concern)).path("Resources").path(value.path("Ref").asText());
            if (resource.path("Properties").has("TableName")) {
                return tableName.orElseGet(() -> resolve(concern, resource.path("Properties").path("TableName")));
            }
        }
        if (value.has("Fn::GetStackOutput")) {
            JsonNode reference = value.path("Fn::GetStackOutput");
            String prefix = stackName(stage, "");
            String stackName = reference.path("StackName").asText();
            if (stackName.startsWith(prefix)) {
                String otherConcern = stackName.substring(prefix.length());
                JsonNode output = parse(file(otherConcern)).path("Outputs").path(reference.path("OutputName").asText());
                if (output.has("Value")) {
                    return resolve(otherConcern, output.path("Value"));
                }
            }
        }
        throw new IllegalArgumentException(file(concern) + ": cannot resolve " + value + " locally; expected a literal, a Ref to a table or "
                + "Fn::GetStackOutput of a stack of stage " + stage);
    }

    private JsonNode onlyResource(String concern, String type) {
        return onlyResourceEntry(concern, type).getValue();
    }

    /** The logical id and definition of the one resource of {@code type} in the stack {@code concern}. */
    private Map.Entry<String, JsonNode> onlyResourceEntry(String concern, String type) {
        JsonNode template = parse(file(concern));
        List<Map.Entry<String, JsonNode>> matches = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (type.equals(resource.getValue().path("Type").asText())) {
                matches.add(resource);
            }
        });
        if (matches.size() != 1) {
            throw new IllegalArgumentException(file(concern) + " has " + matches.size() + " resources of type " + type + "; expected exactly 1");
        }
        return matches.get(0);
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node.isMissingNode() ? Optional.empty() : Optional.of(node.asText());
    }

    private Path file(String concern) {
        return directory.resolve(stackName(stage, concern) + ".template.json");
    }

    /** The name the CDK app gives a stage's stack of one concern (StageConfig.stackName): also its file names in cdk.out. */
    public static String stackName(String stage, String concern) {
        return "Cruddur-" + stage + "-" + concern;
    }

    private static JsonNode parse(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
