package dev.embedbench.backends.qwen3.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a random-weight Qwen3 checkpoint: config.json carrying the {@value
 * Qwen3Config#SYNTHETIC_KEY} marker, model.safetensors, and a tokenizer.json. It stands in for real
 * weights where only speed matters (benchmarks, the compare command) and in tests; everything that
 * reports on it says "synthetic weights".
 *
 * <p>Tokenizer: when {@code realTokenizerDir} holds the Qwen3 tokenizer.json and the vocabulary is
 * large enough for its ids, it is copied (with tokenizer_config.json when present), so token counts
 * match the real model's. Otherwise a small character-level tokenizer is generated: printable ASCII
 * maps to ids 1..95, anything else to 0, and its post-processor appends the configured end-of-text
 * id.
 */
public final class SyntheticCheckpoint {

  /** Written last: a directory without it is an interrupted generation and is rewritten. */
  public static final String COMPLETE_MARKER = ".synthetic-complete";

  /** Present when the tokenizer is the generated character-level one, not Qwen3's. */
  public static final String CHARACTER_TOKENIZER_MARKER = ".synthetic-character-tokenizer";

  /** Largest id in the Qwen3 tokenizer; a vocabulary must exceed it to use the real tokenizer. */
  private static final int QWEN3_MAX_TOKEN_ID = 151668;

  private static final int FIRST_ASCII = 32;
  private static final int LAST_ASCII = 126;

  private SyntheticCheckpoint() {}

  /**
   * Writes the checkpoint unless {@code dir} already holds a complete one with the same
   * config.json.
   *
   * @param weightStd scale of the uniform random weights (their standard deviation); norms are 1 +-
   *     that
   * @return true when it wrote files, false when it reused a cached copy
   */
  public static boolean ensure(
      Path dir, Qwen3Config config, DType dtype, long seed, double weightStd, Path realTokenizerDir)
      throws IOException {
    if (!config.synthetic()) {
      throw new IllegalArgumentException(
          "config.synthetic must be true for a synthetic checkpoint");
    }
    Path configFile = dir.resolve(Qwen3Checkpoint.CONFIG);
    if (Files.exists(dir.resolve(COMPLETE_MARKER))
        && Files.exists(configFile)
        && Files.readString(configFile).equals(config.toJson())) {
      return false;
    }
    write(dir, config, dtype, seed, weightStd, realTokenizerDir);
    return true;
  }

  /** Writes the checkpoint, replacing whatever {@code dir} held under the same names. */
  public static void write(
      Path dir, Qwen3Config config, DType dtype, long seed, double weightStd, Path realTokenizerDir)
      throws IOException {
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(COMPLETE_MARKER));
    Files.writeString(dir.resolve(Qwen3Checkpoint.CONFIG), config.toJson());
    SafetensorsWriter writer = new SafetensorsWriter();
    long tensorIndex = 0;
    for (Map.Entry<String, long[]> tensor : Qwen3Checkpoint.expectedShapes(config).entrySet()) {
      boolean norm = tensor.getKey().endsWith("norm.weight");
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + tensorIndex++);
      double halfWidth = weightStd * Math.sqrt(3);
      writer.add(
          tensor.getKey(),
          dtype,
          tensor.getValue(),
          (first, chunk, count) -> {
            for (int i = 0; i < count; i++) {
              double value = random.nextDouble(-halfWidth, halfWidth);
              chunk[i] = (float) (norm ? 1 + value : value);
            }
          });
    }
    writer.write(dir.resolve(Qwen3Checkpoint.SINGLE_FILE));
    writeTokenizer(dir, config, realTokenizerDir);
    Files.writeString(dir.resolve(COMPLETE_MARKER), "synthetic weights, seed " + seed + "\n");
  }

  /** True when the real Qwen3 tokenizer will be used for this config and directory. */
  public static boolean usesRealTokenizer(Qwen3Config config, Path realTokenizerDir) {
    return realTokenizerDir != null
        && Files.isRegularFile(realTokenizerDir.resolve("tokenizer.json"))
        && config.vocabSize() > QWEN3_MAX_TOKEN_ID
        && config.eosTokenId() == Qwen3Config.QWEN3_END_OF_TEXT;
  }

  private static void writeTokenizer(Path dir, Qwen3Config config, Path realTokenizerDir)
      throws IOException {
    Files.deleteIfExists(dir.resolve("tokenizer_config.json"));
    Files.deleteIfExists(dir.resolve(CHARACTER_TOKENIZER_MARKER));
    if (usesRealTokenizer(config, realTokenizerDir)) {
      Files.copy(
          realTokenizerDir.resolve("tokenizer.json"),
          dir.resolve("tokenizer.json"),
          StandardCopyOption.REPLACE_EXISTING);
      Path tokenizerConfig = realTokenizerDir.resolve("tokenizer_config.json");
      if (Files.isRegularFile(tokenizerConfig)) {
        Files.copy(
            tokenizerConfig,
            dir.resolve("tokenizer_config.json"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    Files.writeString(dir.resolve("tokenizer.json"), characterTokenizerJson(config));
    Files.writeString(
        dir.resolve(CHARACTER_TOKENIZER_MARKER), "tokenizer.json is character-level\n");
  }

  /** True when {@code dir}'s tokenizer was generated here rather than copied from Qwen3's. */
  public static boolean hasCharacterTokenizer(Path dir) {
    return Files.exists(dir.resolve(CHARACTER_TOKENIZER_MARKER));
  }

  /** A character-level tokenizer.json whose ids fit {@code config}'s vocabulary. */
  public static String characterTokenizerJson(Qwen3Config config) {
    int eos = config.eosTokenId();
    if (config.vocabSize() <= LAST_ASCII - FIRST_ASCII + 2
        || (eos >= 0 && eos <= LAST_ASCII - FIRST_ASCII + 1)) {
      throw new IllegalArgumentException(
          "a generated tokenizer needs vocab_size > 96 and eos_token_id > 95, was "
              + config.vocabSize()
              + " and "
              + eos);
    }
    String endOfText = "<|endoftext|>";
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ObjectNode added = root.putArray("added_tokens").addObject();
    added
        .put("id", eos)
        .put("content", endOfText)
        .put("single_word", false)
        .put("lstrip", false)
        .put("rstrip", false)
        .put("normalized", false)
        .put("special", true);
    root.putNull("normalizer");
    ObjectNode pre = root.putObject("pre_tokenizer");
    pre.put("type", "Split");
    pre.putObject("pattern").put("Regex", ".");
    pre.put("behavior", "Isolated").put("invert", false);
    ObjectNode post = root.putObject("post_processor");
    post.put("type", "TemplateProcessing");
    ArrayNode single = post.putArray("single");
    single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    single.addObject().putObject("SpecialToken").put("id", endOfText).put("type_id", 0);
    ArrayNode pair = post.putArray("pair");
    pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 0);
    pair.addObject().putObject("SpecialToken").put("id", endOfText).put("type_id", 0);
    ObjectNode special = post.putObject("special_tokens").putObject(endOfText);
    special.put("id", endOfText);
    special.putArray("ids").add(eos);
    special.putArray("tokens").add(endOfText);
    root.putNull("decoder");
    ObjectNode model = root.putObject("model");
    model.put("type", "WordLevel");
    ObjectNode vocab = model.putObject("vocab");
    vocab.put("[UNK]", 0);
    for (int c = FIRST_ASCII; c <= LAST_ASCII; c++) {
      vocab.put(String.valueOf((char) c), c - FIRST_ASCII + 1);
    }
    vocab.put(endOfText, eos);
    model.put("unk_token", "[UNK]");
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render tokenizer.json", e);
    }
  }
}
