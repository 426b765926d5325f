package dev.embedbench.reports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses report HTML and SVG with the JDK's XML parser, and queries it with XPath. */
public final class ReportDocuments {

  private ReportDocuments() {}

  /** Parses markup as XML; fails the test (by exception) when it is not well-formed. */
  public static Document parse(String markup, boolean namespaceAware) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(namespaceAware);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8)));
  }

  public static List<Element> select(Object context, String xpath) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  public static Element one(Object context, String xpath) throws Exception {
    List<Element> found = select(context, xpath);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected exactly one match for " + xpath + ", found " + found.size());
    }
    return found.get(0);
  }

  /** Elements that put ink on the page: shapes with geometry, and text with content. */
  public static int drawnElements(Element svg) throws Exception {
    int drawn = 0;
    for (Element path : select(svg, ".//path")) {
      drawn += path.getAttribute("d").isBlank() ? 0 : 1;
    }
    for (Element polyline : select(svg, ".//polyline")) {
      drawn += polyline.getAttribute("points").trim().split("\\s+").length >= 2 ? 1 : 0;
    }
    for (Element rect : select(svg, ".//rect")) {
      boolean background =
          "#ffffff".equals(rect.getAttribute("fill")) && "0".equals(rect.getAttribute("x"));
      drawn += !background && Double.parseDouble(rect.getAttribute("width")) > 0 ? 1 : 0;
    }
    drawn += select(svg, ".//line").size();
    for (Element text : select(svg, ".//text")) {
      drawn += text.getTextContent().isBlank() ? 0 : 1;
    }
    return drawn;
  }

  /**
   * Asserts that a displayed figure (3 significant digits, or whole above 1000) shows {@code
   * expected}.
   */
  public static void assertShows(double expected, String displayed, String what) {
    double shown = dev.embedbench.reports.format.Figures.parse(displayed);
    double tolerance = Math.max(Math.abs(expected) * 0.005, 1e-9);
    if (Math.abs(shown - expected) > tolerance) {
      throw new AssertionError(
          what + ": displayed '" + displayed + "' but the source says " + expected);
    }
  }
}
