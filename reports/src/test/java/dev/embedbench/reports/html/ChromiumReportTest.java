package dev.embedbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.embedbench.reports.ReportFiles;
import dev.embedbench.reports.ReportInputs;
import dev.embedbench.reports.ReportWriter;
import dev.embedbench.reports.RunFixtures;
import dev.embedbench.reports.model.ReportInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium (Debian's {@code chromium}; {@code
 * .ci/install-test-tools} installs it): no console errors, drawn content in every chart, no
 * horizontal overflow at 1280 px, and a screenshot in {@code target/chromium-report/report.png}.
 * Skipped when Chromium is not installed.
 */
class ChromiumReportTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path OUT = Path.of("target", "chromium-report").toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 90;
  private static final Pattern CONSOLE_LINE = Pattern.compile(".*:CONSOLE[:(].*");
  private static final Pattern CHECK = Pattern.compile("<pre id=\"chart-check\">([^<]*)</pre>");
  private static final List<String> CHARTS =
      List.of(
          "chart-spectrum", "chart-throughput", "chart-cost", "chart-cost-quality", "chart-demand");

  /**
   * Counts, per chart, the elements the browser actually lays out with a non-empty box, and the
   * page's width, and writes them into the DOM for {@code --dump-dom} to print.
   */
  private static final String CHECK_SCRIPT =
      String.join(
          "\n",
          "<script>",
          "(function () {",
          "  var out = [];",
          "  document.querySelectorAll('svg.chart-svg').forEach(function (svg) {",
          "    var drawn = 0;",
          "    svg.querySelectorAll('path,polyline,rect,line,text').forEach(function (el) {",
          "      var box = el.getBBox();",
          "      var inked = box.width > 0 || box.height > 0;",
          "      if (inked && (el.tagName !== 'text' || el.textContent.trim().length > 0)) { drawn++; }",
          "    });",
          "    var r = svg.getBoundingClientRect();",
          "    out.push(svg.id + '=' + drawn + '@' + Math.round(r.width) + 'x' + Math.round(r.height));",
          "  });",
          "  out.push('scrollWidth=' + document.documentElement.scrollWidth);",
          "  var pre = document.createElement('pre');",
          "  pre.id = 'chart-check';",
          "  pre.textContent = out.join(';');",
          "  document.body.appendChild(pre);",
          "})();",
          "</script>");

  @TempDir static Path tmp;
  static ReportFiles files;

  @BeforeAll
  static void writeReport() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "skipped: /usr/bin/chromium is not installed (run .ci/install-test-tools, or apt-get install -y chromium)");
    // Under target/, not a temporary directory, so that the fixture runs stay for a person to
    // re-run
    // `embedbench report` on them.
    Path runDir = OUT.resolve("runs/20261126T180000Z-compare");
    deleteRecursively(runDir);
    RunFixtures.writeComparison(runDir);
    ReportInput input =
        ReportInputs.read(
            List.of(runDir),
            "Embedding models compared (test fixture)",
            Instant.parse("2026-11-26T18:00:00Z"));
    Files.createDirectories(OUT);
    files = ReportWriter.write(input, OUT);
  }

  @Test
  void opensWithoutConsoleErrorsAndSavesAScreenshot() throws Exception {
    Path screenshot = OUT.resolve("report.png");
    Files.deleteIfExists(screenshot);
    List<String> console =
        run(
                List.of(
                    "--screenshot=" + screenshot,
                    "--window-size=1280,2000",
                    files.html().toUri().toString()),
                OUT.resolve("chromium-screenshot.log"))
            .console;
    assertEquals(List.of(), console, "browser console messages while loading report.html");
    assertTrue(Files.size(screenshot) > 10_000, "screenshot written to " + screenshot);
    // The whole page too, for a person to look over every chart.
    Path fullPage = OUT.resolve("report-full.png");
    run(
        List.of(
            "--screenshot=" + fullPage, "--window-size=1280,4800", files.html().toUri().toString()),
        OUT.resolve("chromium-full-page.log"));
    System.out.println("report screenshots: " + screenshot + ", " + fullPage);
  }

  @Test
  void everyChartHasDrawnContentAndThePageFits1280Pixels() throws Exception {
    // The report forbids scripts by its Content-Security-Policy; this copy allows the one check
    // script.
    String html = Files.readString(files.html(), StandardCharsets.UTF_8);
    String policy = HtmlReport.CONTENT_SECURITY_POLICY;
    assertTrue(html.contains(policy), "report carries its Content-Security-Policy");
    String checked =
        html.replace(policy, policy + "; script-src 'unsafe-inline'")
            .replace("</body>", CHECK_SCRIPT + "\n</body>");
    Path copy = OUT.resolve("report-check.html");
    Files.writeString(copy, checked, StandardCharsets.UTF_8);

    Result result =
        run(
            List.of("--dump-dom", "--window-size=1280,2000", copy.toUri().toString()),
            OUT.resolve("chromium-dump-dom.log"));
    assertEquals(List.of(), result.console, "browser console messages while checking the charts");
    Matcher matcher = CHECK.matcher(result.stdout);
    assertTrue(
        matcher.find(), "the check script ran and wrote its marker; DOM was:\n" + result.stdout);
    Map<String, String> checks = new LinkedHashMap<>();
    for (String entry : matcher.group(1).split(";")) {
      String[] pair = entry.split("=", 2);
      checks.put(pair[0], pair[1]);
    }
    for (String chart : CHARTS) {
      String check = checks.get(chart);
      assertTrue(check != null, chart + " is in the page: " + checks);
      int drawn = Integer.parseInt(check.substring(0, check.indexOf('@')));
      String[] size = check.substring(check.indexOf('@') + 1).split("x");
      assertTrue(drawn > 20, chart + " lays out drawn elements: " + check);
      assertTrue(
          Integer.parseInt(size[0]) > 600 && Integer.parseInt(size[1]) > 200,
          chart + " has a size: " + check);
    }
    assertTrue(
        Integer.parseInt(checks.get("scrollWidth")) <= 1280,
        "no horizontal scroll at 1280 px: " + checks);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private record Result(String stdout, List<String> console) {}

  private static Result run(List<String> arguments, Path log) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    command.addAll(arguments);
    Path stdout = Files.createTempFile(tmp, "chromium", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(log.toFile())
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "chromium did not finish within " + TIMEOUT_SECONDS + " s; its log: " + log);
    }
    assertEquals(0, process.exitValue(), "chromium exit status; its log: " + log);
    List<String> console =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(line -> CONSOLE_LINE.matcher(line).matches())
            .toList();
    return new Result(Files.readString(stdout, StandardCharsets.UTF_8), console);
  }
}
