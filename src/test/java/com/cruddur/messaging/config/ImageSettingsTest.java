package com.cruddur.messaging.config;

import static com.cruddur.messaging.config.StageConfigAssertions.assertError;
import static com.cruddur.messaging.config.StageConfigAssertions.read;
import static com.cruddur.messaging.config.StageConfigAssertions.readProdWithFlags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Map;

import com.cruddur.messaging.support.TestApps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code backend.imageTag} / {@code backend.imageDigest}: the image a stage runs. A stage holding real data names it (a
 * digest, or a tag that does not move with every push); a stage without real data may keep {@code latest}.
 */
class ImageSettingsTest {

    private static final String DIGEST = "sha256:0b1e0c5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938";
    /** What stages.test.json pins prod to: the operator's own value, cdk.json names no image for prod. */
    private static final String TEST_PROD_DIGEST = "sha256:f50e86786718c1e068e735f750f37fb4ffc09f548d8c12a429d9255eeb1aff10";
    private static final String DIGEST_COMMAND = "aws ecr describe-images --region us-east-1 --repository-name backend-flask"
            + " --image-ids imageTag=TAG --query 'imageDetails[0].imageDigest' --output text";

    @Test
    void prodRunsTheDigestItsOperatorPinned() {
        assertEquals(new ImageReference.Digest(TEST_PROD_DIGEST), read("prod", Map.of()).backend().image());
    }

    @Test
    void devRunsLatestWhenItNamesNoImage() {
        assertEquals(new ImageReference.Tag("latest"), read("dev", image("dev", null, null)).backend().image());
    }

    @Test
    void devMayNameLatestItself() {
        assertEquals(new ImageReference.Tag("latest"), read("dev", image("dev", "latest", null)).backend().image());
    }

    @Test
    void anyStageMayRunADigest() {
        assertEquals(new ImageReference.Digest(DIGEST), read("dev", image("dev", null, DIGEST)).backend().image());
    }

    @Test
    void aRealDataStageMayRunATagThatNamesOneBuild() {
        assertEquals(new ImageReference.Tag("2026-11-25.1"), read("prod", image("prod", "2026-11-25.1", null)).backend().image());
    }

    @Test
    void aRealDataStageThatNamesNoImageIsRefusedSayingHowToPin() {
        InvalidStageConfigException error = assertError(() -> read("prod", image("prod", null, null)),
                "stages.prod.backend.imageDigest is missing; expected the digest of the image to run, sha256:<64 hex> (" + DIGEST_COMMAND
                        + "), or imageTag set to a tag that names one build: a stage holding real data runs the image it names",
                "(with -c prod.backend.imageDigest=VALUE or in stages.local.json)");
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "Latest", "stable", "main", "production", "prod"})
    void aRealDataStageRefusesATagThatMovesWithEveryPush(String tag) {
        InvalidStageConfigException error = assertError(() -> read("prod", image("prod", tag, null)),
                "stages.prod.backend.imageTag: \"" + tag + "\" is not allowed; expected a tag that names one build",
                "or imageDigest set to the image's digest (" + DIGEST_COMMAND.replace("imageTag=TAG", "imageTag=" + tag) + ")");
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
    }

    @Test
    void aTagAndADigestTogetherAreRefused() {
        assertError(() -> read("dev", image("dev", "2026-11-25.1", DIGEST)),
                "stages.dev.backend.imageDigest: \"" + DIGEST + "\" is not allowed; expected no value when imageTag is set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0b1e0c5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938", "sha256:0B1E",
            "sha512:0b1e0c5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938"})
    void aMalformedDigestIsRefused(String digest) {
        assertError(() -> read("dev", image("dev", null, digest)),
                "stages.dev.backend.imageDigest: \"" + digest + "\" is not allowed; expected an image digest, sha256: and 64 lowercase hex digits");
    }

    @Test
    void aDigestGivenAsTheTagIsRefused() {
        assertError(() -> read("dev", image("dev", DIGEST, null)), "stages.dev.backend.imageTag: \"" + DIGEST + "\" is not allowed");
    }

    @Test
    void aTagFlagRollsOutOverTheFilesDigest() {
        assertEquals(new ImageReference.Tag("2026-11-26.1"), readProdWithFlags(Map.of("prod.backend.imageTag", "2026-11-26.1")).backend().image());
    }

    @Test
    void aDigestFlagRollsOutOverTheFilesDigest() {
        assertEquals(new ImageReference.Digest(DIGEST), readProdWithFlags(Map.of("prod.backend.imageDigest", DIGEST)).backend().image());
    }

    @Test
    void aLatestFlagIsRefusedOnARealDataStage() {
        assertError(() -> readProdWithFlags(Map.of("prod.backend.imageTag", "latest")),
                "stages.prod.backend.imageTag: \"latest\" is not allowed; expected a tag that names one build");
    }

    @Test
    void aTagFlagAndADigestFlagTogetherAreRefused() {
        assertError(() -> readProdWithFlags(Map.of("prod.backend.imageTag", "2026-11-26.1", "prod.backend.imageDigest", DIGEST)),
                "stages.prod.backend.imageDigest: \"" + DIGEST + "\" is not allowed; expected no value when imageTag is set");
    }

    /** The stage's backend object with {@code imageTag} and {@code imageDigest} in place of its own ({@code null}: absent). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> image(String stage, String tag, String digest) {
        Map<String, Object> backend = new LinkedHashMap<>((Map<String, Object>) TestApps.stageSettings(stage).get("backend"));
        backend.remove("imageTag");
        backend.remove("imageDigest");
        if (tag != null) {
            backend.put("imageTag", tag);
        }
        if (digest != null) {
            backend.put("imageDigest", digest);
        }
        return Map.of("backend", backend);
    }

}
