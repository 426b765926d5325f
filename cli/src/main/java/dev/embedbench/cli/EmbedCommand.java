package dev.embedbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.qwen3.DevicePreference;
import dev.embedbench.backends.qwen3.Qwen3Embedder;
import dev.embedbench.backends.qwen3.Qwen3Prompts;
import dev.embedbench.backends.qwen3.checkpoint.CheckpointException;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.wire.ApiException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Embeds texts with a Qwen3-Embedding checkpoint in this process and prints one JSON object per
 * line: {@code {"index": i, "token_ids": [...], "embedding": [...]}}. Runs on the main thread.
 */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description =
        "Embed texts in-process with a Qwen3-Embedding checkpoint directory; one JSON line per input.")
public final class EmbedCommand implements Callable<Integer> {

  @Option(
      names = "--model-path",
      required = true,
      paramLabel = "DIR",
      description =
          "Hugging Face model directory: config.json, tokenizer.json, model.safetensors or shards.")
  Path modelPath;

  @Option(
      names = "--dimensions",
      paramLabel = "N",
      description = "Matryoshka: keep the first N dimensions and renormalise (32..hidden size).")
  Integer dimensions;

  @Option(
      names = "--instruction",
      paramLabel = "TEXT",
      description = "Query instruction: each input becomes 'Instruct: TEXT\\nQuery:input'.")
  String instruction;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "Read inputs from FILE: one JSON string or one {\"text\": ...} object per line.")
  Path inputFile;

  @Option(
      names = "--device",
      defaultValue = "auto",
      paramLabel = "auto|cpu|gpu",
      description = "Where to run (default: ${DEFAULT-VALUE}: GPU when DJL sees one).")
  String device;

  @Option(
      names = "--max-input-tokens",
      defaultValue = "8192",
      paramLabel = "N",
      description =
          "Longest input in tokens (default: ${DEFAULT-VALUE}); longer inputs are an error unless --truncate.")
  int maxInputTokens;

  @Option(
      names = "--truncate",
      description = "Cut over-long inputs to --max-input-tokens instead of failing.")
  boolean truncate;

  @Option(
      names = "--batch-size",
      defaultValue = "8",
      paramLabel = "N",
      description = "Inputs per forward pass (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts to embed (or use --input).")
  List<String> texts = new ArrayList<>();

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    PrintStream err = System.err;
    List<String> inputs;
    try {
      inputs = readInputs();
    } catch (IllegalArgumentException e) {
      err.println("embed: " + e.getMessage());
      return 2;
    }
    if (batchSize < 1) {
      err.println("embed: --batch-size must be >= 1, was " + batchSize);
      return 2;
    }
    try {
      Qwen3Config config = Qwen3Config.read(modelPath.resolve(Qwen3Checkpoint.CONFIG));
      if (dimensions != null
          && (dimensions < Math.min(32, config.hiddenSize()) || dimensions > config.hiddenSize())) {
        err.println(
            "embed: --dimensions must be between "
                + Math.min(32, config.hiddenSize())
                + " and "
                + config.hiddenSize()
                + " for this model, was "
                + dimensions);
        return 2;
      }
      int maxTokens = Qwen3Embedder.maxInputTokens(config, maxInputTokens);
      try (Qwen3Embedder embedder =
          Qwen3Embedder.load(
              modelPath, Qwen3Embedder.resolveDevice(devicePreference()), maxTokens, truncate)) {
        List<int[]> tokens = new ArrayList<>();
        for (String text : inputs) {
          String prompt = instruction == null ? text : Qwen3Prompts.query(instruction, text);
          tokens.add(embedder.tokens(new EmbeddingInput.Text(prompt)));
        }
        float[][] vectors = embedder.embedAll(tokens, batchSize);
        for (int i = 0; i < vectors.length; i++) {
          float[] vector =
              dimensions == null ? vectors[i] : Qwen3Prompts.truncate(vectors[i], dimensions);
          ObjectNode line = json.createObjectNode();
          line.put("index", i);
          var ids = line.putArray("token_ids");
          for (int id : tokens.get(i)) {
            ids.add(id);
          }
          var embedding = line.putArray("embedding");
          for (float value : vector) {
            embedding.add(value);
          }
          System.out.println(json.writeValueAsString(line));
        }
      }
      return 0;
    } catch (CheckpointException
        | ApiException
        | IllegalArgumentException
        | IllegalStateException e) {
      err.println("embed: " + e.getMessage());
      return 2;
    }
  }

  private DevicePreference devicePreference() {
    try {
      return DevicePreference.valueOf(device.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--device must be auto, cpu or gpu, was '" + device + "'");
    }
  }

  private List<String> readInputs() throws IOException {
    if (inputFile != null && !texts.isEmpty()) {
      throw new IllegalArgumentException("give texts as arguments or --input FILE, not both");
    }
    if (inputFile == null) {
      if (texts.isEmpty()) {
        throw new IllegalArgumentException("nothing to embed: give TEXT arguments or --input FILE");
      }
      return texts;
    }
    if (!Files.isRegularFile(inputFile)) {
      throw new IllegalArgumentException(inputFile + ": missing file");
    }
    List<String> inputs = new ArrayList<>();
    List<String> lines = Files.readAllLines(inputFile);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty()) {
        continue;
      }
      inputs.add(parseLine(line, n + 1));
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException(inputFile + ": no inputs");
    }
    return inputs;
  }

  private String parseLine(String line, int number) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          inputFile + ":" + number + ": not JSON (expected a JSON string or {\"text\": ...})");
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isObject() && node.path("text").isTextual()) {
      return node.get("text").asText();
    }
    throw new IllegalArgumentException(
        inputFile + ":" + number + ": expected a JSON string or an object with a string \"text\"");
  }
}
