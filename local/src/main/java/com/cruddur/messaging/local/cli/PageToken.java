package com.cruddur.messaging.local.cli;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A LastEvaluatedKey (string attributes, as this table's keys are) as an opaque --next token. */
final class PageToken {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PageToken() {
    }

    static String encode(Map<String, AttributeValue> key) {
        Map<String, String> strings = new LinkedHashMap<>();
        key.forEach((name, value) -> strings.put(name, value.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(strings));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Map<String, AttributeValue>> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            Map<String, String> strings = JSON.readValue(Base64.getUrlDecoder().decode(token), new TypeReference<Map<String, String>>() { });
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            strings.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
            return Optional.of(key);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--next " + token
                    + " is not a page token printed by this command");
        }
    }
}
