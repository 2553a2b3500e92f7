package com.cruddur.messaging.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.function.Executable;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** How the configuration tests read a stage and check a refusal: one home for both. */
final class StageConfigAssertions {

    private StageConfigAssertions() {
    }

    /** The stage as synth reads it, with {@code overrides} replacing (a null value: removing) some of its settings. */
    static StageConfig read(String stage, Map<String, Object> overrides) {
        return StageConfigReader.read(TestApps.app(stage, overrides).getNode());
    }

    /** prod as .ci/run synthesizes it (the tests' operator values), with {@code flags} as -c flags. */
    static StageConfig readProdWithFlags(Map<String, Object> flags) {
        Map<String, Object> context = new HashMap<>(TestApps.cdkJsonContext());
        context.put("stage", "prod");
        context.put("stagesFile", Path.of(TestApps.TEST_STAGES_FILE).toAbsolutePath().toString());
        context.putAll(flags);
        return StageConfigReader.read(new App(AppProps.builder().context(context).build()).getNode());
    }

    /** {@code read} is refused with one line that contains every fragment. */
    static InvalidStageConfigException assertError(Executable read, String... fragments) {
        InvalidStageConfigException error = assertThrows(InvalidStageConfigException.class, read);
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "message \"" + error.getMessage() + "\" should contain \"" + fragment + "\"");
        }
        assertEquals(1, error.getMessage().lines().count(), "one line: " + error.getMessage());
        return error;
    }
}
