package dev.embedbench.cli.compare;

import dev.embedbench.loadgen.ClosedLoop;
import dev.embedbench.loadgen.LoadConfig;
import dev.embedbench.loadgen.OpenLoop;
import dev.embedbench.loadgen.driver.TargetClient;
import dev.embedbench.loadgen.schedule.ArrivalProcess;
import java.time.Duration;
import java.util.Locale;

/**
 * The load a comparison puts on the gateway: the unmeasured warm-up, and each sweep's first step.
 */
final class ComparisonLoadConfigs {

  /** Unmeasured traffic to each emulated route before the first sweep. */
  static final Duration WARM_UP = Duration.ofMillis(1500);

  private ComparisonLoadConfigs() {}

  /** Two requests in flight for {@link #WARM_UP}, closed loop; its results are thrown away. */
  static LoadConfig warmUp(CompareConfig config, String baseUrl, ModelPlan model) {
    return new LoadConfig(
        "warmup",
        TargetClient.normalise(baseUrl),
        model.name(),
        null,
        new ClosedLoop(2),
        2,
        WARM_UP,
        null,
        Duration.ZERO,
        ComparisonGateway.TARGET_TIMEOUT,
        config.workload(),
        true,
        LoadConfig.DEFAULT_READ_VALUES_EVERY);
  }

  /** The open-loop step a model's sweep starts from; the sweep moves its rate. */
  static LoadConfig sweepStart(CompareConfig config, String baseUrl, ModelPlan model) {
    return new LoadConfig(
        "compare-" + model.name().toLowerCase(Locale.ROOT),
        TargetClient.normalise(baseUrl),
        model.name(),
        null,
        new OpenLoop(
            model.sweep().startRate(),
            ArrivalProcess.CONSTANT,
            1,
            OpenLoop.DEFAULT_MAX_OUTSTANDING,
            config.maxScheduleLagP99()),
        1,
        model.stepDuration() != null ? model.stepDuration() : config.stepDuration(),
        null,
        config.stepWarmup(),
        ComparisonGateway.TARGET_TIMEOUT,
        config.workload(),
        true,
        LoadConfig.DEFAULT_READ_VALUES_EVERY);
  }
}
