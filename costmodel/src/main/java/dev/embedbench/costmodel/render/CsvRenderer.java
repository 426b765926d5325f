package dev.embedbench.costmodel.render;

import dev.embedbench.costmodel.CostAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets: the cost rows, a blank line, the audit findings, a blank line, the sensitivity
 * cases. Column names are the record components' names, units included ({@code usdPerYear}).
 */
public final class CsvRenderer {

  private CsvRenderer() {}

  public static String render(CostAnalysis analysis) {
    StringBuilder out = new StringBuilder();
    table(out, analysis.report().deployments());
    if (!analysis.audit().isEmpty()) {
      out.append("\r\n");
      table(out, analysis.audit());
    }
    out.append("\r\n");
    table(out, analysis.report().sensitivity());
    return out.toString();
  }

  /** One header row of component names, then one row per record. */
  static void table(StringBuilder out, List<? extends Record> records) {
    if (records.isEmpty()) {
      return;
    }
    RecordComponent[] components = records.get(0).getClass().getRecordComponents();
    List<String> header = new ArrayList<>();
    for (RecordComponent c : components) {
      header.add(c.getName());
    }
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      for (Record r : records) {
        List<Object> row = new ArrayList<>();
        for (RecordComponent c : components) {
          row.add(c.getAccessor().invoke(r));
        }
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read a record component: " + e.getMessage(), e);
    }
  }
}
