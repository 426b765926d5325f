package dev.embedbench.backends.qwen3.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The architecture keys of a Qwen3 {@code config.json}. Never derives heads x head_dim from
 * hidden_size: in the 0.6B they differ (16 x 128 = 2048 against 1024).
 *
 * @param synthetic true when {@value #SYNTHETIC_KEY} is true: random weights written by {@link
 *     SyntheticCheckpoint}, to be labelled as such wherever figures appear
 */
public record Qwen3Config(
    int hiddenSize,
    int numHiddenLayers,
    int numAttentionHeads,
    int numKeyValueHeads,
    int headDim,
    int intermediateSize,
    int vocabSize,
    int maxPositionEmbeddings,
    double ropeTheta,
    double rmsNormEps,
    int eosTokenId,
    boolean synthetic) {

  /** The marker our generator writes into config.json; real checkpoints never carry it. */
  public static final String SYNTHETIC_KEY = "embedbench_synthetic";

  /** Qwen3's {@code <|endoftext|>}, appended to every input and used as padding. */
  public static final int QWEN3_END_OF_TEXT = 151643;

  public Qwen3Config {
    positive("hidden_size", hiddenSize);
    positive("num_hidden_layers", numHiddenLayers);
    positive("num_attention_heads", numAttentionHeads);
    positive("num_key_value_heads", numKeyValueHeads);
    positive("head_dim", headDim);
    positive("intermediate_size", intermediateSize);
    positive("vocab_size", vocabSize);
    positive("max_position_embeddings", maxPositionEmbeddings);
    if (numAttentionHeads % numKeyValueHeads != 0) {
      throw new IllegalArgumentException(
          "num_attention_heads must be a multiple of num_key_value_heads ("
              + numKeyValueHeads
              + "), was "
              + numAttentionHeads);
    }
    if (headDim % 2 != 0) {
      throw new IllegalArgumentException(
          "head_dim must be even for rotary embeddings, was " + headDim);
    }
    if (!(ropeTheta > 0)) {
      throw new IllegalArgumentException("rope_theta must be > 0, was " + ropeTheta);
    }
    if (!(rmsNormEps > 0)) {
      throw new IllegalArgumentException("rms_norm_eps must be > 0, was " + rmsNormEps);
    }
    if (eosTokenId < 0 || eosTokenId >= vocabSize) {
      throw new IllegalArgumentException(
          "eos_token_id must be in [0, vocab_size=" + vocabSize + "), was " + eosTokenId);
    }
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be >= 1, was " + value);
    }
  }

  /** The real Qwen3-Embedding-0.6B's architecture. */
  public static Qwen3Config qwen3Embedding06b(boolean synthetic) {
    return new Qwen3Config(
        1024, 28, 16, 8, 128, 3072, 151669, 32768, 1_000_000, 1e-6, QWEN3_END_OF_TEXT, synthetic);
  }

  /**
   * Parameters excluding nothing: embeddings, every layer, final norm (no lm_head in embedding
   * repos).
   */
  public long parameterCount() {
    long q = (long) numAttentionHeads * headDim;
    long kv = (long) numKeyValueHeads * headDim;
    long attention = q * hiddenSize + 2 * kv * hiddenSize + hiddenSize * q + 2L * headDim;
    long mlp = 3L * hiddenSize * intermediateSize;
    long layer = attention + mlp + 2L * hiddenSize;
    return (long) vocabSize * hiddenSize + numHiddenLayers * layer + hiddenSize;
  }

  /** Reads and validates {@code dir/config.json}. */
  public static Qwen3Config read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file, "missing file");
    } catch (IOException e) {
      throw new CheckpointException(file, "not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CheckpointException(file, "not a JSON object");
    }
    String modelType = root.path("model_type").asText("");
    if (!modelType.equals("qwen3")) {
      throw new CheckpointException(
          file, "unsupported model_type '" + modelType + "' (this backend runs qwen3 only)");
    }
    String activation = root.path("hidden_act").asText("silu");
    if (!activation.equals("silu")) {
      throw new CheckpointException(
          file, "unsupported hidden_act '" + activation + "' (expected silu)");
    }
    if (root.path("attention_bias").asBoolean(false)) {
      throw new CheckpointException(file, "unsupported attention_bias true (Qwen3 has no biases)");
    }
    JsonNode scaling = root.get("rope_scaling");
    if (scaling != null && !scaling.isNull()) {
      throw new CheckpointException(
          file, "unsupported rope_scaling " + scaling + " (expected null)");
    }
    try {
      int hidden = required(file, root, "hidden_size");
      int heads = required(file, root, "num_attention_heads");
      return new Qwen3Config(
          hidden,
          required(file, root, "num_hidden_layers"),
          heads,
          root.path("num_key_value_heads").asInt(heads),
          root.path("head_dim").asInt(hidden / heads),
          required(file, root, "intermediate_size"),
          required(file, root, "vocab_size"),
          root.path("max_position_embeddings").asInt(32768),
          root.path("rope_theta").asDouble(1_000_000),
          root.path("rms_norm_eps").asDouble(1e-6),
          eosTokenId(root),
          root.path(SYNTHETIC_KEY).asBoolean(false));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(file, e.getMessage());
    }
  }

  /**
   * Qwen3's config lists {@code <|im_end|>} among eos ids for chat; embeddings end with {@code
   * <|endoftext|>}, so that id wins whenever the vocabulary has it.
   */
  private static int eosTokenId(JsonNode root) {
    int vocab = root.path("vocab_size").asInt(0);
    if (vocab > QWEN3_END_OF_TEXT) {
      return QWEN3_END_OF_TEXT;
    }
    JsonNode eos = root.get("eos_token_id");
    if (eos != null && eos.isArray() && eos.size() > 0) {
      return eos.get(0).asInt();
    }
    return eos == null ? vocab - 1 : eos.asInt();
  }

  private static int required(Path file, JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || !node.canConvertToInt()) {
      throw new CheckpointException(file, "missing or non-integer key '" + key + "'");
    }
    return node.asInt();
  }

  /** The config.json text for this architecture, as our generator and tests write it. */
  public String toJson() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.putArray("architectures").add("Qwen3ForCausalLM");
    root.put("model_type", "qwen3");
    root.put("hidden_size", hiddenSize);
    root.put("num_hidden_layers", numHiddenLayers);
    root.put("num_attention_heads", numAttentionHeads);
    root.put("num_key_value_heads", numKeyValueHeads);
    root.put("head_dim", headDim);
    root.put("intermediate_size", intermediateSize);
    root.put("vocab_size", vocabSize);
    root.put("max_position_embeddings", maxPositionEmbeddings);
    root.put("rope_theta", ropeTheta);
    root.put("rms_norm_eps", rmsNormEps);
    root.put("hidden_act", "silu");
    root.put("attention_bias", false);
    root.putNull("rope_scaling");
    root.put("tie_word_embeddings", true);
    root.put("eos_token_id", eosTokenId);
    root.put("torch_dtype", "float32");
    if (synthetic) {
      root.put(SYNTHETIC_KEY, true);
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render config.json", e);
    }
  }
}
