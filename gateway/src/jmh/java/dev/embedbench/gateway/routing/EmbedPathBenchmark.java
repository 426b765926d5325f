package dev.embedbench.gateway.routing;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingBackend;
import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.gateway.config.GatewayConfig;
import dev.embedbench.gateway.routing.targets.OwnedBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * What routing adds to one request, without HTTP: lookup, validation, target choice, the attempt's
 * timer, future plumbing, metrics and (with {@code dimensions}) Matryoshka truncation, against a
 * backend that answers at once with precomputed 1024-dimension vectors. The benchmark thread is not
 * an event loop, so the attempt's timer is scheduled across threads, which costs more than it does
 * on an event loop while serving. Run with {@code bench/jmh --module gateway EmbedPathBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EmbedPathBenchmark {

  /** Inputs per request. */
  @Param({"1", "32"})
  int inputs;

  /** Requested Matryoshka size; 0 for full vectors. */
  @Param({"0", "256"})
  int dimensions;

  private Vertx vertx;
  private Gateway gateway;
  private EmbeddingsRequest request;

  /** Answers at once with the same vectors: the benchmark measures the gateway, not a model. */
  static final class InstantBackend implements EmbeddingBackend {
    private final ModelInfo info =
        new ModelInfo(
            "bench",
            1024,
            8192,
            new MatryoshkaRange(32, 1024),
            null,
            BackendKind.EMULATED,
            "benchmark stand-in");
    private final List<float[]> vectors = new ArrayList<>();

    InstantBackend() {
      SplittableRandom random = new SplittableRandom(1);
      for (int i = 0; i < 2048; i++) {
        float[] v = new float[1024];
        for (int j = 0; j < v.length; j++) {
          v[j] = (float) random.nextGaussian();
        }
        vectors.add(v);
      }
    }

    @Override
    public ModelInfo info() {
      return info;
    }

    @Override
    public Future<Void> start() {
      return Future.succeededFuture();
    }

    @Override
    public boolean ready() {
      return true;
    }

    @Override
    public Future<EmbeddingResult> embed(EmbeddingBatch batch) {
      return Future.succeededFuture(
          new EmbeddingResult(vectors.subList(0, batch.size()), batch.size() * 8));
    }

    @Override
    public void close() {}
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path file = Files.createTempFile("embed-path", ".yaml");
    Files.writeString(
        file,
        """
        routes:
          - name: bench
            targets:
              - name: a
                type: remote
                url: http://127.0.0.1:9
                weight: 3
                model: {name: bench, dimensions: 1024, max_input_tokens: 8192,
                        matryoshka: {min: 32, max: 1024}}
              - name: b
                type: remote
                url: http://127.0.0.1:9
                weight: 1
                model: {name: bench, dimensions: 1024, max_input_tokens: 8192,
                        matryoshka: {min: 32, max: 1024}}
        """);
    GatewayConfig config = GatewayConfig.load(file);
    Files.delete(file);
    vertx = Vertx.vertx();
    gateway =
        Gateway.start(
                vertx,
                config,
                new SimpleMeterRegistry(),
                GatewayOptions.defaults()
                    .withBackends(
                        (v, target) ->
                            Future.succeededFuture(OwnedBackend.of(new InstantBackend()))))
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    List<EmbeddingInput> texts = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      texts.add(new EmbeddingInput.Text("a typical short passage of text number " + i));
    }
    request =
        new EmbeddingsRequest(
            "bench", texts, EncodingFormat.BASE64, dimensions == 0 ? null : dimensions, null);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    gateway.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Benchmark
  public EmbeddingsOutcome embed() {
    // The backend answers synchronously, so the future is already complete.
    return gateway.embed(request).result();
  }
}
