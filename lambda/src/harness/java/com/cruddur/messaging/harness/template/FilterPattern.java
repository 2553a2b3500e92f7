package com.cruddur.messaging.harness.template;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An event source mapping filter pattern (Lambda's event-filtering syntax), evaluated against a stream
 * record in Lambda's JSON shape. Supports what patterns of this app use — nested objects, lists of
 * exact values and {@code {"prefix": ...}} — and refuses any other operator instead of guessing.
 */
public final class FilterPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode pattern;

    private FilterPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    public static FilterPattern parse(String pattern) {
        try {
            JsonNode tree = JSON.readTree(pattern);
            validate(tree, pattern);
            return new FilterPattern(tree);
        } catch (IOException e) {
            throw new IllegalArgumentException("filter pattern is not JSON: " + pattern, e);
        }
    }

    public boolean matches(JsonNode event) {
        return matches(pattern, event);
    }

    private static boolean matches(JsonNode pattern, JsonNode value) {
        if (pattern.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!matches(field.getValue(), value == null ? null : value.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (value == null || !value.isValueNode()) {
            return false;
        }
        for (JsonNode alternative : pattern) {
            if (alternative.isObject() ? value.asText().startsWith(alternative.get("prefix").asText()) : alternative.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void validate(JsonNode node, String pattern) {
        if (node.isObject()) {
            node.forEach(child -> validate(child, pattern));
        } else if (node.isArray()) {
            for (JsonNode alternative : node) {
                boolean prefix = alternative.isObject() && alternative.size() == 1 && alternative.has("prefix");
                if (!alternative.isValueNode() && !prefix) {
                    throw new IllegalArgumentException("filter pattern " + pattern + " uses " + alternative
                            + "; local mode supports exact values and {\"prefix\": ...} only");
                }
            }
        } else {
            throw new IllegalArgumentException("filter pattern " + pattern + " has a bare value " + node + "; values must be in a list");
        }
    }
}
