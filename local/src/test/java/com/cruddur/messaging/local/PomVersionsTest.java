package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every version of the three Maven projects is pinned once, in build/pom.xml, their common parent: no project pom writes
 * a version of its own. local/ compiles lambda/'s sources and runs them (the seed, PostgresUsers) on its own
 * dependencies, and the CDK app bundles lambda/, so a version that differed between them would go unnoticed.
 */
class PomVersionsTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path BUILD_POM = ROOT.resolve("build/pom.xml");
    private static final List<String> PROJECT_POMS = List.of("pom.xml", "lambda/pom.xml", "local/pom.xml");
    /** Where a project pom may still write a version: its own, its parent's, and dependency:copy's items (by property). */
    private static final Set<String> VERSIONED = Set.of("project", "parent", "artifactItem");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([\\w.-]+)}");

    @Test
    void everyProjectInheritsFromTheBuildPom() throws Exception {
        List<String> parents = new ArrayList<>();
        for (String pom : PROJECT_POMS) {
            Element parent = child(document(ROOT.resolve(pom)), "parent");
            Path relativePath = ROOT.resolve(pom).resolveSibling(text(parent, "relativePath")).normalize();
            parents.add(pom + " -> " + text(parent, "artifactId") + " at " + ROOT.relativize(relativePath));
        }
        assertEquals(List.of("pom.xml -> cruddur-messaging-build at build/pom.xml",
                "lambda/pom.xml -> cruddur-messaging-build at build/pom.xml",
                "local/pom.xml -> cruddur-messaging-build at build/pom.xml"), parents);
    }

    @Test
    void noProjectPomPinsAVersionOfItsOwn() throws Exception {
        Set<String> pinned = versionProperties(document(BUILD_POM));
        List<String> ownVersions = new ArrayList<>();
        for (String pom : PROJECT_POMS) {
            Element project = document(ROOT.resolve(pom));
            versionProperties(project).forEach(property -> ownVersions.add(pom + ": property " + property));
            NodeList versions = project.getElementsByTagName("version");
            for (int i = 0; i < versions.getLength(); i++) {
                Element version = (Element) versions.item(i);
                String owner = ((Element) version.getParentNode()).getTagName();
                Matcher property = PROPERTY.matcher(version.getTextContent().trim());
                boolean fromBuildPom = property.matches() && pinned.contains(property.group(1));
                if (!VERSIONED.contains(owner) || owner.equals("artifactItem") && !fromBuildPom) {
                    ownVersions.add(pom + ": " + owner + " " + text((Element) version.getParentNode(), "artifactId")
                            + " " + version.getTextContent().trim());
                }
            }
        }
        assertEquals(List.of(), ownVersions, "versions belong in build/pom.xml (properties, dependencyManagement, pluginManagement)");
    }

    private static Set<String> versionProperties(Element project) {
        Set<String> names = new TreeSet<>();
        Element properties = child(project, "properties");
        for (Node node = properties == null ? null : properties.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element property && property.getTagName().endsWith(".version")) {
                names.add(property.getTagName());
            }
        }
        return names;
    }

    private static Element document(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static Element child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static String text(Element element, String name) {
        Element child = child(element, name);
        return child == null ? "" : child.getTextContent().trim();
    }
}
