package dev.embedbench.backends.qwen3;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.LibUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.backends.qwen3.checkpoint.DType;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.SyntheticCheckpoint;
import dev.embedbench.backends.qwen3.model.Qwen3Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The DJL side of the GPU kit (bench/gpu/, docs/qwen3.md): the same model code the backend runs,
 * driven by bench/gpu/gpu_bench.py. Subcommands, each printing JSON on stdout (DJL logs go to
 * stderr):
 *
 * <ul>
 *   <li>{@code prepare --shape 0.6b|8b|small --dir DIR}: writes the synthetic checkpoint (F16 on
 *       disk, the project's generator) unless DIR already holds it. Needs no libtorch.
 *   <li>{@code correctness --model DIR --device gpu|cpu --fast-dtype fp16|fp32 --long N,N --out
 *       FILE --scratch DIR}: the fast path against CPU fp32 of the same code, and a tiny model
 *       against {@link ReferenceQwen3}.
 *   <li>{@code serve --model DIR --device gpu|cpu --dtype fp16|fp32}: loads the model and times it
 *       on request ({@link GpuTimingServer}).
 * </ul>
 *
 * On a CPU ({@code --device cpu}) every subcommand runs too, slowly: that is how the kit is tested
 * where no GPU is at hand.
 */
public final class GpuBench {

  /** Same seed and scale as compare's synthetic checkpoints. */
  private static final long SEED = 20_260_117L;

  private static final double WEIGHT_STD = 0.02;
  private static final ObjectMapper JSON = new ObjectMapper();

  private GpuBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw usage("missing subcommand");
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    switch (args[0]) {
      case "prepare" -> prepare(options);
      case "correctness" -> correctness(options);
      case "serve" -> serve(options);
      default -> throw usage("unknown subcommand '" + args[0] + "'");
    }
  }

  private static void prepare(Map<String, String> options) throws IOException {
    GpuBenchShape shape = GpuBenchShape.parse(required(options, "shape"));
    Path dir = Path.of(required(options, "dir"));
    Qwen3Config config = shape.config();
    long started = System.nanoTime();
    boolean written = SyntheticCheckpoint.ensure(dir, config, DType.F16, SEED, WEIGHT_STD, null);
    ObjectNode reply =
        JSON.createObjectNode()
            .put("event", "prepared")
            .put("shape", shape.id())
            .put("directory", dir.toString())
            .put("written", written)
            .put("seconds", (System.nanoTime() - started) / 1e9)
            .put("parameters", config.parameterCount())
            .put("bytesOnDisk", Files.size(dir.resolve(Qwen3Checkpoint.SINGLE_FILE)));
    System.out.println(JSON.writeValueAsString(reply));
  }

  private static void correctness(Map<String, String> options) throws IOException {
    Device device = device(required(options, "device"));
    DataType fastType = dataType(options.getOrDefault("fast-dtype", "fp16"));
    int[] longLengths =
        Stream.of(options.getOrDefault("long", "2048,2600").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Path scratch = Files.createDirectories(Path.of(required(options, "scratch")));
    ObjectNode result =
        new GpuCorrectness(device, fastType)
            .run(Path.of(required(options, "model")), longLengths, scratch);
    result.set("engine", engineInfo());
    Path out = Path.of(required(options, "out"));
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    System.out.println(
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .put("event", "correctness")
                .put("out", out.toString())
                .put("minCosine", result.get("model").get("minCosine").asDouble())
                .put("tinyMinCosine", result.get("tinyModel").get("minCosine").asDouble())));
  }

  private static void serve(Map<String, String> options) throws IOException {
    Device device = device(required(options, "device"));
    DataType type = dataType(required(options, "dtype"));
    long started = System.nanoTime();
    try (Qwen3Model model =
        Qwen3Model.load(Qwen3Checkpoint.open(Path.of(required(options, "model"))), device, type)) {
      ObjectNode ready =
          JSON.createObjectNode()
              .put("event", "ready")
              .put("pid", ProcessHandle.current().pid())
              .put("path", GpuCorrectness.describe(device, type))
              .put("loadSeconds", (System.nanoTime() - started) / 1e9);
      ready.set("engine", engineInfo());
      System.out.println(JSON.writeValueAsString(ready));
      System.out.flush();
      new GpuTimingServer(model, System.out).serve();
    }
  }

  /** Which libtorch DJL loaded and what it sees: the proof of what ran. */
  private static ObjectNode engineInfo() {
    Engine engine = Engine.getEngine("PyTorch");
    return JSON.createObjectNode()
        .put("engine", engine.getEngineName())
        .put("libtorchVersion", engine.getVersion())
        .put("libtorchDirectory", LibUtils.getLibtorchPath())
        .put("cudaCapability", engine.hasCapability(StandardCapabilities.CUDA))
        .put("gpuCountSeenByDjl", engine.getGpuCount());
  }

  private static Device device(String text) {
    if (text.equals("cpu")) {
      return Device.cpu();
    }
    if (!text.equals("gpu")) {
      throw new IllegalArgumentException("--device must be gpu or cpu, was '" + text + "'");
    }
    if (!Engine.getEngine("PyTorch").hasCapability(StandardCapabilities.CUDA)) {
      throw new IllegalStateException(
          "--device gpu: the libtorch DJL loaded ("
              + LibUtils.getLibtorchPath()
              + ") has no CUDA capability");
    }
    return Device.gpu();
  }

  private static DataType dataType(String text) {
    return switch (text) {
      case "fp16" -> DataType.FLOAT16;
      case "fp32" -> DataType.FLOAT32;
      default ->
          throw new IllegalArgumentException("dtype must be fp16 or fp32, was '" + text + "'");
    };
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw usage("expected --key value pairs, got '" + String.join(" ", args) + "'");
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw usage("missing --" + key);
    }
    return value;
  }

  private static IllegalArgumentException usage(String problem) {
    return new IllegalArgumentException(
        problem
            + "; usage: GpuBench prepare|correctness|serve --key value ... (see the class javadoc)");
  }
}
