package com.cruddur.messaging.local.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Template values as CloudFormation would resolve them in the caller's account and region, for the forms that name
 * things before deploy: literals, pseudo parameters ({@code Ref AWS::AccountId} ...) and {@code Fn::Join} of those.
 * Anything that depends on a resource (GetAtt, a stack output) has no value until deploy, so it resolves to empty.
 */
final class TemplateValues {

    private final Map<String, String> pseudoParameters;

    TemplateValues(String account, String region) {
        // Partition and URL suffix of the commercial regions, the only ones the stages target.
        this.pseudoParameters = Map.of("AWS::AccountId", account, "AWS::Region", region, "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com");
    }

    Optional<String> resolve(JsonNode value) {
        if (value.isTextual()) {
            return Optional.of(value.asText());
        }
        if (value.has("Ref")) {
            return Optional.ofNullable(pseudoParameters.get(value.path("Ref").asText()));
        }
        if (value.has("Fn::Join")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : value.path("Fn::Join").path(1)) {
                Optional<String> resolved = resolve(part);
                if (resolved.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(resolved.get());
            }
            return Optional.of(String.join(value.path("Fn::Join").path(0).asText(), parts));
        }
        return Optional.empty();
    }
}
