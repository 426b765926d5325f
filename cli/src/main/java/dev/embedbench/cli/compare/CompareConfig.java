package dev.embedbench.cli.compare;

import dev.embedbench.loadgen.workload.WorkloadSpec;
import dev.embedbench.results.Slo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A comparison: the models to sweep, the one workload and SLO they share, and the cost scenario
 * that prices them. Read by {@link CompareConfigLoader}; {@code --quick} is applied at load.
 *
 * @param file the YAML file it came from
 * @param scenario the cost model's scenario (demand, prices, baseline, the article's claims)
 * @param requestsPerDay the demand to price, or null for the scenario's
 * @param baseline the deployment savings are measured against, or null for the scenario's
 * @param stepDuration measured time of each sweep step
 * @param stepWarmup warm-up before each step, excluded from results
 * @param maxScheduleLagP99 a step whose own send schedule lagged more than this at p99 is invalid
 * @param connections the load generator's most connections, at every step: enough that requests
 *     queue in the server, not in the client's pool, at the slowest model's latency
 * @param quick whether the quick settings were applied
 */
public record CompareConfig(
    Path file,
    String title,
    Path scenario,
    Double requestsPerDay,
    String baseline,
    WorkloadSpec workload,
    Slo slo,
    Duration stepDuration,
    Duration stepWarmup,
    Duration maxScheduleLagP99,
    int connections,
    List<ModelPlan> models,
    boolean quick) {

  public CompareConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(slo, "slo");
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1, was " + connections);
    }
    models = List.copyOf(models);
    if (models.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one model");
    }
    if (models.stream().map(ModelPlan::name).distinct().count() != models.size()) {
      throw new IllegalArgumentException("model names must be unique");
    }
  }

  /**
   * The same comparison with the in-process model(s) loading {@code modelPath} ({@code
   * --model-path}).
   */
  public CompareConfig withModelPath(Path modelPath) {
    List<ModelPlan> changed =
        models.stream()
            .map(
                m ->
                    m.inProcess() == null
                        ? m
                        : new ModelPlan(
                            m.name(),
                            null,
                            m.inProcess().withModelPath(modelPath),
                            m.deployment(),
                            m.gpu(),
                            m.sweep(),
                            m.stepDuration()))
            .toList();
    return new CompareConfig(
        file,
        title,
        scenario,
        requestsPerDay,
        baseline,
        workload,
        slo,
        stepDuration,
        stepWarmup,
        maxScheduleLagP99,
        connections,
        changed,
        quick);
  }
}
