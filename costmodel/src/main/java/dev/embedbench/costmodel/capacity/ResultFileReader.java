package dev.embedbench.costmodel.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embedbench.costmodel.config.ConfigFiles;
import dev.embedbench.costmodel.config.ConfigNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a load-generator result: a run directory (its {@code sweep.json}, else {@code summary.json}) or
 * either file. Keys are compared lower-cased without punctuation, so {@code maxRateMeetingSlo},
 * {@code max_rate_meeting_slo} and {@code maxRateMeetingSLO} are the same key.
 *
 * <ul>
 *   <li>Capacity, first match wins: a number whose key names a rate ({@code rate}, {@code throughput},
 *       {@code capacity}) together with the SLO ({@code slo}, {@code pass}, {@code sustain},
 *       {@code held}); else the highest achieved (else offered) rate among the entries of a list whose
 *       boolean SLO flag ({@code metSlo}, {@code passed}, {@code ok}...) is true; else, in a summary,
 *       the achieved throughput, refused when the file says the SLO was missed.
 *   <li>What was measured: the first {@code kind} / {@code backendKind} whose value is in-process,
 *       remote or emulated; {@code unstated} otherwise.
 *   <li>Model: the first {@code model}; inputs per request: the first {@code inputsPerRequest}.
 * </ul>
 */
public final class ResultFileReader {

  private static final Set<String> KINDS = Set.of("in-process", "remote", "emulated");
  private static final String[] RATE_WORDS = {"rate", "throughput", "capacity", "persec"};
  private static final String[] SLO_WORDS = {"slo", "pass", "sustain", "held"};
  private static final String[] EXCLUDED_WORDS = {"error", "fail", "latency", "millis", "nanos",
      "micros", "duration", "target"};

  private ResultFileReader() {}

  public static MeasuredCapacity read(Path fileOrRunDir) {
    Path file = fileOrRunDir;
    if (Files.isDirectory(fileOrRunDir)) {
      file = fileOrRunDir.resolve("sweep.json");
      if (!Files.exists(file)) {
        file = fileOrRunDir.resolve("summary.json");
      }
    }
    ConfigNode root = ConfigFiles.read(file);
    JsonNode tree = root.raw();
    String kind = firstText(tree, Set.of("kind", "backendkind"), KINDS).orElse("unstated");
    String model = firstText(tree, Set.of("model"), null).orElse(null);
    Double inputs = firstNumber(tree, "inputsperrequest").orElse(null);

    Optional<Map.Entry<String, Double>> stated = firstPassingRate(tree);
    if (stated.isPresent()) {
      return new MeasuredCapacity(positive(root, stated.get()), inputs, kind, model, true,
          "'" + stated.get().getKey() + "' in the file", root.file());
    }
    Optional<Map.Entry<String, Double>> fromSteps = highestPassingStep(tree);
    if (fromSteps.isPresent()) {
      return new MeasuredCapacity(positive(root, fromSteps.get()), inputs, kind, model, true,
          "highest '" + fromSteps.get().getKey() + "' among steps that met the SLO", root.file());
    }
    Optional<Map.Entry<String, Double>> achieved = achievedRate(tree);
    if (achieved.isEmpty()) {
      throw root.error("found no rate that met the SLO (expected a key such as maxRateMeetingSlo, "
          + "steps with metSlo and achievedRequestsPerSec, or a summary's throughputRequestsPerSec)");
    }
    Optional<Boolean> sloMet = sloFlag(tree);
    if (sloMet.isPresent() && !sloMet.get()) {
      throw root.error("the run missed its SLO, so its throughput is not a capacity; sweep instead");
    }
    return new MeasuredCapacity(positive(root, achieved.get()), inputs, kind, model, false,
        "'" + achieved.get().getKey() + "' of one run" + (sloMet.isPresent() ? " that met its SLO"
            : " (the file states no SLO verdict)"), root.file());
  }

  private static double positive(ConfigNode root, Map.Entry<String, Double> rate) {
    if (!(rate.getValue() > 0)) {
      throw root.error(rate.getKey(), "must be a rate > 0 to be a capacity, was " + rate.getValue());
    }
    return rate.getValue();
  }

  private static Optional<Map.Entry<String, Double>> firstPassingRate(JsonNode tree) {
    return breadthFirst(tree, (key, value) -> value.isNumber() && containsAny(norm(key), RATE_WORDS)
        && containsAny(norm(key), SLO_WORDS) && !containsAny(norm(key), EXCLUDED_WORDS));
  }

  private static Optional<Map.Entry<String, Double>> highestPassingStep(JsonNode tree) {
    Deque<JsonNode> queue = new ArrayDeque<>();
    queue.add(tree);
    while (!queue.isEmpty()) {
      JsonNode node = queue.poll();
      if (node.isArray() && node.size() > 0 && node.get(0).isObject() && sloFlag(node.get(0)).isPresent()) {
        Map.Entry<String, Double> best = null;
        for (JsonNode step : node) {
          Optional<Map.Entry<String, Double>> rate = stepRate(step);
          if (sloFlag(step).orElse(false) && rate.isPresent()
              && (best == null || rate.get().getValue() > best.getValue())) {
            best = rate.get();
          }
        }
        if (best != null) {
          return Optional.of(best);
        }
      }
      node.elements().forEachRemaining(queue::add);
    }
    return Optional.empty();
  }

  private static Optional<Map.Entry<String, Double>> stepRate(JsonNode step) {
    Optional<Map.Entry<String, Double>> achieved = achievedRate(step);
    return achieved.isPresent() ? achieved : ownNumber(step, (key, value) ->
        containsAny(norm(key), "rate", "persec") && !containsAny(norm(key), "error", "fail"));
  }

  private static Optional<Map.Entry<String, Double>> achievedRate(JsonNode node) {
    return breadthFirst(node, (key, value) -> value.isNumber()
        && containsAny(norm(key), "achieved", "throughput", "completed")
        && containsAny(norm(key), "rate", "persec", "throughput")
        && !containsAny(norm(key), "error", "fail", "token", "input"));
  }

  private static Optional<Boolean> sloFlag(JsonNode node) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String key = norm(f.getKey());
      if (f.getValue().isBoolean() && (containsAny(key, "slo", "pass", "held")
          || key.equals("ok") || key.equals("met"))) {
        return Optional.of(f.getValue().asBoolean());
      }
    }
    return Optional.empty();
  }

  private static Optional<Map.Entry<String, Double>> ownNumber(JsonNode node, FieldTest test) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getValue().isNumber() && test.matches(f.getKey(), f.getValue())) {
        return Optional.of(Map.entry(f.getKey(), f.getValue().asDouble()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Map.Entry<String, Double>> breadthFirst(JsonNode tree, FieldTest test) {
    Deque<JsonNode> queue = new ArrayDeque<>();
    queue.add(tree);
    while (!queue.isEmpty()) {
      JsonNode node = queue.poll();
      Optional<Map.Entry<String, Double>> own = ownNumber(node, test);
      if (own.isPresent()) {
        return own;
      }
      if (node.isObject()) {
        node.elements().forEachRemaining(child -> {
          if (child.isObject()) {
            queue.add(child);
          }
        });
      }
    }
    return Optional.empty();
  }

  private static Optional<Double> firstNumber(JsonNode tree, String normalisedKey) {
    return breadthFirst(tree, (key, value) -> norm(key).equals(normalisedKey)).map(Map.Entry::getValue);
  }

  private static Optional<String> firstText(JsonNode tree, Set<String> keys, Set<String> allowed) {
    Deque<JsonNode> queue = new ArrayDeque<>();
    queue.add(tree);
    while (!queue.isEmpty()) {
      JsonNode node = queue.poll();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getValue().isTextual() && keys.contains(norm(f.getKey()))) {
          String value = f.getValue().asText().toLowerCase(Locale.ROOT).replace('_', '-');
          if (allowed == null) {
            return Optional.of(f.getValue().asText());
          }
          if (allowed.contains(value)) {
            return Optional.of(value);
          }
        }
        if (f.getValue().isObject()) {
          queue.add(f.getValue());
        }
      }
    }
    return Optional.empty();
  }

  private static String norm(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static boolean containsAny(String text, String... words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  @FunctionalInterface
  private interface FieldTest {
    boolean matches(String key, JsonNode value);
  }
}
