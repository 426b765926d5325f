package dev.embedbench.loadgen.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadFileParserTest {

  @TempDir Path tmp;

  private Path write(String content) throws Exception {
    return Files.writeString(tmp.resolve("workload.txt"), content);
  }

  @Test
  void textLinesAreOneTextEachAndBlankLinesAreSkipped() throws Exception {
    List<WorkloadEntry> entries =
        WorkloadFileParser.parse(write("first text\n\n  second {not json}\n"));
    assertEquals(
        List.of(WorkloadEntry.text("first text"), WorkloadEntry.text("second {not json}")),
        entries);
  }

  @Test
  void jsonlHoldsTextsAndWholeRequests() throws Exception {
    List<WorkloadEntry> entries =
        WorkloadFileParser.parse(
            write("{\"text\": \"一段中文\"}\n{\"input\": [\"a\", \"b\"]}\n{\"input\": \"c\"}\n"));
    assertEquals(WorkloadEntry.text("一段中文"), entries.get(0));
    assertEquals(new WorkloadEntry(List.of("a", "b"), true), entries.get(1));
    assertEquals(new WorkloadEntry(List.of("c"), true), entries.get(2));
  }

  @Test
  void badLinesAreReportedWithTheirLineNumber() throws Exception {
    assertMessage(
        "{\"text\": \"ok\"}\n\n{\"text\": 3}\n", ":3: \"text\" must be a non-empty string");
    assertMessage("{\"text\": \"ok\"}\n{broken\n", ":2: not valid JSON");
    assertMessage("{\"text\": \"ok\"}\n{\"input\": []}\n", ":2: \"input\" must be a non-empty");
    assertMessage(
        "{\"text\": \"ok\"}\n{\"input\": [\"x\", 5]}\n",
        ":2: \"input\"[1] must be a non-empty string");
    assertMessage("{\"other\": 1}\n", ":1: expected a \"text\" string or an \"input\" array");
    assertMessage("{\"text\": \"a\", \"input\": [\"b\"]}\n", ":1: give either");
    assertMessage(
        "{\"text\": \"ok\"}\n[1, 2]\n", ":2: each line of a JSONL workload must be a JSON object");
  }

  @Test
  void emptyAndMissingFilesAreErrorsNamingTheFile() throws Exception {
    Path empty = write("\n \n");
    WorkloadException e =
        assertThrows(WorkloadException.class, () -> WorkloadFileParser.parse(empty));
    assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
    assertThrows(
        WorkloadException.class, () -> WorkloadFileParser.parse(tmp.resolve("absent.txt")));
  }

  private void assertMessage(String content, String expectedPart) throws Exception {
    Path file = write(content);
    WorkloadException e =
        assertThrows(WorkloadException.class, () -> WorkloadFileParser.parse(file));
    assertTrue(e.getMessage().contains(file + expectedPart), e.getMessage());
  }
}
