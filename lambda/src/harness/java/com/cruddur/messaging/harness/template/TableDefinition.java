package com.cruddur.messaging.harness.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The key schema, attributes, global secondary indexes, stream and capacity of an
 * {@code AWS::DynamoDB::Table} resource, turned into the CreateTable request DynamoDB Local gets.
 */
public record TableDefinition(
        String tableName,
        List<AttributeDefinition> attributes,
        List<KeySchemaElement> keySchema,
        List<GlobalSecondaryIndex> globalSecondaryIndexes,
        Optional<String> streamViewType,
        Optional<ProvisionedThroughput> throughput) {

    /** Properties local mode has no use for (encryption, backups, protection, tags); anything else unknown is refused. */
    private static final Set<String> IGNORED = Set.of("SSESpecification", "PointInTimeRecoverySpecification",
            "DeletionProtectionEnabled", "Tags", "TimeToLiveSpecification", "ContributorInsightsSpecification");
    private static final Set<String> MAPPED = Set.of("TableName", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes",
            "StreamSpecification", "ProvisionedThroughput", "BillingMode");

    /** From an {@code AWS::DynamoDB::Table} resource's Properties. */
    public static TableDefinition from(JsonNode properties) {
        properties.fieldNames().forEachRemaining(name -> {
            if (!MAPPED.contains(name) && !IGNORED.contains(name)) {
                throw new IllegalArgumentException("the table resource uses " + name + ", which local mode cannot reproduce yet");
            }
        });
        List<AttributeDefinition> attributes = new ArrayList<>();
        properties.path("AttributeDefinitions").forEach(attribute -> attributes.add(AttributeDefinition.builder()
                .attributeName(attribute.path("AttributeName").asText()).attributeType(attribute.path("AttributeType").asText()).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        properties.path("GlobalSecondaryIndexes").forEach(index -> indexes.add(GlobalSecondaryIndex.builder()
                .indexName(index.path("IndexName").asText())
                .keySchema(keySchema(index.path("KeySchema")))
                .projection(projection(index.path("Projection")))
                .provisionedThroughput(throughput(index.path("ProvisionedThroughput")).orElse(null))
                .build()));
        JsonNode stream = properties.path("StreamSpecification");
        return new TableDefinition(
                properties.path("TableName").asText(),
                attributes,
                keySchema(properties.path("KeySchema")),
                indexes,
                stream.isMissingNode() ? Optional.empty() : Optional.of(stream.path("StreamViewType").asText()),
                throughput(properties.path("ProvisionedThroughput")));
    }

    /** The same table under another name (local mode's). */
    public TableDefinition withTableName(String name) {
        return new TableDefinition(name, attributes, keySchema, globalSecondaryIndexes, streamViewType, throughput);
    }

    public CreateTableRequest createTableRequest() {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(attributes)
                .keySchema(keySchema)
                .billingMode(throughput.isPresent() ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST)
                .provisionedThroughput(throughput.orElse(null));
        if (!globalSecondaryIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalSecondaryIndexes);
        }
        streamViewType.ifPresent(view -> request.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
        return request.build();
    }

    /** What of {@code table} differs from this definition (key schema, attributes, indexes, stream); empty when nothing does. */
    public List<String> differencesFrom(TableDescription table) {
        List<String> differences = new ArrayList<>();
        compare(differences, "key schema", keys(), keysOf(table));
        compare(differences, "attribute definitions", Set.copyOf(attributes), Set.copyOf(table.attributeDefinitions()));
        compare(differences, "global secondary indexes", indexShapes(), indexShapesOf(table));
        compare(differences, "stream view type", streamViewType, streamViewTypeOf(table));
        return differences;
    }

    /** The keys with their types, e.g. {@code [pk S HASH, sk S RANGE]}: a key's type is as fixed as its name. */
    public List<String> keys() {
        return keys(keySchema, attributes);
    }

    public static List<String> keysOf(TableDescription table) {
        return keys(table.keySchema(), table.attributeDefinitions());
    }

    /** Each index by name: its keys with their types and its projection, what decides which queries it serves. */
    public Map<String, String> indexShapes() {
        Map<String, String> shapes = new TreeMap<>();
        globalSecondaryIndexes.forEach(index -> shapes.put(index.indexName(), keys(index.keySchema(), attributes) + " " + index.projection()));
        return shapes;
    }

    public static Map<String, String> indexShapesOf(TableDescription table) {
        Map<String, String> shapes = new TreeMap<>();
        table.globalSecondaryIndexes().forEach(index ->
                shapes.put(index.indexName(), keys(index.keySchema(), table.attributeDefinitions()) + " " + index.projection()));
        return shapes;
    }

    /** The view type of the table's stream, or empty when its stream is off. */
    public static Optional<String> streamViewTypeOf(TableDescription table) {
        return table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                ? Optional.of(table.streamSpecification().streamViewTypeAsString()) : Optional.empty();
    }

    /** The type of {@code attribute} in this definition. */
    public String typeOf(String attribute) {
        return typeOf(attribute, attributes);
    }

    private static List<String> keys(List<KeySchemaElement> keys, List<AttributeDefinition> attributes) {
        return keys.stream().map(key -> key.attributeName() + " " + typeOf(key.attributeName(), attributes) + " " + key.keyTypeAsString()).toList();
    }

    private static String typeOf(String attribute, List<AttributeDefinition> attributes) {
        return attributes.stream().filter(a -> a.attributeName().equals(attribute)).map(AttributeDefinition::attributeTypeAsString)
                .findFirst().orElse("undefined");
    }

    private static void compare(List<String> differences, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            differences.add(what + ": template " + expected + ", table " + actual);
        }
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        keys.forEach(key -> schema.add(KeySchemaElement.builder()
                .attributeName(key.path("AttributeName").asText()).keyType(key.path("KeyType").asText()).build()));
        return schema;
    }

    private static Projection projection(JsonNode projection) {
        Projection.Builder builder = Projection.builder().projectionType(projection.path("ProjectionType").asText("ALL"));
        if (projection.has("NonKeyAttributes")) {
            List<String> attributes = new ArrayList<>();
            projection.path("NonKeyAttributes").forEach(attribute -> attributes.add(attribute.asText()));
            builder.nonKeyAttributes(attributes);
        }
        return builder.build();
    }

    private static Optional<ProvisionedThroughput> throughput(JsonNode throughput) {
        if (throughput.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(ProvisionedThroughput.builder()
                .readCapacityUnits(throughput.path("ReadCapacityUnits").asLong())
                .writeCapacityUnits(throughput.path("WriteCapacityUnits").asLong())
                .build());
    }
}
