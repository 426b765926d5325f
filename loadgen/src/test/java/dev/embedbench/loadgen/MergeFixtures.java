package dev.embedbench.loadgen;

import java.nio.file.Path;
import java.time.Duration;

/** Short real runs against a local server, for merge tests. */
final class MergeFixtures {

  private MergeFixtures() {}

  static Path run(Path dir, double rate) throws Exception {
    try (var server = SweepFixtures.server(0)) {
      LoadConfig base = SweepFixtures.base(server, Duration.ofMillis(1200), Duration.ofMillis(200));
      LoadConfig config =
          base.with("part", ((OpenLoop) base.mode()).withRate(rate), base.connections());
      new LoadRun(config, SweepFixtures.workload(), dir, SweepFixtures.home(), line -> {})
          .execute();
    }
    return dir;
  }
}
