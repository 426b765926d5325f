package dev.embedbench.backends.qwen3;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.backends.qwen3.TinyCheckpoints.Layout;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.model.Qwen3Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Correctness of the fast path (GPU fp16 in production) against the CPU fp32 path of the same code,
 * and of both against {@link ReferenceQwen3} on a tiny model. Every vector is compared: cosine
 * similarity and max abs difference, for inputs alone, in a batch of short inputs, and in a batch
 * that mixes short and long inputs (so padding and masks are exercised at length).
 */
final class GpuCorrectness {

  /** The goal: every vector at least this close to fp32. */
  static final double COSINE_GOAL = 0.9999;

  private static final int[] SHORT_LENGTHS = {1, 2, 7, 16, 31, 64, 127, 256};
  private static final long SEED = 20_261_203L;

  private final Device device;
  private final DataType fastType;

  GpuCorrectness(Device device, DataType fastType) {
    this.device = device;
    this.fastType = fastType;
  }

  /** Runs every case on {@code modelDir} with long inputs of {@code longLengths} tokens. */
  ObjectNode run(Path modelDir, int[] longLengths, Path scratchDir) throws IOException {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("fastPath", describe(device, fastType));
    out.put("referencePath", describe(Device.cpu(), DataType.FLOAT32) + " (same code)");
    out.put("cosineGoal", COSINE_GOAL);
    out.set("model", model(modelDir, longLengths));
    out.set("tinyModel", tinyModel(scratchDir));
    return out;
  }

  private ObjectNode model(Path modelDir, int[] longLengths) {
    Qwen3Checkpoint checkpoint = Qwen3Checkpoint.open(modelDir);
    Qwen3Config config = checkpoint.config();
    SplittableRandom random = new SplittableRandom(SEED);
    List<int[]> shorts = new ArrayList<>();
    for (int length : SHORT_LENGTHS) {
      shorts.add(randomIds(random, length, config));
    }
    List<int[]> longs = new ArrayList<>();
    for (int length : longLengths) {
      longs.add(randomIds(random, Math.min(length, config.maxPositionEmbeddings()), config));
    }
    List<int[]> all = new ArrayList<>(shorts);
    all.addAll(longs);

    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("directory", modelDir.toString());
    out.put("config", describe(config));
    List<float[]> reference = new ArrayList<>();
    long started = System.nanoTime();
    try (Qwen3Model cpu = Qwen3Model.load(checkpoint, Device.cpu(), DataType.FLOAT32)) {
      for (int[] sequence : all) {
        reference.add(cpu.embed(List.of(sequence))[0]);
      }
    }
    out.put("referenceSeconds", (System.nanoTime() - started) / 1e9);

    started = System.nanoTime();
    try (Qwen3Model fast = Qwen3Model.load(checkpoint, device, fastType)) {
      ArrayNode cases = out.putArray("cases");
      List<float[]> alone = new ArrayList<>();
      for (int[] sequence : all) {
        alone.add(fast.embed(List.of(sequence))[0]);
      }
      cases.add(compare("each input alone", all, alone, reference));
      cases.add(
          compare(
              "batch of the short inputs",
              shorts,
              List.of(fast.embed(shorts)),
              reference.subList(0, shorts.size())));
      // Long inputs interleaved with short ones: the short rows carry thousands of padded
      // positions.
      List<int[]> mixed = new ArrayList<>();
      List<float[]> mixedReference = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        int index = i % 2 == 0 ? i / 2 : all.size() - 1 - i / 2;
        mixed.add(all.get(index));
        mixedReference.add(reference.get(index));
      }
      float[][] mixedVectors = fast.embed(mixed);
      cases.add(
          compare(
              "mixed-length batch (short and long together)",
              mixed,
              List.of(mixedVectors),
              mixedReference));
    }
    out.put("fastSeconds", (System.nanoTime() - started) / 1e9);
    summarise(out);
    return out;
  }

  /** A 2-layer GQA model, small enough for the double-precision reference, on both paths. */
  private ObjectNode tinyModel(Path scratchDir) throws IOException {
    Qwen3Config config = TinyCheckpoints.GQA;
    Path dir = Files.createDirectories(scratchDir.resolve("tiny-gqa"));
    TinyCheckpoints.write(dir, config, TinyCheckpoints.randomWeights(config, 7, 0.2), Layout.PLAIN);
    Qwen3Checkpoint checkpoint = Qwen3Checkpoint.open(dir);
    ReferenceQwen3 reference = new ReferenceQwen3(checkpoint);
    SplittableRandom random = new SplittableRandom(SEED + 1);
    List<int[]> sequences = new ArrayList<>();
    for (int length : new int[] {1, 5, 23, 64, 200}) {
      sequences.add(randomIds(random, length, config));
    }
    List<double[]> expected = new ArrayList<>();
    for (int[] sequence : sequences) {
      expected.add(reference.embed(sequence));
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("config", describe(config));
    out.put(
        "reference",
        "ReferenceQwen3: independent forward pass in Java doubles, one input at a time");
    ArrayNode cases = out.putArray("cases");
    // Both dtypes whatever the fast path: the tiny model costs nothing, and fp16 is what a GPU
    // runs.
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT16}) {
      try (Qwen3Model model = Qwen3Model.load(checkpoint, device, type)) {
        cases.add(
            compareToDouble(
                describe(device, type) + ", padded batch",
                sequences,
                List.of(model.embed(sequences)),
                expected));
      }
    }
    summarise(out);
    return out;
  }

  private static ObjectNode compare(
      String label, List<int[]> inputs, List<float[]> actual, List<float[]> reference) {
    List<double[]> widened = new ArrayList<>();
    for (float[] vector : reference) {
      double[] wide = new double[vector.length];
      for (int i = 0; i < vector.length; i++) {
        wide[i] = vector[i];
      }
      widened.add(wide);
    }
    return compareToDouble(label, inputs, actual, widened);
  }

  private static ObjectNode compareToDouble(
      String label, List<int[]> inputs, List<float[]> actual, List<double[]> reference) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("case", label);
    ArrayNode vectors = out.putArray("vectors");
    for (int i = 0; i < inputs.size(); i++) {
      VectorAgreement agreement = VectorAgreement.of(reference.get(i), actual.get(i));
      vectors
          .addObject()
          .put("tokens", inputs.get(i).length)
          .put("cosine", agreement.cosine())
          .put("maxAbsDiff", agreement.maxAbsDiff());
    }
    return out;
  }

  /**
   * Adds the worst cosine and max abs difference over every case's vectors, and the goal's verdict.
   */
  private static void summarise(ObjectNode out) {
    double minCosine = Double.POSITIVE_INFINITY;
    double maxAbs = 0;
    int count = 0;
    for (var testCase : out.withArray("cases")) {
      for (var vector : testCase.get("vectors")) {
        // A NaN must fail: Math.min and Math.max keep it, and the goal check is false for it.
        minCosine = Math.min(minCosine, vector.get("cosine").asDouble());
        maxAbs = Math.max(maxAbs, vector.get("maxAbsDiff").asDouble());
        count++;
      }
    }
    out.put("vectorsCompared", count);
    out.put("minCosine", minCosine);
    out.put("maxAbsDiff", maxAbs);
    out.put("meetsCosineGoal", minCosine >= COSINE_GOAL);
  }

  private static int[] randomIds(SplittableRandom random, int length, Qwen3Config config) {
    int[] ids = new int[length];
    int bound = Math.min(config.vocabSize(), Qwen3Config.QWEN3_END_OF_TEXT);
    for (int i = 0; i < length - 1; i++) {
      ids[i] = random.nextInt(bound);
    }
    ids[length - 1] = config.eosTokenId();
    return ids;
  }

  static String describe(Device device, DataType type) {
    return (device.isGpu() ? "GPU " : "CPU ") + (type == DataType.FLOAT16 ? "fp16" : "fp32");
  }

  static String describe(Qwen3Config config) {
    return String.format(
        "hidden %d, %d layers, %d heads (%d kv) x %d, intermediate %d, vocab %d, %,d parameters",
        config.hiddenSize(),
        config.numHiddenLayers(),
        config.numAttentionHeads(),
        config.numKeyValueHeads(),
        config.headDim(),
        config.intermediateSize(),
        config.vocabSize(),
        config.parameterCount());
  }
}
