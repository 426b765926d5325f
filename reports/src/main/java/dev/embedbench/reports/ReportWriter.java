package dev.embedbench.reports;

import dev.embedbench.reports.csv.CsvTables;
import dev.embedbench.reports.html.HtmlReport;
import dev.embedbench.reports.markdown.MarkdownReport;
import dev.embedbench.reports.model.ReportInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes every output of a report into one directory. */
public final class ReportWriter {

  public static final String HTML_FILE = "report.html";
  public static final String MARKDOWN_FILE = "report.md";

  private ReportWriter() {}

  /**
   * Writes {@code report.html}, {@code report.md} and the CSV tables into {@code outDir} (created
   * when missing). Each text file is written to a temporary file first and moved into place, so a
   * reader never sees half a report.
   */
  public static ReportFiles write(ReportInput input, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Path html = writeAtomically(outDir.resolve(HTML_FILE), HtmlReport.render(input));
    Path markdown = writeAtomically(outDir.resolve(MARKDOWN_FILE), MarkdownReport.render(input));
    List<Path> csv = CsvTables.write(input, outDir);
    return new ReportFiles(html, markdown, csv);
  }

  private static Path writeAtomically(Path target, String content) throws IOException {
    // A sibling, not Files.createTempFile: that one is owner-only (0600) and the report is meant to
    // be shared.
    Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      return Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
