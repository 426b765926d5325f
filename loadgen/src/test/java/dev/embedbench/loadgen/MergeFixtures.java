package dev.embedbench.loadgen;

import java.nio.file.Path;
import java.time.Duration;

/** Short real runs against a local server, for merge tests. */
final class MergeFixtures {

  private MergeFixtures() {}

  static Path run(Path dir, double rate) throws Exception {
    try (var server = SweepFixtures.server(0)) {
      var config =
          SweepFixtures.base(server, Duration.ofMillis(1200), Duration.ofMillis(200))
              .withRate("part", rate);
      new LoadRun(config, SweepFixtures.workload(), dir, SweepFixtures.home(), line -> {})
          .execute();
    }
    return dir;
  }
}
