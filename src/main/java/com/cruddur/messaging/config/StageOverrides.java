package com.cruddur.messaging.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An operator's own values for the stages, over the documented defaults of {@code cdk.json}, so pointing a stage at
 * one's own account never means editing a tracked file. Two sources, in this order over {@code cdk.json}:
 * <ol>
 *   <li>the git-ignored file {@value #DEFAULT_FILE} (or the file {@code -c stagesFile=PATH} names), shaped like
 *       {@code cdk.json}'s {@code stages}: objects merge key by key, other values replace, {@code null} removes;</li>
 *   <li>{@code -c <stage>.<key>[.<key>...]=<value>} flags for the selected stage; a value starting with {@code [} or
 *       <code>{</code> is JSON, any other is text (numbers and booleans are read from text where a setting wants one).</li>
 * </ol>
 * Not {@code cdk.context.json}: CDK owns that file as its cache of lookups and rewrites it. The merged stages are
 * validated exactly as {@code cdk.json} alone would be.
 */
public final class StageOverrides {

    static final String FILE_CONTEXT_KEY = "stagesFile";
    static final String DEFAULT_FILE = "stages.local.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StageOverrides() {
    }

    /** The stages after the overrides, and the setting paths (such as {@code stages.prod.natGateways}) a flag gave as text. */
    record Merged(Map<String, Object> stages, Set<String> fromText) {
    }

    /**
     * {@code stages} with the file's values and then the flags for {@code stage} applied; {@code file} is the path
     * {@code -c stagesFile} gave, if any (then it must exist), and {@code context} every context value of the app.
     */
    static Merged apply(Map<String, Object> stages, Optional<String> file, String stage, Map<String, Object> context) {
        Map<String, Object> merged = merge(stages, readFile(file));
        Set<String> fromText = new HashSet<>();
        String prefix = stage + ".";
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            if (entry.getKey().startsWith(prefix) && entry.getKey().length() > prefix.length()) {
                Object value = flagValue(entry.getKey(), entry.getValue());
                merged = merge(merged, nested(entry.getKey().split("\\."), 0, value));
                if (value instanceof String) {
                    fromText.add("stages." + entry.getKey());
                }
            }
        }
        return new Merged(merged, fromText);
    }

    private static Map<String, Object> readFile(Optional<String> given) {
        Path path = Path.of(given.orElse(DEFAULT_FILE));
        if (!Files.exists(path)) {
            if (given.isPresent()) {
                throw new InvalidStageConfigException(FILE_CONTEXT_KEY + ": \"" + given.get() + "\" does not exist; expected the path of a"
                        + " JSON file of stage settings (leave it out to use " + DEFAULT_FILE + " when present)");
            }
            return Map.of();
        }
        try {
            Object parsed = JSON.readValue(Files.readString(path), Object.class);
            if (!(parsed instanceof Map<?, ?>)) {
                throw new InvalidStageConfigException(path + ": " + parsed + " is not allowed; expected a JSON object of stages,"
                        + " shaped like cdk.json's \"stages\"");
            }
            return JSON.convertValue(parsed, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new InvalidStageConfigException(path + " is not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidStageConfigException(path + " cannot be read: " + e.getMessage());
        }
    }

    private static Object flagValue(String key, Object value) {
        if (value instanceof String text && (text.startsWith("[") || text.startsWith("{"))) {
            try {
                return JSON.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                throw new InvalidStageConfigException("-c " + key + ": \"" + text + "\" is not allowed; expected JSON (it starts with "
                        + text.charAt(0) + "): " + e.getOriginalMessage());
            }
        }
        return value;
    }

    private static Map<String, Object> nested(String[] path, int index, Object value) {
        Map<String, Object> level = new LinkedHashMap<>();
        level.put(path[index], index == path.length - 1 ? value : nested(path, index + 1, value));
        return level;
    }

    /** {@code over} merged into {@code base}: objects key by key, anything else replaced, a null removing the key. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> overObject && merged.get(key) instanceof Map<?, ?> baseObject) {
                merged.put(key, merge((Map<String, Object>) baseObject, (Map<String, Object>) overObject));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
