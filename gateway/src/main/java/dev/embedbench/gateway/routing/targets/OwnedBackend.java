package dev.embedbench.gateway.routing.targets;

import dev.embedbench.backends.EmbeddingBackend;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A started backend and whatever was started to serve it (an emulated server, say), with the one
 * way to release both: what the gateway holds of a provider's {@code StartedBackend}, and what a
 * test's {@link BackendFactory} returns.
 *
 * @param backend the backend to route to; already started
 * @param release closes the backend and anything started for it; called once
 */
public record OwnedBackend(EmbeddingBackend backend, Supplier<Future<Void>> release) {

  public OwnedBackend {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(release, "release");
  }

  /** A backend that owns nothing else: releasing it closes it. */
  public static OwnedBackend of(EmbeddingBackend backend) {
    return new OwnedBackend(
        backend,
        () -> {
          backend.close();
          return Future.succeededFuture();
        });
  }
}
