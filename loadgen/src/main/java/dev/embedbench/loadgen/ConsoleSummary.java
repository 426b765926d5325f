package dev.embedbench.loadgen;

import dev.embedbench.results.Percentiles;
import dev.embedbench.results.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The short human summary printed at the end of a run. */
public final class ConsoleSummary {

  private ConsoleSummary() {}

  public static List<String> lines(RunSummary s, Path dir) {
    List<String> lines = new ArrayList<>();
    String shape =
        "open".equals(s.mode())
            ? String.format(
                Locale.ROOT, "open loop, %s arrivals at %.2f req/s", s.arrival(), s.targetRate())
            : String.format(Locale.ROOT, "closed loop, concurrency %d", s.concurrency());
    lines.add(
        String.format(
            Locale.ROOT,
            "%s -> %s model %s (kind: %s), %d connections, %.1f s measured after %.1f s"
                + " warm-up",
            shape,
            s.target().url(),
            s.target().model(),
            s.target().kind(),
            s.connections(),
            s.measuredS(),
            s.warmupS()));
    StringJoiner failures = new StringJoiner(", ", " (", ")");
    failures.setEmptyValue("");
    s.requests().failed().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> failures.add(e.getKey() + "=" + e.getValue()));
    lines.add(
        String.format(
            Locale.ROOT,
            "requests: %d scheduled, %d ok, %d failed%s, %d not sent; error rate %.2f%%",
            s.requests().scheduled(),
            s.requests().ok(),
            s.requests().failedTotal(),
            failures,
            s.requests().notSent(),
            100 * s.errorRate()));
    lines.add(
        String.format(
            Locale.ROOT,
            "rate: sent %.2f req/s; ok %.2f req/s, %.2f inputs/s, %.0f tokens/s (%s)",
            s.achievedRate(),
            s.throughput().requestsPerS(),
            s.inputsPerS(),
            s.tokensPerS(),
            tokenLabel(s)));
    lines.add(latency("response time (corrected)", s.responseTimeMs()));
    lines.add(latency("service time             ", s.serviceTimeMs()));
    if ("open".equals(s.mode())) {
      lines.add(latency("schedule lag             ", s.scheduleLagMs()));
    }
    s.failureSamples().forEach((kind, detail) -> lines.add("first " + kind + ": " + detail));
    lines.add(
        s.valid()
            ? "result: VALID measurement (the generator kept its schedule)"
            : "result: INVALID - " + String.join("; ", s.invalidReasons()));
    if (s.requests().ok() == 0) {
      lines.add("result: NO REQUEST SUCCEEDED - see the failures above");
    }
    if (s.partial()) {
      lines.add("result: PARTIAL - " + s.partialReason());
    }
    lines.add("files: " + dir);
    return lines;
  }

  /** {@code estimated}, or {@code exact, tokenizer /path/tokenizer.json}. */
  private static String tokenLabel(RunSummary s) {
    return s.tokenizer() == null
        ? s.tokenCount()
        : s.tokenCount() + ", tokenizer " + s.tokenizer().file();
  }

  private static String latency(String label, Percentiles p) {
    return String.format(
        Locale.ROOT,
        "%s ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f  (n=%d)",
        label,
        p.p50(),
        p.p90(),
        p.p99(),
        p.p999(),
        p.max(),
        p.mean(),
        p.count());
  }
}
