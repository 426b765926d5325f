package dev.embedbench.backends.qwen3;

import dev.embedbench.backends.qwen3.checkpoint.DType;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.SafetensorsWriter;
import dev.embedbench.backends.qwen3.checkpoint.SyntheticCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds tiny random-weight Qwen3 model directories as real safetensors files, for tests. */
public final class TinyCheckpoints {

  /**
   * heads x head_dim (64) differs from hidden_size (32), as in the real 0.6B; 2 query heads per kv
   * head.
   */
  public static final Qwen3Config GQA = config(32, 2, 4, 2, 16, 48);

  /**
   * One kv head shared by three query heads, head_dim 8: heads x head_dim = 24 against hidden 40.
   */
  public static final Qwen3Config MQA = config(40, 1, 3, 1, 8, 56);

  /** Plain multi-head attention with heads x head_dim = hidden_size, three layers. */
  public static final Qwen3Config MHA = config(64, 3, 4, 4, 16, 96);

  public static final int VOCAB = 128;
  public static final int EOS = 127;

  private TinyCheckpoints() {}

  public static Qwen3Config config(
      int hidden, int layers, int heads, int kvHeads, int headDim, int intermediate) {
    return new Qwen3Config(
        hidden, layers, heads, kvHeads, headDim, intermediate, VOCAB, 512, 10_000, 1e-6, EOS, true);
  }

  /** How to lay the tensors out on disk. */
  public record Layout(DType dtype, boolean modelPrefix, int shards) {
    public static final Layout PLAIN = new Layout(DType.F32, false, 1);
  }

  /** Random weights, uniform with the given scale; norms around 1. */
  public static Map<String, float[]> randomWeights(Qwen3Config config, long seed, double scale) {
    Map<String, float[]> weights = new LinkedHashMap<>();
    SplittableRandom random = new SplittableRandom(seed);
    for (Map.Entry<String, long[]> tensor : Qwen3Checkpoint.expectedShapes(config).entrySet()) {
      int size = 1;
      for (long dimension : tensor.getValue()) {
        size *= (int) dimension;
      }
      float[] values = new float[size];
      boolean norm = tensor.getKey().endsWith("norm.weight");
      for (int i = 0; i < size; i++) {
        double value = random.nextDouble(-scale, scale);
        values[i] = (float) (norm ? 1 + value : value);
      }
      weights.put(tensor.getKey(), values);
    }
    return weights;
  }

  /** Writes config.json, the generated character tokenizer and the weights in {@code layout}. */
  public static Path write(
      Path dir, Qwen3Config config, Map<String, float[]> weights, Layout layout)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(Qwen3Checkpoint.CONFIG), config.toJson());
    Files.writeString(
        dir.resolve("tokenizer.json"), SyntheticCheckpoint.characterTokenizerJson(config));
    Map<String, long[]> shapes = Qwen3Checkpoint.expectedShapes(config);
    List<String> names = new ArrayList<>(weights.keySet());
    if (layout.shards() == 1) {
      writeShard(dir.resolve(Qwen3Checkpoint.SINGLE_FILE), names, weights, shapes, layout);
      return dir;
    }
    StringBuilder index = new StringBuilder("{\"metadata\": {}, \"weight_map\": {");
    int perShard = (names.size() + layout.shards() - 1) / layout.shards();
    for (int s = 0; s < layout.shards(); s++) {
      String file = String.format("model-%05d-of-%05d.safetensors", s + 1, layout.shards());
      List<String> part = names.subList(s * perShard, Math.min(names.size(), (s + 1) * perShard));
      writeShard(dir.resolve(file), part, weights, shapes, layout);
      for (String name : part) {
        if (index.charAt(index.length() - 1) != '{') {
          index.append(", ");
        }
        index.append('"').append(stored(name, layout)).append("\": \"").append(file).append('"');
      }
    }
    Files.writeString(dir.resolve(Qwen3Checkpoint.INDEX), index.append("}}").toString());
    return dir;
  }

  private static void writeShard(
      Path file,
      List<String> names,
      Map<String, float[]> weights,
      Map<String, long[]> shapes,
      Layout layout)
      throws IOException {
    SafetensorsWriter writer = new SafetensorsWriter();
    for (String name : names) {
      writer.add(stored(name, layout), layout.dtype(), shapes.get(name), weights.get(name));
    }
    writer.write(file);
  }

  private static String stored(String name, Layout layout) {
    return layout.modelPrefix() ? "model." + name : name;
  }

  /** A tiny model written plainly (F32, one file, no prefix). */
  public static Path writeRandom(Path dir, Qwen3Config config, long seed) throws IOException {
    return write(dir, config, randomWeights(config, seed, 0.2), Layout.PLAIN);
  }
}
