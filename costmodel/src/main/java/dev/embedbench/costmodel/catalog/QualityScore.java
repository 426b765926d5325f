package dev.embedbench.costmodel.catalog;

import java.util.Objects;

/**
 * A published quality score.
 *
 * @param benchmark catalog key of the benchmark, such as {@code mmteb}, {@code mteb-en-v2}, {@code
 *     cmteb}
 * @param benchmarkName the benchmark as its publisher names it, for tables
 * @param score the mean over tasks, on the benchmark's 0-100 scale
 * @param source where it was published and when
 */
public record QualityScore(
    String benchmark, String benchmarkName, double score, SourceNote source) {

  public QualityScore {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(benchmarkName, "benchmarkName");
    Objects.requireNonNull(source, "source");
    if (!(score > 0 && score <= 100)) {
      throw new IllegalArgumentException("score must be in (0, 100], was " + score);
    }
  }
}
