package dev.embedbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.reports.ReportDocuments;
import dev.embedbench.reports.ReportFiles;
import dev.embedbench.reports.ReportWriter;
import dev.embedbench.reports.RunFixtures;
import dev.embedbench.reports.model.ReportInput;
import dev.embedbench.reports.read.RunDirectoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Text from run files (model names, paths) never becomes markup in the report. */
class EscapingTest {

  private static final String HOSTILE = "evil</td><script>alert('x')</script>&amp;\"|*";

  @TempDir Path tmp;

  @Test
  void hostileModelNameStaysText() throws Exception {
    Path dir = RunFixtures.writeSimpleRun(tmp.resolve("run"), HOSTILE, "remote", 1, 20, 500);
    ReportInput input =
        RunDirectoryReader.read(List.of(dir), "Title <i>not italic</i>", Instant.EPOCH);
    ReportFiles files = ReportWriter.write(input, tmp.resolve("out"));
    String html = Files.readString(files.html());
    Document document = ReportDocuments.parse(html, false);
    assertEquals(0, ReportDocuments.select(document, "//script").size(), "no script element");
    assertEquals(
        0, ReportDocuments.select(document, "//i").size(), "no italic element from the title");
    String firstCell =
        ReportDocuments.one(document, "//table[@id='table-models']/tbody/tr/td[1]")
            .getTextContent();
    assertEquals(HOSTILE, firstCell);
    String legend =
        ReportDocuments.select(document, "//svg[@id='chart-spectrum']//text").stream()
            .map(e -> e.getTextContent())
            .reduce("", String::concat);
    assertTrue(legend.contains(HOSTILE), "the legend shows the name as text");

    String markdown = Files.readString(files.markdown());
    assertTrue(
        markdown.contains("evil\\</td\\>\\<script\\>alert('x')\\</script\\>&amp;\"\\|\\*"),
        markdown);
  }
}
