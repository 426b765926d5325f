package dev.embedbench.backends;

import io.vertx.core.Future;

/**
 * An embedding backend: in-process model, remote server or emulator.
 *
 * <p>Threading contract: {@link #embed} is called on a Vert.x event loop and returns at once. When
 * it is called on a Vert.x context, the returned future completes on that same context, so callers
 * can touch their own state in callbacks without locks. Failures are {@link
 * dev.embedbench.backends.wire.ApiException}s carrying the OpenAI error to show the client (429
 * when overloaded, 502/503/504 for upstream trouble); any other exception is a bug and maps to 500.
 */
public interface EmbeddingBackend extends AutoCloseable {

  /** What this backend serves; known before {@link #start()} completes. */
  ModelInfo info();

  /** Loads, connects or warms up; completes when the backend can serve. */
  Future<Void> start();

  /** True once the backend can serve (after warm-up, while its upstream answers its probe). */
  boolean ready();

  /** Embeds one batch within this backend's limits. */
  Future<EmbeddingResult> embed(EmbeddingBatch batch);

  /**
   * Embeds one batch, giving up when {@code abandoned} completes (the client went away): a backend
   * that can stop work it has started (a remote call) does so and fails the batch; others just
   * embed.
   */
  default Future<EmbeddingResult> embed(EmbeddingBatch batch, Future<Void> abandoned) {
    return embed(batch);
  }

  /** Releases threads, connections and native memory. Idempotent. */
  @Override
  void close();
}
