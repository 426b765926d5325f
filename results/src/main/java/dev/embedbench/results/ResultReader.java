package dev.embedbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.config.ConfigFiles;
import dev.embedbench.config.ConfigNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one reader of run directories: {@code summary.json} into {@link RunSummary}, {@code
 * sweep.json} (with each step's own {@code summary.json}) into {@link SweepResult}. The fields
 * every use needs are checked first, so a bad file fails with its name, the dotted key and the
 * rule; the rest may be absent (older or hand-written files) and read as null, zero or empty. Runs
 * on the caller's thread, blocking file I/O.
 */
public final class ResultReader {

  public static final String SWEEP = "sweep.json";
  private static final List<String> PERCENTILES =
      List.of("p50", "p90", "p99", "p999", "max", "mean");

  private ResultReader() {}

  public static boolean isRunDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(RunFiles.SUMMARY));
  }

  public static boolean isSweepDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(SWEEP));
  }

  /** A run directory's {@code summary.json}. */
  public static RunSummary readSummary(Path runDir) {
    ConfigNode summary = read(runDir.resolve(RunFiles.SUMMARY));
    return bind(summary, checkedSummary(summary), RunSummary.class);
  }

  /**
   * The target's kind as written in a summary's {@code target.kind}; {@link TargetKind#UNKNOWN}
   * when unstated.
   */
  public static TargetKind kind(Path runDir, RunSummary summary) {
    try {
      return TargetKind.parse(summary.target().kind());
    } catch (IllegalArgumentException e) {
      throw ResultFileException.at(runDir.resolve(RunFiles.SUMMARY), "target.kind", e.getMessage());
    }
  }

  /**
   * A sweep directory's {@code sweep.json}. Each step's summary is read from its own run directory
   * (the step's {@code dir}; without one, the step directories in name order), not from the copy in
   * sweep.json.
   */
  public static SweepResult readSweep(Path sweepDir) {
    ConfigNode sweep = read(sweepDir.resolve(SWEEP));
    ConfigNode slo = sweep.object("slo");
    try {
      new Slo(slo.number("p99_ms"), slo.optionalNumber("max_error_rate").orElse(0.0));
    } catch (IllegalArgumentException e) {
      throw sweep.error("slo", e.getMessage());
    }
    if (!slo.has("max_error_rate")) {
      objectNode(slo).put("max_error_rate", 0.0);
    }
    // A sweep stopped during its probe has no step; its probe is its one run.
    List<ConfigNode> steps = sweep.list("steps");
    int stepCount = steps.size();
    List<Path> stepDirs = stepDirectories(sweepDir);
    String model = null;
    for (int i = 0; i < stepCount; i++) {
      ConfigNode step = steps.get(i);
      int index = i;
      Path stepDir =
          step.optionalText("dir")
              .map(sweepDir::resolve)
              .orElseGet(
                  () -> {
                    if (stepDirs.size() != stepCount) {
                      throw sweep.error(
                          "steps",
                          stepCount
                              + " steps but "
                              + stepDirs.size()
                              + " step directories holding summary.json, and no 'dir' key to match them");
                    }
                    return stepDirs.get(index);
                  });
      if (!isRunDirectory(stepDir)) {
        throw step.error("dir", "step directory " + stepDir + " has no " + RunFiles.SUMMARY);
      }
      step.bool("pass");
      if (step.has("reasons")) {
        step.list("reasons");
      }
      RunSummary summary = readSummary(stepDir);
      if (model != null && !model.equals(summary.target().model())) {
        throw sweep.error(
            "steps",
            "steps measure different models: '"
                + model
                + "' and '"
                + summary.target().model()
                + "'");
      }
      model = summary.target().model();
      ObjectNode node = objectNode(step);
      node.put("dir", sweepDir.relativize(stepDir).toString());
      node.set("summary", ResultJson.MAPPER.valueToTree(summary));
    }
    if (sweep.has("probe")) {
      ConfigNode probe = sweep.object("probe");
      Path probeDir = sweepDir.resolve(probe.text("dir"));
      if (isRunDirectory(probeDir)) {
        objectNode(probe).set("summary", ResultJson.MAPPER.valueToTree(readSummary(probeDir)));
      }
    }
    sweep.optionalNumber("best_rate");
    return bind(sweep, objectNode(sweep), SweepResult.class);
  }

  /**
   * Checks what every reader needs and fills what older writers left out; returns the node to bind.
   */
  private static ObjectNode checkedSummary(ConfigNode summary) {
    ConfigNode target = summary.object("target");
    target.text("model");
    try {
      TargetKind.parse(target.optionalText("kind").orElse(""));
    } catch (IllegalArgumentException e) {
      throw summary.error("target.kind", e.getMessage());
    }
    ConfigNode requests = summary.object("requests");
    long ok = requests.longValue("ok", 0, Long.MAX_VALUE);
    requests.longValue("scheduled", 0, Long.MAX_VALUE);
    long failedTotal = 0;
    if (requests.has("failed")) {
      ConfigNode failed = requests.object("failed");
      Iterator<String> classes = objectNode(failed).fieldNames();
      while (classes.hasNext()) {
        failedTotal += failed.longValue(classes.next(), 0, Long.MAX_VALUE);
      }
    }
    ObjectNode requestsNode = objectNode(requests);
    if (!requests.has("failed_total")) {
      requestsNode.put("failed_total", failedTotal);
    }
    if (!requests.has("not_sent")) {
      requestsNode.put("not_sent", 0);
    }
    if (!requests.has("sent")) {
      requestsNode.put("sent", ok + requests.longValue("failed_total", 0, Long.MAX_VALUE));
    }
    double achieved = summary.number("achieved_rate");
    if (achieved < 0) {
      throw summary.error("achieved_rate", "rates must be > 0");
    }
    if (summary.optionalNumber("target_rate").filter(rate -> rate <= 0).isPresent()) {
      throw summary.error("target_rate", "rates must be > 0");
    }
    for (String latency : List.of("response_time_ms", "service_time_ms")) {
      ConfigNode percentiles = summary.object(latency);
      PERCENTILES.forEach(percentiles::number);
    }
    for (String flag : List.of("valid", "partial")) {
      if (summary.has(flag)) {
        summary.bool(flag);
      }
    }
    if (!summary.has("valid")) {
      objectNode(summary).put("valid", true);
    }
    if (!summary.has("schema_version")) {
      objectNode(summary).put("schema_version", 1);
    }
    if (summary.has("files")) {
      ConfigNode files = summary.object("files");
      objectNode(files).fieldNames().forEachRemaining(files::optionalText);
    }
    return objectNode(summary);
  }

  private static ConfigNode read(Path file) {
    ConfigNode root = ConfigFiles.read(file, ResultFileException::at);
    if (!root.raw().isObject()) {
      throw ResultFileException.at(file, "", "must hold a JSON object");
    }
    return root;
  }

  /** The node itself, to be completed and bound once its fields are checked. */
  private static ObjectNode objectNode(ConfigNode fields) {
    return (ObjectNode) fields.raw();
  }

  private static <T> T bind(ConfigNode file, JsonNode node, Class<T> type) {
    try {
      return ResultJson.MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      String path =
          e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? pathOf(m) : "";
      Throwable root = e.getCause() != null ? e.getCause() : e;
      throw new ResultFileException(
          file.file()
              + (path.isEmpty() ? "" : ": key '" + path + "'")
              + ": "
              + (root.getMessage() == null ? e.getOriginalMessage() : root.getMessage()),
          e);
    }
  }

  private static String pathOf(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** Step directories, in name order, for sweeps whose steps name none; never the probe's. */
  private static List<Path> stepDirectories(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(Files::isDirectory)
          .filter(ResultReader::isRunDirectory)
          .filter(child -> !child.getFileName().toString().equals(RunFiles.PROBE_DIR))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ResultFileException(dir + ": cannot list step directories: " + e.getMessage(), e);
    }
  }
}
