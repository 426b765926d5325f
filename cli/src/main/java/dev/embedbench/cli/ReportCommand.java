package dev.embedbench.cli;

import dev.embedbench.reports.ReportFiles;
import dev.embedbench.reports.ReportInputs;
import dev.embedbench.reports.ReportWriter;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.read.RunDirectoryException;
import dev.embedbench.reports.text.ConsoleTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code embedbench report RUN_DIR...}: rebuilds report.html, report.md and CSV tables from run
 * directories.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Builds report.html (inline SVG charts, no external assets), report.md and CSV tables from run "
          + "directories only. The same model found in several directories is merged as concurrent shards "
          + "of one load: histogram logs merged exactly, counts and rates added."
    })
public final class ReportCommand implements Callable<Integer> {

  private static final DateTimeFormatter RUN_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Parameters(
      arity = "1..*",
      paramLabel = "RUN_DIR",
      description =
          "Run directories (a run, a sweep, or a directory holding them, e.g. a compare run).")
  List<Path> runDirs;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "Where to write the report. Default: the run directory when one is given, else "
              + "runs/<UTC time>-report/.")
  Path outDir;

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      defaultValue = "embedbench report",
      description = "The report's title (default: ${DEFAULT-VALUE}).")
  String title;

  /** The launcher passes the repository root; runs/ lives there, as for every other command. */
  private static Path home() {
    String home = System.getProperty("embedbench.home");
    return home == null || home.isBlank() ? Path.of("") : Path.of(home);
  }

  @Override
  public Integer call() {
    Instant now = Instant.now();
    ReportInput input;
    try {
      input = ReportInputs.read(runDirs, title, now);
    } catch (RunDirectoryException | IllegalArgumentException e) {
      System.err.println("embedbench report: " + e.getMessage());
      return 2;
    }
    Path target =
        outDir != null
            ? outDir
            : runDirs.size() == 1
                ? runDirs.get(0)
                : home().resolve("runs").resolve(RUN_NAME.format(now) + "-report");
    try {
      ReportFiles files = ReportWriter.write(input, target);
      System.out.print(ConsoleTable.render(input));
      System.out.println();
      System.out.println("report: " + files.html().toAbsolutePath());
      System.out.println("markdown: " + files.markdown().toAbsolutePath());
      files.csv().forEach(csv -> System.out.println("csv: " + csv.toAbsolutePath()));
      return 0;
    } catch (IOException e) {
      System.err.println(
          "embedbench report: cannot write the report to " + target + ": " + e.getMessage());
      return 1;
    }
  }
}
