package com.cruddur.messaging.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
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

    static TableDefinition from(JsonNode properties) {
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
        compare(differences, "key schema", keySchema, table.keySchema());
        compare(differences, "attribute definitions", Set.copyOf(attributes), Set.copyOf(table.attributeDefinitions()));
        List<String> expectedIndexes = globalSecondaryIndexes.stream()
                .map(index -> index.indexName() + index.keySchema() + index.projection()).sorted().toList();
        List<String> actualIndexes = table.globalSecondaryIndexes().stream()
                .map(TableDefinition::describe).sorted().toList();
        compare(differences, "global secondary indexes", expectedIndexes, actualIndexes);
        Optional<String> actualView = table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                ? Optional.of(table.streamSpecification().streamViewTypeAsString()) : Optional.empty();
        compare(differences, "stream view type", streamViewType, actualView);
        return differences;
    }

    private static String describe(GlobalSecondaryIndexDescription index) {
        return index.indexName() + index.keySchema() + index.projection();
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
