package dev.embedbench.backends.qwen3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU kit (bench/gpu/) on this machine, up to where a GPU is needed: build-kit.sh from the
 * classes this build compiled, its size against the device tool's budget, then run.sh --until-gpu,
 * which runs every later step (checkpoint generation, DJL pointed at a libtorch by
 * PYTORCH_LIBRARY_PATH with the JNI in DJL's cache, correctness and the timing protocol) on CPU
 * libtorch with the kit's own trimmed Java runtime.
 */
class GpuKitTest {

  private static final long BUILD_LIMIT_SECONDS = 180;
  private static final long RUN_LIMIT_SECONDS = 300;
  private static final double BUDGET_MIB = 48;

  private record Outcome(int exitCode, String output) {}

  @Test
  void kitBuildsWithinBudgetAndRunsEveryStepBeforeTheGpu(@TempDir Path temp) throws Exception {
    Path root = repositoryRoot();
    assumeTrue(
        onPath("python3"),
        "python3 is not installed: run.sh needs it; the GPU kit test is skipped");
    Path kit = temp.resolve("kit");

    Outcome build =
        run(
            root,
            BUILD_LIMIT_SECONDS,
            Map.of(),
            "bash",
            "bench/gpu/build-kit.sh",
            "--reuse-build",
            "--out",
            kit.toString());
    assertEquals(0, build.exitCode(), "build-kit.sh failed:\n" + build.output());
    String manifest = Files.readString(kit.resolve("MANIFEST.txt"));
    double travelMib = number(manifest, "travel-total-mib: ([0-9.]+)");
    assertTrue(
        travelMib > 10 && travelMib <= BUDGET_MIB,
        "kit plus working tree must fit "
            + BUDGET_MIB
            + " MiB of the device tool's 64, was "
            + travelMib);
    assertTrue(
        Files.isExecutable(kit.resolve("jre/bin/java")), "no trimmed Java runtime in the kit");
    assertTrue(
        Files.isRegularFile(kit.resolve("jre/include/linux/jni_md.h")),
        "the JNI build needs jni_md.h");
    boolean jniSources = manifest.contains("djl-jni-sources: present");
    if (jniSources) {
      assertTrue(
          Files.isRegularFile(
              kit.resolve(
                  "djl/engines/pytorch/pytorch-native/build/include/ai_djl_pytorch_jni_PyTorchLibrary.h")));
      assertTrue(
          Files.isRegularFile(kit.resolve("djl/engines/pytorch/pytorch-native/CMakeLists.txt")));
      assertTrue(Files.isRegularFile(kit.resolve("djl/api/src/main/native/djl/utils.h")));
    } else {
      // A clean checkout without the fetched DJL sources: the kit says what it skipped.
      assertTrue(build.output().contains("SKIPPED the DJL JNI sources"), build.output());
      System.out.println(
          "GpuKitTest: no DJL checkout here, so the kit was built without the JNI sources"
              + " and header (build-kit.sh says so); everything else is checked");
    }
    try (var jars = Files.list(kit.resolve("lib"))) {
      List<String> names = jars.map(jar -> jar.getFileName().toString()).toList();
      assertTrue(names.contains("embedbench-gpu-bench.jar"), names.toString());
      assertFalse(
          names.stream()
              .anyMatch(
                  name ->
                      name.contains("pytorch-native")
                          || name.contains("pytorch-jni")
                          || name.contains("tokenizers")
                          || name.contains("vertx")),
          "natives or serving jars in the kit: " + names);
    }

    Path out = temp.resolve("out");
    Outcome dryRun =
        run(
            root,
            RUN_LIMIT_SECONDS,
            Map.of("EMBEDBENCH_GPU_WORK", temp.resolve("work").toString()),
            "bash",
            "bench/gpu/run.sh",
            "--until-gpu",
            "--kit",
            kit.toString(),
            "--out",
            out.toString(),
            "--budget-seconds",
            "240");
    assertEquals(0, dryRun.exitCode(), "run.sh --until-gpu failed:\n" + dryRun.output());
    JsonNode result = new ObjectMapper().readTree(out.resolve("gpu-bench.json").toFile());
    assertEquals("cpu-dry-run", result.get("mode").asText());
    assertTrue(result.get("complete").asBoolean(), result.toPrettyString());
    assertTrue(result.get("jni").get("built").asBoolean(), result.get("jni").toString());
    assertTrue(
        result
            .get("jni")
            .get("detail")
            .asText()
            .contains(jniSources ? "the kit holds DJL's JNI sources and header" : "LACKS"),
        result.get("jni").toString());

    JsonNode correctness = result.get("correctness");
    JsonNode model = correctness.get("model");
    // The dry run compares CPU fp32 with itself, so what it checks is the plumbing and that a
    // vector
    // does not change when it shares a padded batch with a 2048-token input.
    assertEquals("CPU fp32", correctness.get("fastPath").asText());
    assertTrue(model.get("meetsCosineGoal").asBoolean(), model.toString());
    assertEquals(
        26,
        model.get("vectorsCompared").asInt(),
        "8 short + 1 long input, alone, short batch, mixed batch");
    assertTrue(
        model.get("cases").get(0).get("vectors").get(8).get("tokens").asInt() >= 2000,
        "a long input of at least 2000 tokens");
    JsonNode tiny = correctness.get("tinyModel");
    assertTrue(tiny.get("meetsCosineGoal").asBoolean(), tiny.toString());
    assertEquals(2, tiny.get("cases").size(), "fp32 and fp16, each against the double reference");
    assertTrue(
        tiny.get("cases").get(0).get("vectors").get(0).get("maxAbsDiff").asDouble() < 1e-5,
        "DJL fp32 against the double reference: " + tiny);
    assertTrue(
        correctness
            .get("engine")
            .get("libtorchDirectory")
            .asText()
            .contains("gpu-kit-cpu-libtorch"),
        "DJL must load the libtorch PYTORCH_LIBRARY_PATH names: " + correctness.get("engine"));

    JsonNode small = result.get("speed").get("small");
    assertEquals("complete", small.get("status").asText());
    assertEquals(4, small.get("cells").size());
    for (JsonNode cell : small.get("cells")) {
      JsonNode djl = cell.get("summary").get("djl");
      assertEquals(3, djl.get("rounds").asInt(), cell.toString());
      assertTrue(djl.get("inputs_per_second_median").asDouble() > 0, cell.toString());
    }
    assertTrue(small.get("pytorch_fp16").get("failed").asText().contains("not run"));
    String markdown = Files.readString(out.resolve("gpu-bench.md"));
    assertTrue(markdown.contains("NOT a GPU result"), markdown);
  }

  @Test
  void driverBookkeepingPassesItsPythonTests() throws Exception {
    assumeTrue(onPath("python3"), "python3 is not installed: gpu_bench.py's tests are skipped");
    Outcome tests =
        run(
            repositoryRoot(),
            60,
            Map.of(),
            "python3",
            "-m",
            "unittest",
            "discover",
            "-s",
            "bench/gpu",
            "-p",
            "test_*.py");
    assertEquals(0, tests.exitCode(), tests.output());
    assertTrue(tests.output().contains("OK"), tests.output());
  }

  private static Outcome run(
      Path root, long limitSeconds, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Path log = Files.createTempFile("gpu-kit-test", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail(
          String.join(" ", command)
              + " ran past "
              + limitSeconds
              + " s:\n"
              + Files.readString(log));
    }
    String output = Files.readString(log);
    Files.delete(log);
    return new Outcome(process.exitValue(), output);
  }

  private static double number(String text, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(text);
    assertTrue(matcher.find(), "no '" + pattern + "' in:\n" + text);
    return Double.parseDouble(matcher.group(1));
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("bench/gpu/build-kit.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "bench/gpu/build-kit.sh not found above " + Path.of("").toAbsolutePath());
  }
}
