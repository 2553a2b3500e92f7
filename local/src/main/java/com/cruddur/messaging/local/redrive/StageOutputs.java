package com.cruddur.messaging.local.redrive;

import java.util.Map;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;

/** The outputs of one deployed stack of a stage ({@code Cruddur-<stage>-<concern>}), as CloudFormation reports them. */
public final class StageOutputs {

    private final String stackName;
    private final Map<String, String> outputs;

    private StageOutputs(String stackName, Map<String, String> outputs) {
        this.stackName = stackName;
        this.outputs = outputs;
    }

    public static StageOutputs read(CloudFormationClient cloudFormation, String stackName) {
        try {
            return new StageOutputs(stackName, cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks().get(0).outputs()
                    .stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue)));
        } catch (CloudFormationException e) {
            if ("ValidationError".equals(e.awsErrorDetails().errorCode())) {
                throw new IllegalArgumentException("stack " + stackName + " is not deployed in this account and region ("
                        + e.awsErrorDetails().errorMessage() + "); check --stage and --region");
            }
            throw e;
        }
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
