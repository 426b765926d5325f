package dev.embedbench.backends.spi;

import dev.embedbench.backends.EmbeddingBackend;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A started backend and whatever its provider started to serve it (an emulated server, say), with
 * the one way to release both.
 *
 * @param backend the backend to route to; already started
 * @param release closes the backend and anything started for it; called once
 */
public record StartedBackend(EmbeddingBackend backend, Supplier<Future<Void>> release) {

  public StartedBackend {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(release, "release");
  }

  /** A backend that owns nothing else: releasing it closes it. */
  public static StartedBackend of(EmbeddingBackend backend) {
    return new StartedBackend(
        backend,
        () -> {
          backend.close();
          return Future.succeededFuture();
        });
  }
}
