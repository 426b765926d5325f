package dev.embedbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    JsonFields summary = JsonFields.read(runDir.resolve(RunFiles.SUMMARY));
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
    JsonFields sweep = JsonFields.read(sweepDir.resolve(SWEEP));
    JsonFields slo = sweep.object("slo");
    try {
      new Slo(slo.number("p99_ms"), slo.optionalNumber("max_error_rate").orElse(0.0));
    } catch (IllegalArgumentException e) {
      throw sweep.error("slo", e.getMessage());
    }
    if (!slo.has("max_error_rate")) {
      slo.objectNode().put("max_error_rate", 0.0);
    }
    // A sweep stopped during its probe has no step; its probe is its one run.
    int stepCount = sweep.arraySize("steps");
    List<Path> stepDirs = stepDirectories(sweepDir);
    String model = null;
    ArrayNode steps = (ArrayNode) sweep.objectNode().get("steps");
    for (int i = 0; i < stepCount; i++) {
      JsonFields step = sweep.element("steps", i);
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
        step.arraySize("reasons");
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
      ObjectNode node = (ObjectNode) steps.get(i);
      node.put("dir", sweepDir.relativize(stepDir).toString());
      node.set("summary", ResultJson.MAPPER.valueToTree(summary));
    }
    if (sweep.has("probe")) {
      JsonFields probe = sweep.object("probe");
      Path probeDir = sweepDir.resolve(probe.text("dir"));
      if (isRunDirectory(probeDir)) {
        probe.objectNode().set("summary", ResultJson.MAPPER.valueToTree(readSummary(probeDir)));
      }
    }
    sweep.optionalNumber("best_rate");
    return bind(sweep, sweep.objectNode(), SweepResult.class);
  }

  /**
   * Checks what every reader needs and fills what older writers left out; returns the node to bind.
   */
  private static ObjectNode checkedSummary(JsonFields summary) {
    JsonFields target = summary.object("target");
    target.text("model");
    try {
      TargetKind.parse(target.optionalText("kind").orElse(""));
    } catch (IllegalArgumentException e) {
      throw summary.error("target.kind", e.getMessage());
    }
    JsonFields requests = summary.object("requests");
    long ok = requests.count("ok");
    requests.count("scheduled");
    long failedTotal = 0;
    if (requests.has("failed")) {
      JsonFields failed = requests.object("failed");
      Iterator<String> classes = failed.objectNode().fieldNames();
      while (classes.hasNext()) {
        failedTotal += failed.count(classes.next());
      }
    }
    ObjectNode requestsNode = requests.objectNode();
    if (!requests.has("failed_total")) {
      requestsNode.put("failed_total", failedTotal);
    }
    if (!requests.has("not_sent")) {
      requestsNode.put("not_sent", 0);
    }
    if (!requests.has("sent")) {
      requestsNode.put("sent", ok + requests.count("failed_total"));
    }
    double achieved = summary.number("achieved_rate");
    if (achieved < 0) {
      throw summary.error("achieved_rate", "rates must be > 0");
    }
    if (summary.optionalNumber("target_rate").filter(rate -> rate <= 0).isPresent()) {
      throw summary.error("target_rate", "rates must be > 0");
    }
    for (String latency : List.of("response_time_ms", "service_time_ms")) {
      JsonFields percentiles = summary.object(latency);
      PERCENTILES.forEach(percentiles::number);
    }
    for (String flag : List.of("valid", "partial")) {
      if (summary.has(flag)) {
        summary.bool(flag);
      }
    }
    if (!summary.has("valid")) {
      summary.objectNode().put("valid", true);
    }
    if (!summary.has("schema_version")) {
      summary.objectNode().put("schema_version", 1);
    }
    if (summary.has("files")) {
      JsonFields files = summary.object("files");
      files.objectNode().fieldNames().forEachRemaining(files::optionalText);
    }
    return summary.objectNode();
  }

  private static <T> T bind(JsonFields file, JsonNode node, Class<T> type) {
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
