package dev.embedbench.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embedbench.testsupport.env.RepositoryHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A comparison stopped half-way (as Ctrl-C's shutdown hook does) still leaves a valid report,
 * marked partial: the interrupted sweep keeps its finished steps, the models after it are listed as
 * not run.
 */
@ExtendWith(RepositoryHome.class)
class ComparisonInterruptTest {

  static final Path HOME = RepositoryHome.path();

  @TempDir Path tmp;

  @Test
  void stopMidSweepWritesAPartialReport() throws Exception {
    CompareConfig full =
        CompareConfigLoader.load(HOME.resolve("configs/compare/article.yaml"), true);
    List<ModelPlan> emulated = full.models().stream().filter(ModelPlan::emulated).limit(2).toList();
    CompareConfig config =
        new CompareConfig(
            full.file(),
            full.title(),
            full.scenario(),
            full.requestsPerDay(),
            full.baseline(),
            full.workload(),
            full.slo(),
            full.stepDuration(),
            full.stepWarmup(),
            full.maxScheduleLagP99(),
            full.connections(),
            emulated,
            true);
    AtomicBoolean stopping = new AtomicBoolean();
    ComparisonRun[] run = new ComparisonRun[1];
    run[0] =
        new ComparisonRun(
            config,
            HOME,
            new SyntheticCheckpoints(tmp.resolve("cache"), null),
            line -> {
              // After the first step of the first model, stop during its second step.
              if (line.contains("step  1") && stopping.compareAndSet(false, true)) {
                Thread stopper =
                    new Thread(
                        () -> {
                          try {
                            Thread.sleep(700);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          run[0].stop("interrupted (test)");
                        });
                stopper.start();
              }
            });
    Path runDir = tmp.resolve("run");
    ComparisonRun.Result result = run[0].run(runDir);

    assertTrue(result.partial());
    ObjectMapper json = new ObjectMapper();
    JsonNode file = json.readTree(runDir.resolve(ComparisonRun.RUN_FILE).toFile());
    assertTrue(file.get("partial").asBoolean());
    assertEquals("interrupted (test)", file.get("stop_reason").asText());
    assertEquals("partial", file.at("/models/0/status").asText());
    assertEquals("not run", file.at("/models/1/status").asText());
    JsonNode sweep =
        json.readTree(runDir.resolve(emulated.get(0).name()).resolve("sweep.json").toFile());
    assertTrue(sweep.get("partial").asBoolean(), sweep.toString());
    assertTrue(
        sweep.get("steps").size() >= 2, "the first step is kept, the second stopped: " + sweep);
    assertFalse(Files.exists(runDir.resolve(emulated.get(1).name())));
    String html = Files.readString(result.report().html(), StandardCharsets.UTF_8);
    assertTrue(
        html.contains("PARTIAL: interrupted (test)"), "the report's title says it is partial");
    assertTrue(
        Files.readString(runDir.resolve("report-models.csv")).contains(emulated.get(0).name()));
  }
}
