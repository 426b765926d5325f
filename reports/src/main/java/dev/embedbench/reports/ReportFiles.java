package dev.embedbench.reports;

import java.nio.file.Path;
import java.util.List;

/** The files one report wrote. */
public record ReportFiles(Path html, Path markdown, List<Path> csv) {

  public ReportFiles {
    csv = List.copyOf(csv);
  }
}
