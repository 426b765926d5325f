package dev.embedbench.loadgen.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of a run, encoded before it starts so that encoding never slows the generator.
 * Request {@code i} of a run sends {@code request(i)}, cycling through the prepared bodies. Tokens
 * are counted here too, for shaping and for each body's count, by the spec's tokenizer when it
 * names one (exact) or else by the estimator; the tokenizer is loaded and released within
 * preparation.
 */
public final class Workload {

  /**
   * Enough distinct bodies for any corpus we ship; a bigger file cycles through its first bodies.
   */
  static final int MAX_DISTINCT_BODIES = 50_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String sourceLabel;
  private final List<PreparedRequest> requests;
  private final TokenCounting tokenCounting;

  private Workload(
      String sourceLabel, List<PreparedRequest> requests, TokenCounting tokenCounting) {
    this.sourceLabel = sourceLabel;
    this.requests = List.copyOf(requests);
    this.tokenCounting = tokenCounting;
  }

  /** Loads and encodes a workload; built-in names resolve under {@code home/configs/workloads}. */
  public static Workload prepare(WorkloadSpec spec, String model, Path home) {
    boolean builtin = BuiltinCorpora.isBuiltin(spec.source());
    Path file = builtin ? BuiltinCorpora.path(spec.source(), home) : Path.of(spec.source());
    if (!builtin && !java.nio.file.Files.isRegularFile(file)) {
      throw new WorkloadException(
          "workload '"
              + spec.source()
              + "' is neither a file nor a built-in workload "
              + BuiltinCorpora.NAMES);
    }
    List<WorkloadEntry> entries = WorkloadFileParser.parse(file);
    return fromEntries(
        builtin ? "builtin:" + spec.source() : file.toString(), entries, spec, model);
  }

  /**
   * @throws WorkloadException when the spec's tokenizer cannot be loaded, or the texts cannot be
   *     shaped
   */
  public static Workload fromEntries(
      String sourceLabel, List<WorkloadEntry> entries, WorkloadSpec spec, String model) {
    try (TokenCounter counter = TokenCounter.open(spec.tokenizer())) {
      return fromEntries(sourceLabel, entries, spec, model, counter);
    }
  }

  private static Workload fromEntries(
      String sourceLabel,
      List<WorkloadEntry> entries,
      WorkloadSpec spec,
      String model,
      TokenCounter counter) {
    List<String> texts = new ArrayList<>();
    List<List<String>> wholeRequests = new ArrayList<>();
    for (WorkloadEntry entry : entries) {
      if (entry.wholeRequest()) {
        wholeRequests.add(
            spec.tokens() == null
                ? entry.inputs()
                : TokenShaper.shape(entry.inputs(), spec.tokens(), counter));
      } else {
        texts.add(entry.inputs().get(0));
      }
    }
    if (spec.tokens() != null && !texts.isEmpty()) {
      texts = TokenShaper.shape(texts, spec.tokens(), counter);
    }
    List<PreparedRequest> requests = new ArrayList<>();
    // Texts recur across bodies when there are more inputs per request than texts; count each once.
    Map<String, Integer> counts = new HashMap<>();
    int perRequest = spec.inputsPerRequest();
    int textRequests =
        texts.isEmpty() ? 0 : Math.max(1, (texts.size() + perRequest - 1) / perRequest);
    for (int r = 0; r < textRequests && requests.size() < MAX_DISTINCT_BODIES; r++) {
      List<String> inputs = new ArrayList<>(perRequest);
      for (int j = 0; j < perRequest; j++) {
        inputs.add(texts.get((r * perRequest + j) % texts.size()));
      }
      requests.add(encode(inputs, spec, model, counts, counter));
    }
    for (int r = 0; r < wholeRequests.size() && requests.size() < MAX_DISTINCT_BODIES; r++) {
      requests.add(encode(wholeRequests.get(r), spec, model, counts, counter));
    }
    return new Workload(sourceLabel, requests, counter.counting());
  }

  private static PreparedRequest encode(
      List<String> inputs,
      WorkloadSpec spec,
      String model,
      Map<String, Integer> counts,
      TokenCounter counter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", model);
    body.put("input", inputs);
    if (spec.encodingFormat() != null) {
      body.put("encoding_format", spec.encodingFormat().wireName());
    }
    if (spec.dimensions() != null) {
      body.put("dimensions", spec.dimensions());
    }
    int tokens = 0;
    for (String input : inputs) {
      tokens += counts.computeIfAbsent(input, counter::count);
    }
    try {
      return new PreparedRequest(
          Buffer.buffer(JSON.writeValueAsBytes(body)), inputs.size(), tokens);
    } catch (JsonProcessingException e) {
      throw new WorkloadException("cannot encode a request body: " + e.getOriginalMessage(), e);
    }
  }

  public PreparedRequest request(long index) {
    return requests.get((int) (index % requests.size()));
  }

  public int distinctBodies() {
    return requests.size();
  }

  public String sourceLabel() {
    return sourceLabel;
  }

  /** How every token count of this workload (and so the run's tokens/s) was obtained. */
  public TokenCounting tokenCounting() {
    return tokenCounting;
  }

  public double meanInputsPerRequest() {
    return requests.stream().mapToInt(PreparedRequest::inputs).average().orElse(0);
  }

  public double meanTokensPerRequest() {
    return requests.stream().mapToInt(PreparedRequest::tokens).average().orElse(0);
  }

  public double meanTokensPerInput() {
    long inputs = requests.stream().mapToLong(PreparedRequest::inputs).sum();
    long tokens = requests.stream().mapToLong(PreparedRequest::tokens).sum();
    return inputs == 0 ? 0 : (double) tokens / inputs;
  }
}
