package com.cruddur.messaging.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

/**
 * The Lambda asset's hash follows every input of the jar, the versions pinned outside {@code lambda/} included: a
 * version bump alone must reach AWS as a new jar, not be taken for the asset already uploaded.
 */
class LambdaJarTest {

    @TempDir
    Path checkout;

    @Test
    void theSameInputsGiveTheSameAssetHash() throws IOException {
        Path lambda = lambdaProject("<awssdk.version>2.57.8</awssdk.version>");

        assertEquals(assetHash(lambda), assetHash(lambda));
    }

    @Test
    void aVersionChangedInTheBuildPomChangesTheAssetHash() throws IOException {
        Path lambda = lambdaProject("<awssdk.version>2.57.8</awssdk.version>");
        String before = assetHash(lambda);

        Files.writeString(lambda.resolve(LambdaJar.VERSIONS_POM), "<awssdk.version>2.57.9</awssdk.version>");

        assertNotEquals(before, assetHash(lambda));
    }

    @Test
    void theVersionsPomIsTheParentLambdaNames() throws Exception {
        Path pom = LambdaJar.PROJECT.resolve("pom.xml");
        Element parent = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement().getElementsByTagName("parent").item(0);
        assertEquals(LambdaJar.VERSIONS_POM, parent.getElementsByTagName("relativePath").item(0).getTextContent().trim());
    }

    /** A lambda/ with a pom, and {@code versions} as the versions pom beside it. */
    private Path lambdaProject(String versions) throws IOException {
        Path lambda = Files.createDirectories(checkout.resolve("lambda"));
        Files.writeString(lambda.resolve("pom.xml"), "<project/>");
        Path versionsPom = lambda.resolve(LambdaJar.VERSIONS_POM).normalize();
        Files.createDirectories(versionsPom.getParent());
        Files.writeString(versionsPom, versions);
        return lambda;
    }

    /** The asset's S3 key, which carries its hash; bundling is skipped as in every synth of the tests. */
    private static String assetHash(Path lambda) {
        App app = new App(AppProps.builder().context(Map.of("aws:cdk:bundling-stacks", List.of())).build());
        return LambdaJar.code(lambda).bind(new Stack(app, "Asset")).getS3Location().getObjectKey();
    }
}
