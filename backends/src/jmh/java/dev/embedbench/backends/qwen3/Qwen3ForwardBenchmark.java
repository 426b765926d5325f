package dev.embedbench.backends.qwen3;

import ai.djl.Device;
import dev.embedbench.backends.qwen3.checkpoint.DType;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.SyntheticCheckpoint;
import dev.embedbench.backends.qwen3.model.Qwen3Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One forward pass (embedding, decoder layers, pooling) of a synthetic random-weight model with the
 * real Qwen3-Embedding-0.6B's shape, on CPU fp32, for a batch of equal-length token sequences. The
 * checkpoint (BF16 on disk, like the real one) is generated once under {@value #MODEL_DIR_PROPERTY}
 * (default {@code backends/target/bench-models}) and never committed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class Qwen3ForwardBenchmark {

  static final String MODEL_DIR_PROPERTY = "embedbench.bench.modelDir";

  @Param({"1", "8", "32"})
  public int batchSize;

  @Param({"128"})
  public int tokens;

  /** 28 is the real 0.6B; fewer layers give the same per-layer throughput sooner. */
  @Param({"28"})
  public int layers;

  private Qwen3Model model;
  private List<int[]> batch;

  /** The 0.6B's architecture with {@code layers} decoder layers, marked synthetic. */
  static Qwen3Config benchConfig(int layers) {
    Qwen3Config real = Qwen3Config.qwen3Embedding06b(true);
    return new Qwen3Config(
        real.hiddenSize(),
        layers,
        real.numAttentionHeads(),
        real.numKeyValueHeads(),
        real.headDim(),
        real.intermediateSize(),
        real.vocabSize(),
        real.maxPositionEmbeddings(),
        real.ropeTheta(),
        real.rmsNormEps(),
        real.eosTokenId(),
        true);
  }

  static Path modelDir(int layers) {
    Path root = Path.of(System.getProperty(MODEL_DIR_PROPERTY, "backends/target/bench-models"));
    return root.resolve("qwen3-0.6b-shape-synthetic-" + layers + "-layers");
  }

  @Setup
  public void load() throws IOException {
    Qwen3Config config = benchConfig(layers);
    Path dir = modelDir(layers);
    SyntheticCheckpoint.ensure(dir, config, DType.BF16, 1, 0.02, null);
    model = Qwen3Model.load(Qwen3Checkpoint.open(dir), Device.cpu());
    SplittableRandom random = new SplittableRandom(42);
    batch = new ArrayList<>();
    for (int b = 0; b < batchSize; b++) {
      int[] ids = random.ints(tokens, 0, 151_000).toArray();
      ids[tokens - 1] = config.eosTokenId();
      batch.add(ids);
    }
  }

  @Benchmark
  public float[][] forward() {
    return model.embed(batch);
  }

  @TearDown
  public void close() {
    model.close();
  }

  /**
   * Multiply-adds x 2 of one forward pass: every projection, plus q·kᵀ and p·v over the full L x L.
   */
  static double flops(Qwen3Config c, int batchSize, int tokens) {
    double t = (double) batchSize * tokens;
    double q = (double) c.numAttentionHeads() * c.headDim();
    double kv = (double) c.numKeyValueHeads() * c.headDim();
    double h = c.hiddenSize();
    double projections = 2 * t * (h * (q + 2 * kv) + q * h + 3 * h * c.intermediateSize());
    double attention =
        4.0 * batchSize * c.numAttentionHeads() * (double) tokens * tokens * c.headDim();
    return c.numHiddenLayers() * (projections + attention);
  }
}
