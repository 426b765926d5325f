package dev.embedbench.backends.qwen3.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Hugging Face Qwen3 model directory, opened and checked before any weight is read: config.json,
 * then {@code model.safetensors} or the shards named by {@code model.safetensors.index.json}; every
 * tensor the architecture needs is present with the shape config.json implies. Tensor names are
 * accepted with or without the {@code model.} prefix that fine-tunes often carry.
 */
public final class Qwen3Checkpoint {

  public static final String CONFIG = "config.json";
  public static final String SINGLE_FILE = "model.safetensors";
  public static final String INDEX = "model.safetensors.index.json";
  private static final String PREFIX = "model.";

  private final Path directory;
  private final Qwen3Config config;
  private final Map<String, TensorRef> tensors;

  private Qwen3Checkpoint(Path directory, Qwen3Config config, Map<String, TensorRef> tensors) {
    this.directory = directory;
    this.config = config;
    this.tensors = tensors;
  }

  public static Qwen3Checkpoint open(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new CheckpointException(directory, "missing model directory");
    }
    Qwen3Config config = Qwen3Config.read(directory.resolve(CONFIG));
    List<SafetensorsFile> files = openFiles(directory);
    Map<String, TensorRef> byName = new HashMap<>();
    for (SafetensorsFile file : files) {
      for (TensorInfo info : file.tensors().values()) {
        String name =
            info.name().startsWith(PREFIX) ? info.name().substring(PREFIX.length()) : info.name();
        TensorRef previous = byName.put(name, new TensorRef(file, info));
        if (previous != null) {
          throw new CheckpointException(
              file.path(),
              "tensor '"
                  + name
                  + "' appears twice (also in "
                  + previous.file().path().getFileName()
                  + " as '"
                  + previous.info().name()
                  + "')");
        }
      }
    }
    Map<String, TensorRef> needed = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> expected : expectedShapes(config).entrySet()) {
      String name = expected.getKey();
      TensorRef ref = byName.get(name);
      if (ref == null) {
        throw new CheckpointException(
            directory,
            "missing tensor '"
                + name
                + "' (looked for it with and without the 'model.' prefix in "
                + fileNames(files)
                + ")");
      }
      if (!ref.info().hasShape(expected.getValue())) {
        throw new CheckpointException(
            ref.file().path(),
            "tensor '"
                + ref.info().name()
                + "' has shape "
                + ref.info().shapeText()
                + " but config.json implies "
                + Arrays.toString(expected.getValue()));
      }
      needed.put(name, ref);
    }
    return new Qwen3Checkpoint(directory, config, needed);
  }

  private static List<SafetensorsFile> openFiles(Path directory) {
    Path single = directory.resolve(SINGLE_FILE);
    Path index = directory.resolve(INDEX);
    if (Files.exists(single)) {
      return List.of(SafetensorsFile.open(single));
    }
    if (!Files.exists(index)) {
      throw new CheckpointException(
          directory, "missing file: neither " + SINGLE_FILE + " nor " + INDEX + " is present");
    }
    JsonNode weightMap;
    try {
      weightMap = new ObjectMapper().readTree(Files.readString(index)).get("weight_map");
    } catch (NoSuchFileException e) {
      throw new CheckpointException(index, "missing file");
    } catch (IOException e) {
      throw new CheckpointException(index, "not valid JSON: " + e.getMessage(), e);
    }
    if (weightMap == null || !weightMap.isObject() || weightMap.isEmpty()) {
      throw new CheckpointException(index, "missing or empty 'weight_map' object");
    }
    TreeSet<String> shardNames = new TreeSet<>();
    for (Iterator<JsonNode> it = weightMap.elements(); it.hasNext(); ) {
      shardNames.add(it.next().asText());
    }
    List<SafetensorsFile> shards = new ArrayList<>();
    for (String shardName : shardNames) {
      Path shard = directory.resolve(shardName).normalize();
      if (!shard.startsWith(directory.normalize())) {
        throw new CheckpointException(
            index, "shard '" + shardName + "' lies outside the model directory");
      }
      if (!SafetensorsFile.exists(shard)) {
        throw new CheckpointException(shard, "missing file (listed in " + INDEX + ")");
      }
      shards.add(SafetensorsFile.open(shard));
    }
    return shards;
  }

  private static String fileNames(List<SafetensorsFile> files) {
    List<String> names = new ArrayList<>();
    for (SafetensorsFile file : files) {
      names.add(file.path().getFileName().toString());
    }
    return String.join(", ", names);
  }

  /** Every tensor the forward pass reads, with its shape; linear weights are [out, in]. */
  public static Map<String, long[]> expectedShapes(Qwen3Config c) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    long hidden = c.hiddenSize();
    long q = (long) c.numAttentionHeads() * c.headDim();
    long kv = (long) c.numKeyValueHeads() * c.headDim();
    shapes.put("embed_tokens.weight", new long[] {c.vocabSize(), hidden});
    for (int i = 0; i < c.numHiddenLayers(); i++) {
      String layer = "layers." + i + ".";
      shapes.put(layer + "input_layernorm.weight", new long[] {hidden});
      shapes.put(layer + "self_attn.q_proj.weight", new long[] {q, hidden});
      shapes.put(layer + "self_attn.k_proj.weight", new long[] {kv, hidden});
      shapes.put(layer + "self_attn.v_proj.weight", new long[] {kv, hidden});
      shapes.put(layer + "self_attn.o_proj.weight", new long[] {hidden, q});
      shapes.put(layer + "self_attn.q_norm.weight", new long[] {c.headDim()});
      shapes.put(layer + "self_attn.k_norm.weight", new long[] {c.headDim()});
      shapes.put(layer + "post_attention_layernorm.weight", new long[] {hidden});
      shapes.put(layer + "mlp.gate_proj.weight", new long[] {c.intermediateSize(), hidden});
      shapes.put(layer + "mlp.up_proj.weight", new long[] {c.intermediateSize(), hidden});
      shapes.put(layer + "mlp.down_proj.weight", new long[] {hidden, c.intermediateSize()});
    }
    shapes.put("norm.weight", new long[] {hidden});
    return shapes;
  }

  public Path directory() {
    return directory;
  }

  public Qwen3Config config() {
    return config;
  }

  /** A needed tensor by its name without the {@code model.} prefix. */
  public TensorRef tensor(String name) {
    TensorRef ref = tensors.get(name);
    if (ref == null) {
      throw new IllegalArgumentException("no tensor '" + name + "' in the Qwen3 architecture");
    }
    return ref;
  }

  /** Elements of every tensor the model loads; times the element size gives its memory. */
  public long parameterCount() {
    long count = 0;
    for (TensorRef ref : tensors.values()) {
      count += ref.elements();
    }
    return count;
  }
}
