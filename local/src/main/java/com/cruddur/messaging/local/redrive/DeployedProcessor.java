package com.cruddur.messaging.local.redrive;

import java.nio.charset.StandardCharsets;

import com.cruddur.messaging.local.runtime.FunctionError;
import com.cruddur.messaging.local.stream.StreamPump.StreamFunction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The stream processor as deployed, invoked synchronously through Lambda's Invoke API with the event its event
 * source mapping sends: the same code, role, network and table as the stream path, so a replay does exactly what
 * a retry would have done.
 */
public final class DeployedProcessor implements StreamFunction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaClient lambda;
    private final String function;

    /** {@code function}: a name or ARN, qualified with the alias the mapping invokes. */
    public DeployedProcessor(LambdaClient lambda, String function) {
        this.lambda = lambda;
        this.function = function;
    }

    public String function() {
        return function;
    }

    @Override
    public String invoke(String event) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(function).invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(event)));
        String payload = response.payload() == null ? "" : new String(response.payload().asByteArray(), StandardCharsets.UTF_8);
        if (response.functionError() != null) {
            throw error(response.functionError(), payload);
        }
        return payload;
    }

    /** Lambda answers a function error with its kind in X-Amz-Function-Error and the runtime's error JSON as payload. */
    private static FunctionError error(String kind, String payload) {
        try {
            JsonNode error = JSON.readTree(payload);
            return new FunctionError("function error (" + kind + ")", error.path("errorType").asText("Unknown"),
                    error.path("errorMessage").asText(payload));
        } catch (JsonProcessingException notJson) {
            return new FunctionError("function error (" + kind + ")", "Unknown", payload);
        }
    }
}
