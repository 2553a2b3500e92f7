package com.cruddur.messaging.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.cruddur.messaging.seed.SeedConversation;
import com.cruddur.messaging.seed.SeedResource;
import com.cruddur.messaging.signup.PostConfirmationHandler;
import com.cruddur.messaging.stream.StreamProcessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The names this jar shares with the CDK app, checked against what the app synthesizes: its snapshot templates, which
 * the app's SnapshotTest keeps equal to a fresh synth. Each build unit keeps its own copy of a name (the app's in
 * {@code data/MessagesTable}, {@code seed/SeedData}, {@code config/CanonicalUuid}; this jar's in {@code contract} and
 * {@code seed/SeedResource}), so a rename on one side fails here instead of at deploy.
 */
class SynthesizedContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STAGES_WITH_STREAMS = List.of("dev", "prod");

    @Test
    void theTableIsKeyedByTheItemsPartitionAndSortKeys() {
        for (String stage : STAGES_WITH_STREAMS) {
            JsonNode table = onlyResource(stage, "Data", "AWS::DynamoDB::Table");
            assertEquals(List.of(Items.PK + " HASH", Items.SK + " RANGE"), keys(table.path("KeySchema")), stage);
        }
    }

    @Test
    void theIndexIsTheOneTheRepositoryQueriesByItsName() {
        for (String stage : STAGES_WITH_STREAMS) {
            JsonNode indexes = onlyResource(stage, "Data", "AWS::DynamoDB::Table").path("GlobalSecondaryIndexes");
            assertEquals(1, indexes.size(), stage);
            assertEquals(Items.MESSAGE_GROUP_INDEX, indexes.get(0).path("IndexName").asText(), stage);
            assertEquals(List.of(Items.MESSAGE_GROUP_UUID + " HASH", Items.SK + " RANGE"), keys(indexes.get(0).path("KeySchema")), stage);
        }
    }

    @Test
    void theDeployedStreamFilterPassesMessagePartitionsByTheirPrefix() {
        for (String stage : STAGES_WITH_STREAMS) {
            JsonNode filters = onlyResource(stage, "StreamProcessor", "AWS::Lambda::EventSourceMapping").path("FilterCriteria").path("Filters");
            assertEquals(2, filters.size(), stage);
            for (JsonNode filter : filters) {
                JsonNode pattern = parse(filter.path("Pattern").asText()).path("dynamodb");
                JsonNode image = pattern.has("NewImage") ? pattern.path("NewImage") : pattern.path("Keys");
                assertEquals(Keys.MESSAGE_PREFIX, image.path(Items.PK).path("S").path(0).path("prefix").asText(), stage + ": " + pattern);
            }
        }
    }

    @Test
    void everyJavaFunctionsHandlerIsAPublicMethodOfThisJar() throws ClassNotFoundException {
        List<String> handlers = new ArrayList<>();
        for (Path template : templates()) {
            for (JsonNode function : resources(read(template), "AWS::Lambda::Function")) {
                if (function.path("Runtime").asText().startsWith("java")) {
                    handlers.add(function.path("Handler").asText());
                }
            }
        }
        assertEquals(Set.of("com.cruddur.messaging.stream.StreamProcessor::handleRequest",
                "com.cruddur.messaging.seed.SeedHandler::handleRequest",
                "com.cruddur.messaging.signup.PostConfirmationHandler::handleRequest"), Set.copyOf(handlers));
        for (String handler : handlers) {
            String[] classAndMethod = handler.split("::");
            Class<?> type = Class.forName(classAndMethod[0]);
            assertTrue(Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(classAndMethod[1]::equals), handler);
        }
    }

    @Test
    void theStreamProcessorIsGivenTheTableVariableItReads() {
        for (String stage : STAGES_WITH_STREAMS) {
            JsonNode function = onlyResource(stage, "StreamProcessor", "AWS::Lambda::Function");
            assertEquals(Set.of(StreamProcessor.TABLE_NAME_VARIABLE), variables(function), stage);
        }
    }

    @Test
    void theSignUpTriggerIsGivenTheParameterVariableItReads() {
        for (String stage : STAGES_WITH_STREAMS) {
            JsonNode function = onlyResource(stage, "Auth", "AWS::Lambda::Function");
            assertEquals(Set.of(PostConfirmationHandler.CONNECTION_URL_PARAMETER), variables(function), stage);
        }
    }

    @Test
    void theSeedResourceIsOfTheTypeAndPropertiesTheSeedHandlerReads() {
        JsonNode resource = onlyResourceEntry("dev", "Seed", SeedResource.TYPE);
        Map<String, Object> properties = new HashMap<>();
        resource.path("Properties").fields().forEachRemaining(field -> properties.put(field.getKey(),
                field.getValue().isTextual() ? field.getValue().asText() : "resolved-at-deploy"));

        Set<String> known = new TreeSet<>(Set.of("ServiceToken", SeedResource.TABLE_NAME, SeedResource.MESSAGE_GROUP_UUID,
                SeedResource.CONNECTION_URL_PARAMETER));
        SeedResource.USERS.forEach(user -> known.addAll(List.of(SeedResource.userHandle(user), SeedResource.userUuid(user),
                SeedResource.userDisplayName(user))));
        assertTrue(known.containsAll(properties.keySet()), "properties the handler does not read: " + properties.keySet());

        SeedConversation seed = SeedConversation.fromProperties(properties, handle -> {
            throw new AssertionError("dev's seed names its users by uuid; asked for " + handle);
        });
        assertEquals(properties.get(SeedResource.MESSAGE_GROUP_UUID), seed.groupUuid());
    }

    @ParameterizedTest
    @MethodSource("acceptedUuids")
    void aUuidTheAppAcceptsIsOneTheKeysAccept(String uuid) {
        assertEquals(Keys.MESSAGE_PREFIX + uuid, Keys.messagesOf(uuid));
    }

    @ParameterizedTest
    @MethodSource("refusedUuids")
    void aUuidTheAppRefusesIsOneTheKeysRefuse(String uuid) {
        assertThrows(IllegalArgumentException.class, () -> Keys.messagesOf(uuid));
    }

    @Test
    void theSharedUuidExamplesAreThere() {
        assertFalse(acceptedUuids().toList().isEmpty());
        assertFalse(refusedUuids().toList().isEmpty());
    }

    static Stream<String> acceptedUuids() {
        return texts(uuidExamples().path("accepted"));
    }

    static Stream<String> refusedUuids() {
        return texts(uuidExamples().path("refused"));
    }

    private static JsonNode uuidExamples() {
        return read(appTestResources().resolve("contract/uuids.json"));
    }

    private static Stream<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts.stream();
    }

    private static List<String> keys(JsonNode keySchema) {
        List<String> keys = new ArrayList<>();
        keySchema.forEach(key -> keys.add(key.path("AttributeName").asText() + " " + key.path("KeyType").asText()));
        return keys;
    }

    private static Set<String> variables(JsonNode function) {
        Set<String> names = new TreeSet<>();
        function.path("Environment").path("Variables").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode onlyResource(String stage, String concern, String type) {
        return onlyResourceEntry(stage, concern, type).path("Properties");
    }

    private static JsonNode onlyResourceEntry(String stage, String concern, String type) {
        JsonNode template = read(appTestResources().resolve("snapshots/Cruddur-" + stage + "-" + concern + ".json"));
        List<JsonNode> matching = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (type.equals(resource.path("Type").asText())) {
                matching.add(resource);
            }
        });
        assertEquals(1, matching.size(), "resources of type " + type + " in " + stage + "'s " + concern + " stack");
        return matching.get(0);
    }

    private static List<JsonNode> resources(JsonNode template, String type) {
        List<JsonNode> matching = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            if (type.equals(resource.path("Type").asText())) {
                matching.add(resource.path("Properties"));
            }
        });
        return matching;
    }

    private static List<Path> templates() {
        try (Stream<Path> files = Files.list(appTestResources().resolve("snapshots"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CDK app's src/test/resources, where its snapshots and the shared examples are ({@code project.root}, as TestTemplates). */
    private static Path appTestResources() {
        return Path.of(System.getProperty("project.root", ".."), "src", "test", "resources");
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
