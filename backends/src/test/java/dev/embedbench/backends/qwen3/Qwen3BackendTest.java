package dev.embedbench.backends.qwen3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.qwen3.batching.BatchListener;
import dev.embedbench.backends.qwen3.checkpoint.DType;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.backends.qwen3.checkpoint.SyntheticCheckpoint;
import dev.embedbench.backends.wire.ApiException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend end to end on a synthetic checkpoint from the generator, driven from a Vert.x
 * context.
 */
class Qwen3BackendTest {

  @TempDir Path dir;

  @Test
  void servesFromTheEventLoopAfterWarmUp() throws Exception {
    Qwen3Config config = TinyCheckpoints.config(32, 2, 4, 2, 16, 48);
    assertTrue(SyntheticCheckpoint.ensure(dir, config, DType.BF16, 5, 0.2, null));
    assertFalse(
        SyntheticCheckpoint.ensure(dir, config, DType.BF16, 5, 0.2, null), "cached on second call");
    AtomicInteger batches = new AtomicInteger();
    Qwen3Options options =
        Qwen3Options.DEFAULTS
            .withModelName("tiny")
            .withDevice(DevicePreference.CPU)
            .withMaxInputTokens(64)
            .withListener(
                new BatchListener() {
                  @Override
                  public void batchRan(
                      int inputs, int realTokens, int paddedTokens, long inferenceNanos) {
                    batches.incrementAndGet();
                  }
                });
    Vertx vertx = Vertx.vertx();
    try (Qwen3Backend backend = Qwen3Backend.open(dir, options)) {
      ModelInfo info = backend.info();
      assertEquals("tiny", info.model());
      assertEquals(32, info.dimensions());
      assertEquals(64, info.maxInputTokens());
      assertEquals(BackendKind.IN_PROCESS, info.kind());
      assertEquals("synthetic weights, CPU fp32", info.source());
      assertEquals(Qwen3Backend.SYNTHETIC_TOKENIZER, info.tokenizer());
      assertFalse(backend.ready());

      Context context = vertx.getOrCreateContext();
      CompletableFuture<Void> started = new CompletableFuture<>();
      context.runOnContext(
          v ->
              backend
                  .start()
                  .onComplete(
                      r -> {
                        assertSame(context, Vertx.currentContext());
                        started.complete(null);
                      }));
      started.get(60, TimeUnit.SECONDS);
      assertTrue(backend.ready());

      CompletableFuture<Object[]> answered = new CompletableFuture<>();
      EmbeddingBatch batch =
          new EmbeddingBatch(
              List.of(
                  new EmbeddingInput.Text("hello"),
                  new EmbeddingInput.TokenIds(new int[] {40, 41, 42, TinyCheckpoints.EOS})));
      context.runOnContext(
          v ->
              backend
                  .embed(batch)
                  .onComplete(
                      r ->
                          answered.complete(
                              new Object[] {
                                Vertx.currentContext(), r.succeeded() ? r.result() : r.cause()
                              })));
      Object[] outcome = answered.get(30, TimeUnit.SECONDS);
      assertSame(context, outcome[0], "completes on the caller's context");
      EmbeddingResult result = (EmbeddingResult) outcome[1];
      assertEquals(2, result.vectors().size());
      assertEquals(6 + 4, result.promptTokens());

      try (Qwen3Embedder direct = Qwen3Embedder.load(dir, Device.cpu(), 64, false)) {
        float[] expected = direct.embed(List.of(new int[] {40, 41, 42, TinyCheckpoints.EOS}))[0];
        assertArrayEquals(expected, result.vectors().get(1), 1e-5f);
      }

      CompletableFuture<Throwable> refused = new CompletableFuture<>();
      backend
          .embed(new EmbeddingBatch(List.of(new EmbeddingInput.Text("x".repeat(100)))))
          .onComplete(r -> refused.complete(r.cause()));
      ApiException tooLong = (ApiException) refused.get(30, TimeUnit.SECONDS);
      assertEquals(400, tooLong.error().httpStatus());
      assertTrue(batches.get() >= 1, "listener saw the request's forward pass");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void truncationWhenTheRouteAsksForIt() throws Exception {
    Qwen3Config config = TinyCheckpoints.config(32, 1, 4, 2, 16, 48);
    SyntheticCheckpoint.write(dir, config, DType.F32, 1, 0.2, null);
    Qwen3Options options =
        Qwen3Options.DEFAULTS
            .withDevice(DevicePreference.CPU)
            .withMaxInputTokens(8)
            .withTruncate(true);
    try (Qwen3Backend backend = Qwen3Backend.open(dir, options)) {
      backend.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      EmbeddingResult result =
          backend
              .embed(new EmbeddingBatch(List.of(new EmbeddingInput.Text("y".repeat(50)))))
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      assertEquals(8, result.promptTokens());
    }
  }

  @Test
  void realLabelWithoutTheMarker() throws Exception {
    TinyCheckpoints.writeRandom(dir, TinyCheckpoints.GQA, 2);
    Path config = dir.resolve("config.json");
    Files.writeString(
        config, Files.readString(config).replace("\"embedbench_synthetic\" : true", "\"x\" : 0"));
    try (Qwen3Backend backend =
        Qwen3Backend.open(dir, Qwen3Options.DEFAULTS.withDevice(DevicePreference.CPU))) {
      assertEquals("real weights, CPU fp32", backend.info().source());
    }
  }

  @Test
  void tokenizerIdentityFollowsTheTokenizerFile(@TempDir Path other) throws Exception {
    Qwen3Config qwen3Vocabulary =
        new Qwen3Config(
            32, 1, 4, 2, 16, 48, 151669, 512, 1e6, 1e-6, Qwen3Config.QWEN3_END_OF_TEXT, true);
    SyntheticCheckpoint.write(dir, qwen3Vocabulary, DType.BF16, 1, 0.02, other.resolve("absent"));
    Qwen3Options cpu = Qwen3Options.DEFAULTS.withDevice(DevicePreference.CPU);
    try (Qwen3Backend backend = Qwen3Backend.open(dir, cpu)) {
      assertEquals(
          Qwen3Backend.SYNTHETIC_TOKENIZER,
          backend.info().tokenizer(),
          "a generated character tokenizer never claims Qwen3's token ids");
    }
    Assumptions.assumeTrue(ModelDirs.hasQwen3Tokenizer(), ModelDirs.missingTokenizerMessage());
    SyntheticCheckpoint.write(
        other, qwen3Vocabulary, DType.BF16, 1, 0.02, ModelDirs.qwen3Tokenizer());
    try (Qwen3Backend backend = Qwen3Backend.open(other, cpu)) {
      assertEquals(Qwen3Backend.QWEN3_TOKENIZER, backend.info().tokenizer());
    }
  }
}
