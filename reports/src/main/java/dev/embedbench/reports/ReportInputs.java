package dev.embedbench.reports;

import dev.embedbench.reports.cost.CostAnswerFiles;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.read.RunDirectoryReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A report's input from run directories: the runs, their cost and audit, and the comparison's
 * answer.
 */
public final class ReportInputs {

  private ReportInputs() {}

  public static ReportInput read(List<Path> dirs, String title, Instant generatedAt) {
    return RunDirectoryReader.read(dirs, title, generatedAt).withAnswer(CostAnswerFiles.find(dirs));
  }
}
