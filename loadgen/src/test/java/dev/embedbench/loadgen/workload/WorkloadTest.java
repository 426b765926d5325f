package dev.embedbench.loadgen.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void groupsTextsIntoRequestsAndKeepsWholeRequestsAsTheyAre() throws Exception {
    WorkloadSpec spec = new WorkloadSpec("inline", 2, null, EncodingFormat.BASE64, 256);
    Workload workload =
        Workload.fromEntries(
            "inline",
            List.of(
                WorkloadEntry.text("one"),
                WorkloadEntry.text("two"),
                WorkloadEntry.text("three"),
                new WorkloadEntry(List.of("x", "y", "z"), true)),
            spec,
            "m");
    assertEquals(3, workload.distinctBodies());
    JsonNode first = JSON.readTree(workload.request(0).body().getBytes());
    assertEquals("m", first.get("model").asText());
    assertEquals("[\"one\",\"two\"]", first.get("input").toString());
    assertEquals("base64", first.get("encoding_format").asText());
    assertEquals(256, first.get("dimensions").asInt());
    assertEquals(
        "[\"three\",\"one\"]",
        JSON.readTree(workload.request(1).body().getBytes()).get("input").toString());
    assertEquals(3, workload.request(2).inputs());
    assertEquals(
        workload.request(0).body(),
        workload.request(3).body(),
        "requests cycle through the bodies");
  }

  @Test
  void leavesOptionalFieldsOutWhenNotGiven() throws Exception {
    WorkloadSpec spec = new WorkloadSpec("inline", 1, null, null, null);
    Workload workload =
        Workload.fromEntries("inline", List.of(WorkloadEntry.text("hello")), spec, "m");
    JsonNode body = JSON.readTree(workload.request(0).body().getBytes());
    assertEquals(List.of("model", "input"), iterable(body));
    assertEquals(TokenEstimator.estimate("hello"), workload.request(0).tokens());
  }

  @Test
  void everyBuiltinCorpusLoadsWithTheLengthItsNameSays() {
    for (String name : BuiltinCorpora.NAMES) {
      Workload workload = Workload.prepare(new WorkloadSpec(name, 1, null, null, null), "m", HOME);
      double tokens = workload.meanTokensPerInput();
      if (name.endsWith("-short")) {
        assertTrue(tokens >= 8 && tokens <= 45, name + " mean tokens " + tokens);
      } else if (name.endsWith("-medium")) {
        assertTrue(tokens >= 90 && tokens <= 260, name + " mean tokens " + tokens);
      } else {
        assertTrue(tokens >= 450 && tokens <= 920, name + " mean tokens " + tokens);
      }
      assertEquals("builtin:" + name, workload.sourceLabel());
    }
  }

  @Test
  void tokenShapingBringsEveryInputIntoRange() {
    TokenRange range = TokenRange.parse("60-80");
    Workload workload =
        Workload.prepare(new WorkloadSpec("multilingual-short", 1, range, null, null), "m", HOME);
    for (int i = 0; i < workload.distinctBodies(); i++) {
      int tokens = workload.request(i).tokens();
      assertTrue(tokens >= 60 && tokens <= 80, "request " + i + " has " + tokens + " tokens");
    }
  }

  @Test
  void unknownBuiltinNamesListTheKnownOnes() {
    WorkloadException e =
        assertThrows(
            WorkloadException.class,
            () ->
                Workload.prepare(
                    new WorkloadSpec("klingon-short", 1, null, null, null), "m", HOME));
    assertTrue(e.getMessage().contains("english-short"), e.getMessage());
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
