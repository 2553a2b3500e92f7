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
import com.cruddur.messaging.config.StageOverrides;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * Builds the app exactly as {@code cdk synth} does: the context of the real {@code cdk.json} (feature
 * flags and stages) with the operator values a real deploy supplies ({@value #TEST_STAGES_FILE}, as
 * {@code .ci/run} passes it to {@code cdk synth}), a selected stage, optionally with some of its settings replaced.
 */
public final class TestApps {

    /** What an operator's stages.local.json would hold for prod: an account, AZs, a certificate, URLs (none a placeholder). */
    public static final String TEST_STAGES_FILE = "src/test/resources/stages.test.json";
    /** Given as the app's overrides file, so that a developer's own stages.local.json never reaches a test. */
    private static final String NO_OVERRIDES_FILE = "src/test/resources/stages.none.json";

    private static final Map<String, Object> CDK_JSON_CONTEXT = readCdkJsonContext();
    private static final Map<String, Object> STAGES = mergedStages();

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
        Map<String, Object> stages = new LinkedHashMap<>(STAGES);
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
        context.put("stagesFile", path(NO_OVERRIDES_FILE).toString());
        // Tests never build the Lambda jar (slow, and Maven inside Maven); the asset hash is still the
        // fingerprint of lambda/'s sources. cdk synth and .ci/run do build it.
        context.put("aws:cdk:bundling-stacks", List.of());
        return new App(AppProps.builder().context(context).build());
    }

    /** The context object of the repository's {@code cdk.json}. */
    public static Map<String, Object> cdkJsonContext() {
        return CDK_JSON_CONTEXT;
    }

    /** cdk.json's stages with {@value #TEST_STAGES_FILE} merged over them: what the tests deploy. */
    public static Map<String, Object> stages() {
        return STAGES;
    }

    /** The settings of one stage as the tests deploy it. */
    public static Map<String, Object> stageSettings(String stage) {
        return cast(STAGES.get(stage));
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
        return cast(read(path("cdk.json")).get("context"));
    }

    private static Map<String, Object> mergedStages() {
        return StageOverrides.merge(cast(CDK_JSON_CONTEXT.get("stages")), read(path(TEST_STAGES_FILE)));
    }

    private static Path path(String relative) {
        return Path.of(System.getProperty("basedir", "."), relative).toAbsolutePath();
    }

    private static Map<String, Object> read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
