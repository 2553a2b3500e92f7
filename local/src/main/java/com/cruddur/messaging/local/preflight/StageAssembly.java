package com.cruddur.messaging.local.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.harness.template.TableDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One stage's synthesized cloud assembly ({@code cdk.out}): its stacks' templates, the environment they deploy to and
 * the bootstrap version they need, all from {@code manifest.json}, so preflight checks exactly what
 * {@code cdk deploy} would deploy.
 */
public final class StageAssembly {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK = "aws:cloudformation:stack";

    private final String stage;
    private final StageEnvironment environment;
    private final int requiredBootstrapVersion;
    private final boolean terminationProtected;
    /** Template of each stack, by stack name, in the manifest's (deployment) order. */
    private final Map<String, JsonNode> templates;

    private StageAssembly(String stage, StageEnvironment environment, int requiredBootstrapVersion, boolean terminationProtected,
            Map<String, JsonNode> templates) {
        this.stage = stage;
        this.environment = environment;
        this.requiredBootstrapVersion = requiredBootstrapVersion;
        this.terminationProtected = terminationProtected;
        this.templates = templates;
    }

    /** The stacks of {@code stage} in the assembly at {@code directory}; bad input when it holds none of them. */
    public static StageAssembly read(Path directory, String stage) {
        Path manifestFile = directory.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException("no cloud assembly " + manifestFile + "; synthesize stage " + stage
                    + " first (npx cdk synth -c stage=" + stage + " -o " + directory + ")");
        }
        String prefix = StageTemplates.stackName(stage, "");
        Map<String, JsonNode> templates = new LinkedHashMap<>();
        Set<String> environments = new TreeSet<>();
        Set<String> otherStacks = new TreeSet<>();
        int required = 0;
        boolean protectedStacks = true;
        for (var artifact : iterable(parse(manifestFile).path("artifacts"))) {
            JsonNode properties = artifact.getValue().path("properties");
            if (!artifact.getKey().startsWith(prefix)) {
                if (STACK.equals(artifact.getValue().path("type").asText())) {
                    otherStacks.add(artifact.getKey());
                }
                continue;
            }
            // Stacks and their asset manifests each state the bootstrap version they need; the deploy needs the highest.
            required = Math.max(required, properties.path("requiresBootstrapStackVersion").asInt(0));
            if (STACK.equals(artifact.getValue().path("type").asText())) {
                environments.add(artifact.getValue().path("environment").asText());
                protectedStacks &= properties.path("terminationProtection").asBoolean(false);
                templates.put(artifact.getKey(), parse(directory.resolve(properties.path("templateFile").asText())));
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("unknown stage " + stage + ": " + directory + " has no stack " + prefix + "*"
                    + (otherStacks.isEmpty() ? "" : " (it has " + String.join(", ", otherStacks) + ")")
                    + "; the stages are the keys of context.stages in cdk.json and stages.local.json");
        }
        if (environments.size() != 1) {
            throw new IllegalArgumentException("the stacks of stage " + stage + " deploy to " + environments + "; expected one environment");
        }
        return new StageAssembly(stage, StageEnvironment.parse(environments.iterator().next()), required, protectedStacks, templates);
    }

    public String stage() {
        return stage;
    }

    public StageEnvironment environment() {
        return environment;
    }

    public int requiredBootstrapVersion() {
        return requiredBootstrapVersion;
    }

    /**
     * Whether every stack of the stage has termination protection: the CDK app protects the stacks of a stage that holds
     * real data ({@code holdsRealData}), and only those, so this is how the assembly says the stage holds real data.
     */
    public boolean terminationProtected() {
        return terminationProtected;
    }

    /** The template of the stage's stack of {@code concern} (Data, Backend, ...). */
    JsonNode template(String concern) {
        JsonNode template = templates.get(StageTemplates.stackName(stage, concern));
        if (template == null) {
            throw new IllegalArgumentException("stage " + stage + " has no stack " + StageTemplates.stackName(stage, concern)
                    + " (stacks: " + templates.keySet() + ")");
        }
        return template;
    }

    /** Every resource of the stage that CloudFormation would create under a name fixed in the template. */
    List<FixedName> fixedNames() {
        List<FixedName> names = new ArrayList<>();
        templates.forEach((stack, template) -> {
            for (var resource : iterable(template.path("Resources"))) {
                String type = resource.getValue().path("Type").asText();
                FixedName.Kind.of(type).ifPresent(kind -> {
                    JsonNode name = resource.getValue().path("Properties").path(kind.nameProperty());
                    if (name.isTextual()) {
                        names.add(new FixedName(kind, name.asText(), stack, resource.getKey()));
                    }
                });
            }
        });
        return names;
    }

    /** The messages table's name (the Data stack's one table). */
    String tableName() {
        return onlyNamed("Data", FixedName.Kind.TABLE);
    }

    /** The messages table as the Data stack defines it, for comparing an existing table with it. */
    TableDefinition table() {
        for (var resource : iterable(template("Data").path("Resources"))) {
            if ("AWS::DynamoDB::Table".equals(resource.getValue().path("Type").asText())) {
                return TableDefinition.from(resource.getValue().path("Properties"));
            }
        }
        throw new IllegalArgumentException(StageTemplates.stackName(stage, "Data") + " has no table");
    }

    /** The stream processor's function name (the StreamProcessor stack's one named function). */
    String streamProcessorName() {
        return onlyNamed("StreamProcessor", FixedName.Kind.FUNCTION);
    }

    private String onlyNamed(String concern, FixedName.Kind kind) {
        String stack = StageTemplates.stackName(stage, concern);
        List<String> names = fixedNames().stream().filter(name -> name.kind() == kind && name.stack().equals(stack))
                .map(FixedName::name).toList();
        if (names.size() != 1) {
            throw new IllegalArgumentException(stack + " names " + names.size() + " " + kind.description() + "s " + names + "; expected exactly 1");
        }
        return names.get(0);
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    private static JsonNode parse(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
