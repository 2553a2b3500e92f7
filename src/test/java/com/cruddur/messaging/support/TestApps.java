package com.cruddur.messaging.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cruddur.messaging.CruddurApp;
import com.cruddur.messaging.CruddurApp.StageStacks;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * Builds the app exactly as {@code cdk synth} does: the context of the real {@code cdk.json} (feature
 * flags and stages), a selected stage, optionally with some of its settings replaced.
 */
public final class TestApps {

    private static final Map<String, Object> CDK_JSON_CONTEXT = readCdkJsonContext();

    private TestApps() {
    }

    public static StageStacks compose(String stage) {
        return CruddurApp.compose(app(stage, Map.of()));
    }

    /** The stage with {@code overrides} replacing (or, with a {@code null} value, removing) some of its settings. */
    public static StageStacks compose(String stage, Map<String, Object> overrides) {
        return CruddurApp.compose(app(stage, overrides));
    }

    /** An app whose context selects {@code stage}, with {@code overrides} applied to that stage's settings. */
    public static App app(String stage, Map<String, Object> overrides) {
        Map<String, Object> context = new HashMap<>(CDK_JSON_CONTEXT);
        Map<String, Object> stages = new LinkedHashMap<>(cast(context.get("stages")));
        if (stages.containsKey(stage) || !overrides.isEmpty()) {
            Map<String, Object> settings = new LinkedHashMap<>(cast(stages.getOrDefault(stage, Map.of())));
            overrides.forEach((key, value) -> {
                if (value == null) {
                    settings.remove(key);
                } else {
                    settings.put(key, value);
                }
            });
            stages.put(stage, settings);
        }
        context.put("stages", stages);
        context.put("stage", stage);
        // Tests never build the Lambda jar (slow, and Maven inside Maven); the asset hash is still the
        // fingerprint of lambda/'s sources. cdk synth and .ci/run do build it.
        context.put("aws:cdk:bundling-stacks", List.of());
        return new App(AppProps.builder().context(context).build());
    }

    /** The context object of the repository's {@code cdk.json}. */
    public static Map<String, Object> cdkJsonContext() {
        return CDK_JSON_CONTEXT;
    }

    /** The stage names declared in cdk.json, so a newly added stage is tested without touching the tests. */
    public static List<String> declaredStages() {
        return List.copyOf(cast(CDK_JSON_CONTEXT.get("stages")).keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> readCdkJsonContext() {
        try {
            Map<String, Object> cdkJson = new ObjectMapper().readValue(
                    Path.of(System.getProperty("basedir", "."), "cdk.json").toFile(),
                    new TypeReference<Map<String, Object>>() { });
            return cast(cdkJson.get("context"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
