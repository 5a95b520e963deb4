package org.evenhand.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BPMN files of workflows/, read as XML (no engine): their elements by kind. */
public final class Bpmn {

    static final String NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private Bpmn() {
    }

    public static List<Document> files() {
        try (Stream<Path> files = Files.list(Path.of("workflows"))) {
            List<Document> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
                dbf.setNamespaceAware(true);
                out.add(dbf.newDocumentBuilder().parse(f.toFile()));
            }
            return out;
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every element of this BPMN kind (userTask, receiveTask, serviceTask, boundaryEvent...) in all files. */
    public static List<Element> elements(String kind) {
        List<Element> out = new ArrayList<>();
        for (Document d : files()) {
            NodeList nodes = d.getElementsByTagNameNS(NS, kind);
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    public static List<String> ids(String kind) {
        return elements(kind).stream().map(e -> e.getAttribute("id")).toList();
    }

    public static String camunda(Element e, String attribute) {
        return e.getAttributeNS(CAMUNDA, attribute);
    }

    /** The timer expression of a boundary event ("${targetTriage}"), or null if it has none. */
    public static String timer(Element boundary) {
        NodeList d = boundary.getElementsByTagNameNS(NS, "timeDuration");
        return d.getLength() == 0 ? null : d.item(0).getTextContent().trim();
    }
}
