package dev.embedbench.cli;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.config.ConfigException;
import dev.embedbench.costmodel.render.ConsoleRenderer;
import dev.embedbench.costmodel.render.CsvRenderer;
import dev.embedbench.costmodel.render.JsonRenderer;
import dev.embedbench.costmodel.scenario.MeasuredCapacities;
import dev.embedbench.costmodel.scenario.Scenario;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code embedbench cost}: prices a scenario's deployments side by side and audits its claims. */
@Command(
    name = "cost",
    mixinStandardHelpOptions = true,
    description = {
      "Turns capacity (measured by the load generator, or stated) into the unit cost at capacity (USD per"
          + " million requests and tokens, the saving against the baseline), then replicas, GPU-hours and"
          + " dollars for the demand and from 1/100 to 100x it, with sensitivity and roofline; audits the"
          + " scenario's published claims.",
      "With no options: the article scenario (configs/scenarios/article-qwen3.yaml), stated figures."
    })
public final class CostCommand implements Callable<Integer> {

  static final String DEFAULT_SCENARIO = "configs/scenarios/article-qwen3.yaml";

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description =
          "Scenario YAML (default: configs/scenarios/article-qwen3.yaml under the embedbench"
              + " home, else the copy bundled in the jar).")
  Path scenarioFile;

  @Option(
      names = "--capacity",
      paramLabel = "[ID=]PATH",
      description =
          "A load-generator result (run directory, sweep.json or summary.json). ID=PATH replaces"
              + " deployment ID's capacity; PATH or MODEL=PATH adds a measured deployment. Repeatable.")
  List<String> capacities = new ArrayList<>();

  @Option(
      names = "--gpu",
      paramLabel = "GPU",
      description =
          "Catalog GPU the --capacity results were measured on (default: the GPU of the"
              + " scenario's deployment of that model).")
  String gpu;

  @Option(
      names = "--baseline",
      paramLabel = "ID",
      description =
          "Deployment to measure savings against" + " (default: the scenario's baseline).")
  String baseline;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "Print the analysis as JSON.")
    boolean json;

    @Option(
        names = "--csv",
        description =
            "Print CSV: unit costs, fleet rows, fleet across demand, break-even"
                + " demands, audit findings, sensitivity cases.")
    boolean csv;
  }

  @Override
  public Integer call() {
    try {
      Scenario scenario = loadScenario();
      for (String capacity : capacities) {
        scenario = MeasuredCapacities.apply(scenario, capacity, gpu);
      }
      if (baseline != null) {
        scenario = scenario.withDeployments(scenario.deployments(), baseline);
      }
      CostAnalysis analysis = CostAnalysis.of(scenario);
      String text =
          format.json
              ? JsonRenderer.render(analysis)
              : format.csv ? CsvRenderer.render(analysis) : ConsoleRenderer.render(analysis);
      System.out.print(text.endsWith("\n") ? text : text + "\n");
      return 0;
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("embedbench cost: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      // A bug, not bad input: still one line, never a stack trace.
      System.err.println("embedbench cost: internal error: " + e);
      return 70;
    }
  }

  private Scenario loadScenario() {
    if (scenarioFile != null) {
      return ScenarioLoader.load(resolve(scenarioFile));
    }
    Path onDisk = home().resolve(DEFAULT_SCENARIO);
    return Files.exists(onDisk) ? ScenarioLoader.load(onDisk) : ScenarioLoader.loadBundledArticle();
  }

  private static Path resolve(Path file) {
    return file.isAbsolute() || Files.exists(file) ? file : home().resolve(file);
  }

  private static Path home() {
    String home = System.getProperty("embedbench.home");
    return Path.of(home == null ? "." : home);
  }
}
