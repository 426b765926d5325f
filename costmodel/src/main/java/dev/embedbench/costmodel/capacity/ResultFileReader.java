package dev.embedbench.costmodel.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embedbench.config.ConfigNode;
import dev.embedbench.costmodel.config.ConfigFiles;
import dev.embedbench.results.Bracket;
import dev.embedbench.results.Capacity;
import dev.embedbench.results.ResultJson;
import dev.embedbench.results.Slo;
import dev.embedbench.results.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a load-generator result: a run directory (its {@code sweep.json}, else {@code
 * summary.json}) or either file. Keys are compared lower-cased without punctuation, so {@code
 * best_rate}, {@code bestRate} and {@code BestRate} are one key; unknown keys are ignored.
 *
 * <ul>
 *   <li>Sweep: among the {@code steps} whose {@code pass} is true, and that also meet the
 *       scenario's SLO when the step records {@code p99_ms} and {@code error_rate}, the highest
 *       offered {@code rate} (else {@code achieved_rate}). Without steps, {@code best_rate}.
 *   <li>Run: {@code achieved_rate} (else {@code throughput.requests_per_s}) of a run whose {@code
 *       valid} is not false, when its p99 and error rate meet the scenario's SLO.
 *   <li>A sweep's {@code capacity} object, when present, is the answer whenever the sweep's SLO is
 *       at least as strict as the scenario's (or the caller gives none): the results module's
 *       {@link dev.embedbench.results.Capacity}, read as the load generator wrote it ({@code
 *       requests_per_s}, the median of repeats, with {@code min_}/{@code max_requests_per_s},
 *       {@code repeats}, {@code bracket} and {@code upper_bracket_requests_per_s}). Under a looser
 *       sweep SLO the steps are judged again against the scenario's, and the basis says so.
 *   <li>Without it, a sweep's capacity is bracketed when a step above the best passing rate failed,
 *       else a lower bound; one run's achieved rate is always a lower bound (nothing above it was
 *       tried).
 *   <li>What was measured: {@code target.kind} (in-process, remote, emulated; anything else is
 *       {@code unstated}); the model: {@code target.model}; inputs per request: {@code
 *       workload.inputs_per_request}; tokens per input: {@code mean_tokens_per_input}; both looked
 *       up in the steps too.
 * </ul>
 */
public final class ResultFileReader {

  private ResultFileReader() {}

  /** Reads with no SLO of the caller's: a step counts when the file says it passed. */
  public static MeasuredCapacity read(Path fileOrRunDir) {
    return read(fileOrRunDir, null);
  }

  public static MeasuredCapacity read(Path fileOrRunDir, Slo slo) {
    Path file = fileOrRunDir;
    if (Files.isDirectory(fileOrRunDir)) {
      file = fileOrRunDir.resolve("sweep.json");
      if (!Files.exists(file)) {
        file = fileOrRunDir.resolve("summary.json");
      }
    }
    ConfigNode root = ConfigFiles.read(file);
    JsonNode tree = root.raw();
    String kind =
        find(tree, "kind")
            .filter(JsonNode::isTextual)
            .map(k -> kindLabel(k.asText()))
            .orElse("unstated");
    String model =
        find(tree, "model").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    Double inputs =
        find(tree, "inputsperrequest")
            .filter(JsonNode::isNumber)
            .map(JsonNode::asDouble)
            .orElse(null);
    Double tokens =
        find(tree, "meantokensperinput")
            .filter(JsonNode::isNumber)
            .map(JsonNode::asDouble)
            .filter(t -> t > 0)
            .orElse(null);
    String fileSlo = sloLabel(field(tree, "slo"));

    JsonNode capacity = field(tree, "capacity");
    JsonNode steps = field(tree, "steps");
    boolean hasSteps = steps != null && steps.isArray();
    if (capacity != null
        && capacity.isObject()
        && (slo == null || sweepSloAtLeastAsStrict(tree, slo) || !hasSteps)) {
      return fromCapacity(root, capacity, fileSlo, tokens, kind, model, inputs);
    }
    if (hasSteps) {
      String rejudged =
          capacity != null && capacity.isObject()
              ? " (the sweep's capacity was measured under a looser SLO than the scenario's, so its steps are judged"
                  + " again)"
              : "";
      MeasuredCapacity m = fromSteps(root, steps, slo, fileSlo, tokens, kind, model, inputs);
      return rejudged.isEmpty() ? m : m.withBasis(m.basis() + rejudged);
    }
    if (hasKey(tree, "bestrate")) {
      JsonNode best = field(tree, "bestrate");
      if (best == null || !best.isNumber() || !(best.asDouble() > 0)) {
        throw root.error("best_rate", "the sweep found no rate that met its SLO" + fileSlo);
      }
      return MeasuredCapacity.single(
          best.asDouble(),
          CapacityBound.LOWER_BOUND,
          null,
          tokens,
          inputs,
          kind,
          model,
          true,
          "best_rate of the sweep" + fileSlo + " (no failing step recorded above it)",
          root.file().toString());
    }
    return fromRun(root, tree, slo, tokens, kind, model, inputs);
  }

  /** The load generator's capacity object, bound to the results module's record. */
  private static MeasuredCapacity fromCapacity(
      ConfigNode root,
      JsonNode node,
      String fileSlo,
      Double tokens,
      String kind,
      String model,
      Double inputs) {
    if (!node.path("requests_per_s").isNumber() || !(node.path("requests_per_s").asDouble() > 0)) {
      throw root.error(
          "capacity.requests_per_s", "the sweep found no rate that met its SLO" + fileSlo);
    }
    Capacity c;
    try {
      c = ResultJson.MAPPER.treeToValue(node, Capacity.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw root.error("capacity", cause.getMessage());
    }
    try {
      return new MeasuredCapacity(
          c.requestsPerS(),
          c.minRequestsPerS(),
          c.maxRequestsPerS(),
          c.repeats(),
          c.bracket() == Bracket.BRACKETED ? CapacityBound.BRACKETED : CapacityBound.LOWER_BOUND,
          c.upperBracketRequestsPerS(),
          c.meanTokensPerInput() > 0 ? c.meanTokensPerInput() : tokens,
          c.inputsPerRequest() > 0 ? (double) c.inputsPerRequest() : inputs,
          kind,
          model,
          true,
          "capacity of the sweep"
              + fileSlo
              + (c.repeats() > 1 ? ", median of " + c.repeats() + " searches" : ""),
          root.file().toString());
    } catch (IllegalArgumentException e) {
      throw root.error("capacity", e.getMessage());
    }
  }

  /**
   * Whether the sweep's own SLO is at least as strict as the scenario's: then its verdicts hold for
   * it.
   */
  private static boolean sweepSloAtLeastAsStrict(JsonNode tree, Slo slo) {
    JsonNode fileSlo = field(tree, "slo");
    if (fileSlo == null || !fileSlo.isObject()) {
      return false;
    }
    Optional<Double> p99 = number(fileSlo, "p99ms");
    if (p99.isEmpty() || !(p99.get() > 0)) {
      return false;
    }
    double errors = number(fileSlo, "maxerrorrate").orElse(0.0);
    return errors < 1 && new Slo(p99.get(), errors).atLeastAsStrictAs(slo);
  }

  /**
   * {@code target.kind} as the results module parses it; a kind it does not know, or unknown, is
   * unstated.
   */
  private static String kindLabel(String text) {
    try {
      TargetKind kind = TargetKind.parse(text);
      return kind.stated() ? kind.label() : "unstated";
    } catch (IllegalArgumentException e) {
      return "unstated";
    }
  }

  private static MeasuredCapacity fromSteps(
      ConfigNode root,
      JsonNode steps,
      Slo slo,
      String fileSlo,
      Double tokens,
      String kind,
      String model,
      Double inputs) {
    // Each step's rate and verdict, read once: the best passing rate, then the lowest failure above
    // it.
    record JudgedStep(double rate, boolean met) {}
    List<JudgedStep> judgedSteps = new ArrayList<>();
    for (JsonNode step : steps) {
      Optional<Double> rate = number(step, "rate").or(() -> number(step, "achievedrate"));
      boolean pass = field(step, "pass") != null && field(step, "pass").asBoolean(false);
      rate.ifPresent(r -> judgedSteps.add(new JudgedStep(r, pass && meets(step, slo))));
    }
    double best = 0;
    int passed = 0;
    for (JudgedStep step : judgedSteps) {
      if (step.met()) {
        passed++;
        best = Math.max(best, step.rate());
      }
    }
    double lowestFail = Double.POSITIVE_INFINITY;
    for (JudgedStep step : judgedSteps) {
      if (!step.met() && step.rate() > best) {
        lowestFail = Math.min(lowestFail, step.rate());
      }
    }
    if (passed == 0) {
      throw root.error(
          "steps",
          "no step met the SLO"
              + fileSlo
              + (slo == null ? "" : " and the scenario's " + slo.label())
              + ", so there is no capacity");
    }
    String judged = slo == null ? "passed" : "passed and met the scenario's " + slo.label();
    boolean bracketed = lowestFail < Double.POSITIVE_INFINITY;
    return MeasuredCapacity.single(
        best,
        bracketed ? CapacityBound.BRACKETED : CapacityBound.LOWER_BOUND,
        bracketed ? lowestFail : null,
        tokens,
        inputs,
        kind,
        model,
        true,
        "highest rate of "
            + passed
            + " of "
            + steps.size()
            + " sweep steps that "
            + judged
            + " (sweep SLO"
            + fileSlo
            + ")",
        root.file().toString());
  }

  private static MeasuredCapacity fromRun(
      ConfigNode root,
      JsonNode tree,
      Slo slo,
      Double tokens,
      String kind,
      String model,
      Double inputs) {
    Optional<Double> rate =
        number(tree, "achievedrate")
            .or(
                () ->
                    Optional.ofNullable(field(tree, "throughput"))
                        .flatMap(t -> number(t, "requestspers")));
    if (rate.isEmpty()) {
      throw root.error(
          "found no rate (expected best_rate or steps of a sweep, or achieved_rate of a run)");
    }
    JsonNode valid = field(tree, "valid");
    if (valid != null && !valid.asBoolean(true)) {
      throw root.error(
          "valid",
          "the run is marked invalid "
              + field(tree, "invalidreasons")
              + "; its rate is not a capacity");
    }
    Optional<Double> p99 =
        Optional.ofNullable(field(tree, "responsetimems")).flatMap(p -> number(p, "p99"));
    Optional<Double> errors = number(tree, "errorrate");
    if (slo != null && (p99.isEmpty() || errors.isEmpty())) {
      throw root.error("the run records no p99 or error rate to judge against " + slo.label());
    }
    if (slo != null && (p99.get() > slo.p99Millis() || errors.get() > slo.maxErrorRate())) {
      throw root.error(
          "the run missed the scenario's "
              + slo.label()
              + " (p99 "
              + p99.get()
              + " ms, errors "
              + errors.get()
              + "); its rate is not a capacity: sweep instead");
    }
    if (!(rate.get() > 0)) {
      throw root.error("achieved_rate", "must be > 0 to be a capacity, was " + rate.get());
    }
    return MeasuredCapacity.single(
        rate.get(),
        CapacityBound.LOWER_BOUND,
        null,
        tokens,
        inputs,
        kind,
        model,
        false,
        "achieved rate of one run"
            + (slo == null
                ? " (not judged against an SLO)"
                : " that met the scenario's " + slo.label()),
        root.file().toString());
  }

  private static boolean meets(JsonNode step, Slo slo) {
    if (slo == null) {
      return true;
    }
    boolean latencyOk = number(step, "p99ms").map(p -> p <= slo.p99Millis()).orElse(true);
    boolean errorsOk = number(step, "errorrate").map(e -> e <= slo.maxErrorRate()).orElse(true);
    return latencyOk && errorsOk;
  }

  private static String sloLabel(JsonNode slo) {
    if (slo == null || !slo.isObject()) {
      return "";
    }
    Optional<Double> p99 = number(slo, "p99ms");
    Optional<Double> errors = number(slo, "maxerrorrate");
    return p99.map(p -> " p99 <= " + p + " ms").orElse("")
        + errors.map(e -> ", errors <= " + e * 100 + "%").orElse("");
  }

  /** The value of a direct child whose normalised key is {@code key}, or null. */
  private static JsonNode field(JsonNode node, String key) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (norm(f.getKey()).equals(key) && !f.getValue().isNull()) {
        return f.getValue();
      }
    }
    return null;
  }

  private static boolean hasKey(JsonNode node, String key) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      if (norm(names.next()).equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Double> number(JsonNode node, String key) {
    JsonNode value = field(node, key);
    return value != null && value.isNumber() ? Optional.of(value.asDouble()) : Optional.empty();
  }

  /** Breadth-first: the shallowest value under {@code key}, in objects and arrays alike. */
  private static Optional<JsonNode> find(JsonNode tree, String key) {
    Deque<JsonNode> queue = new ArrayDeque<>();
    queue.add(tree);
    Predicate<JsonNode> container = n -> n.isObject() || n.isArray();
    while (!queue.isEmpty()) {
      JsonNode node = queue.poll();
      if (node.isObject()) {
        JsonNode own = field(node, key);
        if (own != null) {
          return Optional.of(own);
        }
      }
      node.elements()
          .forEachRemaining(
              child -> {
                if (container.test(child)) {
                  queue.add(child);
                }
              });
    }
    return Optional.empty();
  }

  private static String norm(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
