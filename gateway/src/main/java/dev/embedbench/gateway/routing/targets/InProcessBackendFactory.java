package dev.embedbench.gateway.routing.targets;

import dev.embedbench.backends.qwen3.Qwen3Backend;
import dev.embedbench.gateway.config.InProcessSpec;
import dev.embedbench.gateway.config.TargetConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * {@code type: in-process}: a Qwen3-Embedding checkpoint loaded into this JVM. config.json is read
 * on a worker thread; the weights load, and a warm-up batch runs, on the backend's own inference
 * thread, so the target is started (and ready) once the model can answer.
 */
public final class InProcessBackendFactory implements BackendFactory {

  @Override
  public Future<OwnedBackend> create(Vertx vertx, TargetConfig target) {
    InProcessSpec spec = (InProcessSpec) target.spec();
    return vertx
        .executeBlocking(() -> Qwen3Backend.open(spec.modelDir(), spec.options()))
        .compose(
            backend ->
                backend
                    .start()
                    .map(
                        started ->
                            new OwnedBackend(backend, () -> closeOffTheEventLoop(vertx, backend)))
                    .recover(
                        cause ->
                            closeOffTheEventLoop(vertx, backend)
                                .transform(closed -> Future.<OwnedBackend>failedFuture(cause))));
  }

  /** Closing waits for the batch in progress, which may take seconds on a CPU. */
  private static Future<Void> closeOffTheEventLoop(Vertx vertx, Qwen3Backend backend) {
    return vertx.executeBlocking(
        () -> {
          backend.close();
          return null;
        });
  }
}
