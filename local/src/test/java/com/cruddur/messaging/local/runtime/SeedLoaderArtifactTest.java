package com.cruddur.messaging.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.cruddur.messaging.contract.ConversationRow;
import com.cruddur.messaging.data.MessagesRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed loader's jar exactly as {@code cdk synth} stages it, under AWS's Runtime Interface Client on the
 * runtime's Java, sent the Provider framework's Create, Update and Delete payloads for the seed resource of
 * the template, with the table state checked after each.
 */
class SeedLoaderArtifactTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeployedFunction loader;
    private static String table;
    private static Map<String, String> seedProperties;

    @BeforeAll
    static void startTheDeployedJar() {
        loader = DeployedFunction.start("dev", templates -> templates.seedLoader().orElseThrow());
        table = loader.tableName();
        seedProperties = new TreeMap<>();
        loader.templates.seedProperties().orElseThrow().forEach((name, value) -> seedProperties.put(name, String.valueOf(value)));
    }

    @AfterAll
    static void stop() {
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void createUpdateAndDeleteLeaveTheTableAsCloudFormationExpects() throws Exception {
        String group = seedProperties.get("MessageGroupUuid");
        String physicalId = "cruddur-seed/" + table + "/" + group;

        JsonNode created = JSON.readTree(loader.environment.invoke(payload("Create", seedProperties, null, null)));
        assertEquals(physicalId, created.path("PhysicalResourceId").asText());
        int messages = messageCount(group);
        assertEquals(messages + 2, itemCount(), "the messages and one conversation row per member: " + loader.output);
        assertEquals(24, messages, "a couple of dozen messages");
        ConversationRow firstUsersRow = onlyRow(seedProperties.get("FirstUserUuid"));
        assertEquals(seedProperties.get("SecondUserHandle"), firstUsersRow.other().handle());

        Map<String, String> renamed = new TreeMap<>(seedProperties);
        renamed.put("SecondUserDisplayName", "Andrew B.");
        JsonNode updated = JSON.readTree(loader.environment.invoke(payload("Update", renamed, seedProperties, physicalId)));
        assertEquals(physicalId, updated.path("PhysicalResourceId").asText(), "same table and conversation: no replacement");
        assertEquals(messages + 2, itemCount(), "the old seed was replaced, not added to");
        assertEquals("Andrew B.", onlyRow(seedProperties.get("FirstUserUuid")).other().displayName());

        loader.environment.invoke(payload("Delete", renamed, null, physicalId));
        assertEquals(0, itemCount(), "everything the seed loaded is gone");
    }

    @Test
    void updateWithUnchangedPropertiesWritesNothing() throws Exception {
        String physicalId = "cruddur-seed/" + table + "/" + seedProperties.get("MessageGroupUuid");
        loader.environment.invoke(payload("Create", seedProperties, null, null));
        String before = loader.dynamoDb.scan(b -> b.tableName(table)).items().toString();

        loader.environment.invoke(payload("Update", seedProperties, seedProperties, physicalId));

        assertEquals(before, loader.dynamoDb.scan(b -> b.tableName(table)).items().toString(), "same items, same timestamps");
        loader.environment.invoke(payload("Delete", seedProperties, null, physicalId));
        assertEquals(0, itemCount());
    }

    /** What the Provider framework's onEvent passes to the user function: CloudFormation's request with its ResponseURL masked. */
    private static String payload(String requestType, Map<String, String> properties, Map<String, String> oldProperties, String physicalId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("RequestType", requestType);
        event.put("ServiceToken", "arn:aws:lambda:us-east-1:000000000000:function:Cruddur-dev-Seed-SeedDataProviderframeworkonEvent");
        event.put("ResponseURL", "...");
        event.put("StackId", "arn:aws:cloudformation:us-east-1:000000000000:stack/Cruddur-dev-Seed/5ae290ed-0000-4000-8000-000000000000");
        event.put("RequestId", "request-" + requestType);
        event.put("LogicalResourceId", "SeedDataConversationAC63A47D");
        event.put("ResourceType", "Custom::CruddurSeedConversation");
        if (physicalId != null) {
            event.put("PhysicalResourceId", physicalId);
        }
        event.set("ResourceProperties", resourceProperties(properties));
        if (oldProperties != null) {
            event.set("OldResourceProperties", resourceProperties(oldProperties));
        }
        return event.toString();
    }

    /** CloudFormation passes every property as a string, and the service token with them. */
    private static ObjectNode resourceProperties(Map<String, String> properties) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ServiceToken", "arn:aws:lambda:us-east-1:000000000000:function:Cruddur-dev-Seed-SeedDataProviderframeworkonEvent");
        node.put("TableName", table);
        properties.forEach(node::put);
        return node;
    }

    private static ConversationRow onlyRow(String userUuid) {
        List<ConversationRow> rows = new MessagesRepository(loader.dynamoDb, table, java.time.Clock.systemUTC())
                .listConversations(userUuid, Optional.empty()).items();
        assertEquals(1, rows.size(), "one row for " + userUuid);
        return rows.get(0);
    }

    private static int messageCount(String group) {
        return loader.dynamoDb.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("MSG#" + group))))
                .count();
    }

    private static int itemCount() {
        return loader.dynamoDb.scan(b -> b.tableName(table)).count();
    }
}
