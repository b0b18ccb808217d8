package org.examgate.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Files at the root of the project, read as the build and the container tools read them. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path root() {
        return Path.of("").toAbsolutePath();
    }

    static String read(String name) {
        try {
            return Files.readString(root().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A property of the top-level {@code <properties>} in pom.xml. */
    static String pomProperty(String name) {
        Element properties = child(pom().getDocumentElement(), "properties");
        return text(properties, name);
    }

    /** The name of the jar the build makes, without {@code .jar}. */
    static String pomFinalName() {
        return text(child(pom().getDocumentElement(), "build"), "finalName");
    }

    /** The leading number of a version or image tag: 18 for "18.1.0", "18" or "18-alpine". */
    static int major(String version) {
        String digits = version.replaceFirst("^(\\d+).*$", "$1");
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException("no major version in " + version);
        }
        return Integer.parseInt(digits);
    }

    private static Document pom() {
        try (InputStream in = Files.newInputStream(root().resolve("pom.xml"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read pom.xml", e);
        }
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new IllegalStateException("pom.xml has no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }
}
