package com.cruddur.messaging.local.support;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * The table people who did the AWS bootcamp already have: created by backend-flask's bin/ddb/schema-load (boto3
 * create_table, the same request here through the Java SDK) and its stream switched on by hand in the console.
 */
public final class BootcampTable {

    public static final String NAME = "cruddur-messages";

    /** The two versions of schema-load: the first had no GSI; the later one added message-group-sk-index. */
    public enum Variant { WITHOUT_GSI, WITH_GSI }

    private static final ProvisionedThroughput FIVE_FIVE = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();

    private BootcampTable() {
    }

    /** What schema-load's create_table sends: pk/sk strings, PROVISIONED 5/5, and in the later variant the GSI at 5/5. */
    public static void create(DynamoDbClient dynamoDb, Variant variant) {
        create(dynamoDb, variant, NAME);
    }

    /** The same table under another name (as a stage whose tableName is not the bootcamp's would hold it). */
    public static void create(DynamoDbClient dynamoDb, Variant variant, String name) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        if (variant == Variant.WITH_GSI) {
            attributes.add(string("message_group_uuid"));
        }
        attributes.addAll(List.of(string("pk"), string("sk")));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attributes)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(FIVE_FIVE);
        if (variant == Variant.WITH_GSI) {
            request.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                    .indexName("message-group-sk-index")
                    .keySchema(key("message_group_uuid", KeyType.HASH), key("sk", KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .provisionedThroughput(FIVE_FIVE)
                    .build());
        }
        dynamoDb.createTable(request.build());
    }

    /** What the console's "Turn on" of DynamoDB stream details does: an UpdateTable with the chosen view type. */
    public static void turnStreamOn(DynamoDbClient dynamoDb, String viewType) {
        turnStreamOn(dynamoDb, viewType, NAME);
    }

    public static void turnStreamOn(DynamoDbClient dynamoDb, String viewType, String name) {
        dynamoDb.updateTable(b -> b.tableName(name).streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(viewType).build()));
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
