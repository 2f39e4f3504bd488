package io.retort.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * retort-bom pins every published module (a module of the parent pom that is not a pom and does not skip
 * deployment), at the parent's version, and every pom carries the Apache License 2.0 (the parent and the BOM
 * declare it; the modules inherit it).
 */
class BomTest {

    @Test
    void theBomListsEveryPublishedModuleAtTheParentsVersion() throws Exception {
        Element parent = pom(Snippets.root().resolve("pom.xml"));
        Element bom = pom(Snippets.root().resolve("bom/pom.xml"));
        String version = child(parent, "version");
        assertThat(child(bom, "version")).as("retort-bom's version").isEqualTo(version);

        List<String> published = new ArrayList<>();
        for (Element module : children(child(parent, "modules", Element.class), "module")) {
            Element pom = pom(Snippets.root().resolve(module.getTextContent().trim()).resolve("pom.xml"));
            if (!"pom".equals(child(pom, "packaging")) && !skipsDeploy(pom)) {
                published.add(child(pom, "artifactId"));
            }
        }
        List<String> pinned = new ArrayList<>();
        Element managed = child(child(bom, "dependencyManagement", Element.class), "dependencies", Element.class);
        for (Element dependency : children(managed, "dependency")) {
            assertThat(child(dependency, "version")).as(child(dependency, "artifactId")).isEqualTo(version);
            pinned.add(child(dependency, "artifactId"));
        }
        assertThat(published).contains("retort-api", "retort-impl", "retort-cdi");
        assertThat(pinned).as("bom/pom.xml must pin every published module").containsExactlyInAnyOrderElementsOf(
                published);
    }

    @Test
    void everyPomCarriesTheApacheLicense() throws Exception {
        assertThat(Files.readString(Snippets.root().resolve("LICENSE")))
                .contains("Apache License", "Version 2.0, January 2004", "TERMS AND CONDITIONS FOR USE");
        for (String pom : List.of("pom.xml", "bom/pom.xml")) {
            Element licenses = child(pom(Snippets.root().resolve(pom)), "licenses", Element.class);
            assertThat(licenses.getTextContent()).as(pom).contains("Apache License, Version 2.0");
        }
        for (Element module : children(child(pom(Snippets.root().resolve("pom.xml")), "modules", Element.class),
                "module")) {
            Element pom = pom(Snippets.root().resolve(module.getTextContent().trim()).resolve("pom.xml"));
            boolean ownParent = module.getTextContent().trim().equals("bom");
            assertThat(ownParent || child(pom, "licenses", Element.class) == null)
                    .as(module.getTextContent() + " inherits the parent's licence rather than declaring another")
                    .isTrue();
        }
    }

    private static boolean skipsDeploy(Element pom) {
        Element properties = child(pom, "properties", Element.class);
        return properties != null && "true".equals(child(properties, "maven.deploy.skip"));
    }

    private static Element pom(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    private static String child(Element parent, String name) {
        Element child = child(parent, name, Element.class);
        return child == null ? null : child.getTextContent().trim();
    }

    private static Element child(Element parent, String name, Class<Element> type) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : type.cast(found.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }
}
