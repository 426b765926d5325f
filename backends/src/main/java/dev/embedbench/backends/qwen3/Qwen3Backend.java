package dev.embedbench.backends.qwen3;

import ai.djl.Device;
import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingBackend;
import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.qwen3.batching.DynamicBatcher;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.SyntheticCheckpoint;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;

/**
 * Qwen3-Embedding in this JVM on DJL: GPU in fp16 when libtorch sees one, else CPU in fp32.
 *
 * <p>{@link #open} reads config.json and picks the device, which initialises DJL's engine
 * (blocking, seconds on first use: call it at startup, off the event loop); {@link #start} loads
 * the weights and tokenizer, checks memory and runs one warm-up batch on the inference thread;
 * {@link #ready} stays false until that is done. {@link #embed} may be called from any thread,
 * typically a Vert.x event loop: it only enqueues, and the future completes on the caller's Vert.x
 * context. When the queue is full it fails at once with a 429 {@link
 * dev.embedbench.backends.wire.ApiException} carrying Retry-After; over-long inputs fail with 400
 * unless {@link Qwen3Options#truncate()}. Vectors are full-length and unit-normalised; Matryoshka
 * truncation is the caller's (see {@link Qwen3Prompts#truncate}).
 */
public final class Qwen3Backend implements EmbeddingBackend {

  /** Tokenizer identity for the real Qwen3 vocabulary; callers may send its token ids. */
  public static final String QWEN3_TOKENIZER = "qwen3";

  /**
   * Tokenizer identity of the character tokenizer our generator writes when Qwen3's is not at hand.
   */
  public static final String SYNTHETIC_TOKENIZER = "embedbench-synthetic-char";

  private static final int SMALLEST_MATRYOSHKA = 32;

  private final Path directory;
  private final Qwen3Options options;
  private final Device device;
  private final int maxInputTokens;
  private final ModelInfo info;
  private final DynamicBatcher batcher;

  private Qwen3Backend(Path directory, Qwen3Options options, Device device, Qwen3Config config) {
    this.directory = directory;
    this.options = options;
    this.device = device;
    this.maxInputTokens = Qwen3Embedder.maxInputTokens(config, options.maxInputTokens());
    this.info = describe(directory, options, device, config, maxInputTokens);
    this.batcher =
        new DynamicBatcher("qwen3-inference-" + device, options.batching(), options.listener());
  }

  /** Reads {@code modelDir/config.json} and resolves the device; weights load in {@link #start}. */
  public static Qwen3Backend open(Path modelDir, Qwen3Options options) {
    Qwen3Config config = Qwen3Config.read(modelDir.resolve(Qwen3Checkpoint.CONFIG));
    return new Qwen3Backend(
        modelDir, options, Qwen3Embedder.resolveDevice(options.device()), config);
  }

  static ModelInfo describe(
      Path directory, Qwen3Options options, Device device, Qwen3Config config, int maxInputTokens) {
    String name =
        options.modelName() != null
            ? options.modelName()
            : String.valueOf(directory.toAbsolutePath().normalize().getFileName());
    boolean qwen3Vocabulary =
        config.eosTokenId() == Qwen3Config.QWEN3_END_OF_TEXT
            && !SyntheticCheckpoint.hasCharacterTokenizer(directory);
    int hidden = config.hiddenSize();
    return new ModelInfo(
        name,
        hidden,
        maxInputTokens,
        new MatryoshkaRange(Math.min(SMALLEST_MATRYOSHKA, hidden), hidden),
        qwen3Vocabulary ? QWEN3_TOKENIZER : SYNTHETIC_TOKENIZER,
        BackendKind.IN_PROCESS,
        source(config.synthetic(), device));
  }

  /** For example "synthetic weights, CPU fp32" or "real weights, GPU fp16". */
  static String source(boolean synthetic, Device device) {
    return (synthetic ? "synthetic weights" : "real weights")
        + ", "
        + (device.isGpu() ? "GPU fp16" : "CPU fp32");
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Future<Void> start() {
    return batcher.start(
        () -> {
          Qwen3Embedder embedder =
              Qwen3Embedder.load(directory, device, maxInputTokens, options.truncate());
          try {
            embedder.embed(List.of(embedder.tokens(new EmbeddingInput.Text("warm-up"))));
          } catch (RuntimeException e) {
            embedder.close();
            throw e;
          }
          return embedder;
        });
  }

  @Override
  public boolean ready() {
    return batcher.ready();
  }

  @Override
  public Future<EmbeddingResult> embed(EmbeddingBatch batch) {
    return batcher.submit(batch.inputs());
  }

  /** Inputs waiting for the inference thread, for metrics. */
  public int queuedInputs() {
    return batcher.queuedInputs();
  }

  /** Forward passes run since start, for metrics. */
  public long batchesRun() {
    return batcher.batchesRun();
  }

  /** Inputs embedded since start, for metrics. */
  public long inputsRun() {
    return batcher.inputsRun();
  }

  @Override
  public void close() {
    batcher.close();
  }
}
