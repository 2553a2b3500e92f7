package com.cruddur.messaging.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;

/**
 * The outputs of one deployed stack of a stage ({@code Cruddur-<stage>-<concern>}): as CloudFormation reports them, or
 * as {@code cdk deploy --outputs-file} wrote them.
 */
public final class StackOutputs {

    private final String stackName;
    private final Map<String, String> outputs;
    private final String source;

    private StackOutputs(String stackName, Map<String, String> outputs, String source) {
        this.stackName = stackName;
        this.outputs = outputs;
        this.source = source;
    }

    public static StackOutputs read(CloudFormationClient cloudFormation, String stackName) {
        try {
            return new StackOutputs(stackName, cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks().get(0).outputs()
                    .stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue)),
                    "CloudFormation, " + cloudFormation.serviceClientConfiguration().region());
        } catch (CloudFormationException e) {
            if ("ValidationError".equals(e.awsErrorDetails().errorCode())) {
                throw new IllegalArgumentException("stack " + stackName + " is not deployed in this account and region ("
                        + e.awsErrorDetails().errorMessage() + "); check --stage and --region");
            }
            throw e;
        }
    }

    /** The stack's outputs from a {@code cdk deploy --outputs-file} file: <code>{"StackName": {"OutputKey": "value"}}</code>. */
    public static StackOutputs fromOutputsFile(Path file, String stackName) {
        JsonNode outputs;
        try {
            outputs = new ObjectMapper().readTree(Files.readString(file)).path(stackName);
        } catch (IOException e) {
            throw new IllegalArgumentException("outputs file " + file + " cannot be read as JSON: " + e.getMessage());
        }
        if (!outputs.isObject()) {
            throw new IllegalArgumentException("outputs file " + file + " has no stack " + stackName
                    + "; expected what npx cdk deploy --all --outputs-file " + file + " writes for the stage");
        }
        Map<String, String> values = new TreeMap<>();
        outputs.fields().forEachRemaining(output -> values.put(output.getKey(), output.getValue().asText()));
        return new StackOutputs(stackName, values, "outputs file " + file);
    }

    public String stackName() {
        return stackName;
    }

    /** Where the outputs were read: CloudFormation in a region, or an outputs file. */
    public String source() {
        return source;
    }

    public String get(String key) {
        String value = outputs.get(key);
        if (value == null) {
            throw new IllegalStateException("stack " + stackName + " has no output " + key + " (outputs: " + outputs.keySet()
                    + "); deploy the current version of the stage first");
        }
        return value;
    }
}
