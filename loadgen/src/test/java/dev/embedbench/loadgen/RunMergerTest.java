package dev.embedbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.results.Percentiles;
import dev.embedbench.results.ResultReader;
import dev.embedbench.results.RunFiles;
import dev.embedbench.results.RunMerger;
import dev.embedbench.results.RunSummary;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMergerTest {

  @TempDir Path tmp;

  @Test
  void mergingTwoRunsEqualsOneRunOverTheirUnion() throws Exception {
    Path a = MergeFixtures.run(tmp.resolve("a"), 40);
    Path b = MergeFixtures.run(tmp.resolve("b"), 60);
    RunSummary sa = ResultReader.readSummary(a);
    RunSummary sb = ResultReader.readSummary(b);
    RunSummary merged =
        RunMerger.merge(List.of(a, b), tmp.resolve("merged"), "embedbench merge a b");

    // The union of both runs' samples, from their own logs: what one run recording everything would
    // hold.
    Histogram union = RunRecorder.newHistogram();
    union.add(read(a.resolve(RunFiles.RESPONSE_TIME_LOG)));
    union.add(read(b.resolve(RunFiles.RESPONSE_TIME_LOG)));
    assertEquals(Percentiles.of(union), merged.responseTimeMs());
    assertEquals(
        sa.responseTimeMs().count() + sb.responseTimeMs().count(), merged.responseTimeMs().count());
    assertEquals(
        Math.max(sa.responseTimeMs().max(), sb.responseTimeMs().max()),
        merged.responseTimeMs().max());
    assertEquals(
        Percentiles.of(union),
        Percentiles.of(read(tmp.resolve("merged").resolve(RunFiles.RESPONSE_TIME_LOG))),
        "the merged log holds exactly the union");
    assertEquals(sa.requests().ok() + sb.requests().ok(), merged.requests().ok());
    assertEquals(
        sa.requests().scheduled() + sb.requests().scheduled(), merged.requests().scheduled());
    assertEquals(sa.targetRate() + sb.targetRate(), merged.targetRate(), 1e-9);
    assertEquals(sa.achievedRate() + sb.achievedRate(), merged.achievedRate(), 1e-9);
    assertEquals(
        merged,
        ResultReader.readSummary(tmp.resolve("merged")),
        "the reader reads back what the merger wrote");
  }

  @Test
  void refusesDirectoriesThatAreNotRuns() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RunMerger.merge(List.of(tmp, tmp.resolve("x")), tmp.resolve("out"), ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> RunMerger.merge(List.of(tmp), tmp.resolve("out"), ""));
  }

  private static Histogram read(Path log) throws Exception {
    Histogram sum = RunRecorder.newHistogram();
    HistogramLogReader reader = new HistogramLogReader(log.toFile());
    for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
      sum.add((Histogram) h);
    }
    reader.close();
    return sum;
  }
}
