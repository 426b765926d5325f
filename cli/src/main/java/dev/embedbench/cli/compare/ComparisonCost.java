package dev.embedbench.cli.compare;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.catalog.SourceNote;
import dev.embedbench.costmodel.config.ConfigException;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.MeasuredCapacities;
import dev.embedbench.costmodel.scenario.Policy;
import dev.embedbench.costmodel.scenario.Scenario;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import dev.embedbench.costmodel.scenario.TokenRescale;
import dev.embedbench.loadgen.workload.TokenRange;
import dev.embedbench.results.Slo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prices a comparison: the cost scenario with the comparison's SLO and workload shape, each
 * emulated model's measured capacity in place of its deployment's stated one, and the scenario's
 * claim audit.
 *
 * <p>A model without a {@code deployment} (the in-process CPU model) is not priced: a capacity
 * measured on this machine's CPU says nothing about a GPU's, and the cost model prices GPUs only.
 */
public final class ComparisonCost {

  /** The analysis and what the console and report should say about how it was made. */
  public record Outcome(CostAnalysis analysis, List<String> notes) {
    public Outcome {
      notes = List.copyOf(notes);
    }
  }

  private ComparisonCost() {}

  /**
   * @param sweepDirs each model's sweep directory, for the models whose sweep ran
   * @throws ConfigException when the scenario cannot be read
   */
  public static Outcome price(CompareConfig config, Map<String, Path> sweepDirs) {
    List<String> notes = new ArrayList<>();
    Scenario scenario = adapt(ScenarioLoader.load(config.scenario()), config, notes);
    for (ModelPlan model : config.models()) {
      Path dir = sweepDirs.get(model.name());
      if (model.deployment() == null) {
        notes.add(
            model.name()
                + ": not priced: the config names no deployment for it"
                + (model.emulated()
                    ? ""
                    : " (a capacity measured in-process on this machine, e.g. its CPU, is not a GPU capacity);"
                        + " its rates are in the model table"));
        continue;
      }
      if (dir == null) {
        notes.add(
            model.name()
                + ": its sweep did not run; "
                + model.deployment()
                + " keeps its stated capacity");
        continue;
      }
      try {
        scenario = MeasuredCapacities.apply(scenario, model.deployment() + "=" + dir, model.gpu());
      } catch (IllegalArgumentException | ConfigException e) {
        notes.add(
            model.name()
                + ": no measured capacity ("
                + e.getMessage()
                + "); "
                + model.deployment()
                + " keeps its stated capacity");
      }
    }
    if (config.baseline() != null) {
      scenario = scenario.withDeployments(scenario.deployments(), config.baseline());
    }
    return new Outcome(CostAnalysis.of(rescaleOtherLengths(scenario, notes)), notes);
  }

  /**
   * Capacities at another token length than the measured workload's (the article's 180/s at 128
   * tokens) are rescaled linearly to it, with a note, and every figure built on them says so; never
   * silently.
   */
  static Scenario rescaleOtherLengths(Scenario scenario, List<String> notes) {
    int tokens = scenario.demand().tokensPerInput();
    List<String> otherLengths =
        scenario.deployments().stream()
            .filter(
                x ->
                    x.capacity().tokensPerInput() != null
                        && Math.abs(x.capacity().tokensPerInput() - tokens) >= 0.5)
            .map(x -> x.id() + " (" + trim(x.capacity().tokensPerInput()) + " tokens)")
            .toList();
    if (otherLengths.isEmpty() || scenario.policy().tokenRescale() != TokenRescale.NONE) {
      return scenario;
    }
    notes.add(
        "capacities at another token length rescaled to "
            + tokens
            + " tokens: "
            + otherLengths
            + "; rule: "
            + TokenRescale.LINEAR.rule()
            + "; each such row says 'rescaled'");
    return scenario.withPolicy(scenario.policy().withTokenRescale(TokenRescale.LINEAR));
  }

  /**
   * The scenario's demand and policy under the comparison's SLO and workload shape, noting each
   * change.
   */
  static Scenario adapt(Scenario scenario, CompareConfig config, List<String> notes) {
    Demand d = scenario.demand();
    double requestsPerDay =
        config.requestsPerDay() != null ? config.requestsPerDay() : d.requestsPerDay();
    TokenRange tokens = config.workload().tokens();
    int tokensPerInput =
        tokens != null ? (tokens.minTokens() + tokens.maxTokens()) / 2 : d.tokensPerInput();
    int inputs = config.workload().inputsPerRequest();
    if (tokensPerInput != d.tokensPerInput() || inputs != d.inputsPerRequest()) {
      notes.add(
          String.format(
              Locale.ROOT,
              "demand priced at the measured workload's %d input(s) of %d tokens per"
                  + " request (the scenario states %s of %d)",
              inputs,
              tokensPerInput,
              trim(d.inputsPerRequest()),
              d.tokensPerInput()));
    }
    SourceNote source = d.source();
    Demand demand =
        new Demand(
            requestsPerDay, d.hourlyShares(), d.peakToAverage(), inputs, tokensPerInput, source);
    Policy p = scenario.policy();
    Slo slo = new Slo(config.slo().p99Millis(), config.slo().maxErrorRate());
    if (!slo.equals(p.slo())) {
      notes.add(
          String.format(
              Locale.ROOT,
              "capacities judged against the comparison's SLO p99 <= %s ms, errors <="
                  + " %s%% (the scenario states p99 <= %s ms)",
              trim(slo.p99Millis()),
              trim(100 * slo.maxErrorRate()),
              trim(p.slo().p99Millis())));
    }
    Policy policy =
        new Policy(p.targetUtilisation(), p.minReplicas(), p.scaling(), slo, p.tokenRescale());
    return new Scenario(
        scenario.name(),
        scenario.file(),
        scenario.description(),
        scenario.source(),
        demand,
        policy,
        scenario.qualityBenchmark(),
        scenario.baselineId(),
        scenario.deployments(),
        scenario.claims(),
        scenario.gpus(),
        scenario.models());
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
