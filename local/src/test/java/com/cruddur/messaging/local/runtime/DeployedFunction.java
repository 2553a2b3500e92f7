package com.cruddur.messaging.local.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.cruddur.messaging.harness.LocalDynamoDbServer;
import com.cruddur.messaging.harness.TestTemplates;
import com.cruddur.messaging.harness.template.LambdaFunction;
import com.cruddur.messaging.harness.template.StageTemplates;
import com.cruddur.messaging.local.Clients;
import com.cruddur.messaging.local.support.SynthesizedStage;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One of a synthesized stage's functions running as Lambda runs it, against a DynamoDB Local of its own
 * that holds the stage's table: what each artifact test starts before its first invocation.
 */
final class DeployedFunction implements AutoCloseable {

    static final String REGION = "us-east-1";

    final LambdaFunction function;
    final LocalDynamoDbServer server;
    final DynamoDbClient dynamoDb;
    final StageTemplates templates;
    /** Every line the function and the runtime printed. */
    final List<String> output = Collections.synchronizedList(new ArrayList<>());
    final ExecutionEnvironment environment;

    private DeployedFunction(StageTemplates templates, Function<StageTemplates, LambdaFunction> which) {
        this.templates = templates;
        this.function = which.apply(templates);
        this.server = LocalDynamoDbServer.start(TestTemplates.freePort(), Optional.empty());
        this.dynamoDb = Clients.dynamoDb(Optional.of(server.endpoint()), Region.of(REGION));
        dynamoDb.createTable(templates.table().createTableRequest());
        this.environment = ExecutionEnvironment.start(function, server.endpoint(), REGION, output::add);
    }

    /** Starts the function {@code which} picks from the templates of {@code stage}, synthesized with its jars. */
    static DeployedFunction start(String stage, Function<StageTemplates, LambdaFunction> which) {
        return new DeployedFunction(StageTemplates.read(SynthesizedStage.cdkOut(stage), stage), which);
    }

    /** The table name the deployed function is configured with. */
    String tableName() {
        return templates.table().tableName();
    }

    @Override
    public void close() {
        environment.close();
        dynamoDb.close();
        server.close();
    }
}
