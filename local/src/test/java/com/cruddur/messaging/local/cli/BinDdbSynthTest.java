package com.cruddur.messaging.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which bin/ddb invocations synthesize which stage first: bin/lib.sh's ddb_synth, run by bash with synth_stage replaced by
 * an echo (the real one runs cdk synth; SynthesizedStage covers it).
 */
class BinDdbSynthTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    @ParameterizedTest(name = "bin/ddb {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "seed                                 | dev",
            "schema-load --stage prod             | prod",
            "seed --endpoint http://x --stage=qa  | qa",
            "import-mapping --table t --stage prod| prod",
            "redrive --endpoint http://localhost:8000 | dev",
            "redrive --deployed --stage prod      | ''",
            "seed --stage prod --cdk-out /tmp/x   | ''",
            "seed --cdk-out=/tmp/x                | ''",
            "drop --stage prod                    | ''",
            "scan                                 | ''",
            "cognito list-users --stage prod      | ''"})
    void synthesizesTheStageOnlyForCommandsThatReadItsTemplate(String arguments, String stage) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "source bin/lib.sh && synth_stage() { echo \"$1\"; } && ddb_synth \"$@\"", "ddb"));
        command.addAll(List.of(arguments.trim().split("\\s+")));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), output);
        assertEquals(stage, output);
    }
}
