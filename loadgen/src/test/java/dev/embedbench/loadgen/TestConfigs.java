package dev.embedbench.loadgen;

import dev.embedbench.loadgen.schedule.ArrivalProcess;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.loadgen.workload.WorkloadEntry;
import dev.embedbench.loadgen.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Small configurations for runs against {@link TestEmbeddingServer}. */
final class TestConfigs {

  static final WorkloadSpec SPEC = new WorkloadSpec("inline", 2, null, null, null);
  static final Path HOME = Path.of("..").toAbsolutePath().normalize();

  private TestConfigs() {}

  static LoadConfig open(
      String url, double rate, int connections, Duration duration, Duration warmup) {
    return new LoadConfig(
        "test",
        url,
        TestEmbeddingServer.MODEL,
        "secret",
        new OpenLoop(
            rate,
            ArrivalProcess.CONSTANT,
            1,
            OpenLoop.DEFAULT_MAX_OUTSTANDING,
            Duration.ofMillis(50)),
        connections,
        duration,
        null,
        warmup,
        Duration.ofSeconds(5),
        SPEC,
        true,
        1);
  }

  static LoadConfig closed(
      String url, int concurrency, int connections, Duration duration, Long maxRequests) {
    return new LoadConfig(
        "test",
        url,
        TestEmbeddingServer.MODEL,
        null,
        new ClosedLoop(concurrency),
        connections,
        duration,
        maxRequests,
        Duration.ZERO,
        Duration.ofMillis(400),
        SPEC,
        true,
        1);
  }

  static Workload workload() {
    return Workload.fromEntries(
        "inline",
        List.of(
            WorkloadEntry.text("alpha beta"),
            WorkloadEntry.text("gamma"),
            WorkloadEntry.text("delta epsilon zeta")),
        SPEC,
        TestEmbeddingServer.MODEL);
  }
}
