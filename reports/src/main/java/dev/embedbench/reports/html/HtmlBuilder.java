package dev.embedbench.reports.html;

import dev.embedbench.reports.format.Escape;
import java.util.List;

/** Appends escaped HTML; raw markup only goes in through {@link #raw}, for the charts' SVG. */
final class HtmlBuilder {

  private final StringBuilder out = new StringBuilder(64 * 1024);

  HtmlBuilder raw(String markup) {
    out.append(markup);
    return this;
  }

  HtmlBuilder element(String tag, String text) {
    out.append('<')
        .append(tag)
        .append('>')
        .append(Escape.xml(text))
        .append("</")
        .append(tag)
        .append(">\n");
    return this;
  }

  HtmlBuilder element(String tag, String cssClass, String text) {
    out.append('<')
        .append(tag)
        .append(" class=\"")
        .append(Escape.xml(cssClass))
        .append("\">")
        .append(Escape.xml(text))
        .append("</")
        .append(tag)
        .append(">\n");
    return this;
  }

  HtmlBuilder open(String tag, String id) {
    out.append('<').append(tag).append(" id=\"").append(Escape.xml(id)).append("\">\n");
    return this;
  }

  HtmlBuilder close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** Opens a table with a caption and a header row. */
  HtmlBuilder table(String id, String caption, List<String> headers) {
    out.append("<table id=\"")
        .append(Escape.xml(id))
        .append("\">\n<caption>")
        .append(Escape.xml(caption))
        .append("</caption>\n<thead><tr>");
    for (String header : headers) {
      out.append("<th scope=\"col\">").append(Escape.xml(header)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    return this;
  }

  HtmlBuilder endTable() {
    out.append("</tbody>\n</table>\n");
    return this;
  }

  HtmlBuilder openRow(String modelName) {
    out.append("<tr data-model=\"").append(Escape.xml(modelName)).append("\">");
    return this;
  }

  HtmlBuilder closeRow() {
    out.append("</tr>\n");
    return this;
  }

  HtmlBuilder cell(String metric, String text) {
    out.append("<td data-metric=\"")
        .append(Escape.xml(metric))
        .append("\">")
        .append(Escape.xml(text))
        .append("</td>");
    return this;
  }

  /** A numeric cell, right-aligned, tagged with the metric it shows so that tests can find it. */
  HtmlBuilder number(String metric, String text) {
    out.append("<td class=\"num\" data-metric=\"")
        .append(Escape.xml(metric))
        .append("\">")
        .append(Escape.xml(text))
        .append("</td>");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
