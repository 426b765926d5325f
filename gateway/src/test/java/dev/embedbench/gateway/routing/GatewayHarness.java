package dev.embedbench.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.remote.RemoteSpec;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.gateway.config.GatewayConfig;
import dev.embedbench.gateway.routing.targets.OwnedBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * A gateway over scripted backends: every target in the YAML is a {@code type: remote} target whose
 * backend is a {@link ScriptedBackend} built from its declared model, reachable by target name.
 */
final class GatewayHarness implements AutoCloseable {

  final Vertx vertx;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final Map<String, ScriptedBackend> backends = new ConcurrentHashMap<>();
  final GatewayConfig config;
  Gateway gateway;

  GatewayHarness(Vertx vertx, Path dir, String yaml) {
    this(vertx, dir, yaml, (target, info) -> info);
  }

  /**
   * @param models changes what a target's backend says it serves, to test start-time checks
   */
  GatewayHarness(
      Vertx vertx, Path dir, String yaml, BiFunction<String, ModelInfo, ModelInfo> models) {
    this.vertx = vertx;
    try {
      Path file = dir.resolve("gateway.yaml");
      Files.writeString(file, yaml);
      this.config = GatewayConfig.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GatewayOptions options =
        GatewayOptions.defaults()
            .withNanoClock(nanos::get)
            .withRandom(new SynchronizedRandom(new SplittableRandom(42)))
            .withBackends(
                (v, target) -> {
                  RemoteSpec spec = (RemoteSpec) target.spec();
                  ScriptedBackend backend =
                      new ScriptedBackend(
                          models.apply(
                              target.name(),
                              spec.model()
                                  .toModelInfo(BackendKind.REMOTE, spec.baseUrl().toString())));
                  backends.put(target.name(), backend);
                  return Future.succeededFuture(OwnedBackend.of(backend));
                });
    this.startWith(options);
  }

  private void startWith(GatewayOptions options) {
    startFuture = Gateway.start(vertx, config, registry, options);
  }

  Future<Gateway> startFuture;

  GatewayHarness started() {
    gateway = await(startFuture);
    return this;
  }

  ScriptedBackend backend(String target) {
    return backends.get(target);
  }

  void advance(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  static EmbeddingsRequest request(String model, String... texts) {
    return new EmbeddingsRequest(
        model,
        Arrays.stream(texts).map(t -> (EmbeddingInput) new EmbeddingInput.Text(t)).toList(),
        EncodingFormat.FLOAT,
        null,
        null);
  }

  static EmbeddingsRequest request(String model, Integer dimensions, List<EmbeddingInput> inputs) {
    return new EmbeddingsRequest(model, inputs, EncodingFormat.BASE64, dimensions, null);
  }

  EmbeddingsOutcome embed(EmbeddingsRequest request) {
    return await(gateway.embed(request));
  }

  /** The failure of a request, which must be an ApiException. */
  ApiException embedFails(EmbeddingsRequest request) {
    Future<EmbeddingsOutcome> future = gateway.embed(request);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    if (!(e.getCause() instanceof ApiException api)) {
      throw new AssertionError("expected an ApiException", e.getCause());
    }
    return api;
  }

  double counter(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  long timerCount(String name, String... tags) {
    var timer = registry.find(name).tags(tags).timer();
    return timer == null ? 0 : timer.count();
  }

  double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("future failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      return fail("future did not complete: " + e);
    }
  }

  @Override
  public void close() {
    if (gateway != null) {
      await(gateway.close());
    }
  }

  /** Makes a seeded generator safe to share between event loops. */
  record SynchronizedRandom(SplittableRandom delegate) implements java.util.random.RandomGenerator {
    @Override
    public synchronized long nextLong() {
      return delegate.nextLong();
    }
  }
}
