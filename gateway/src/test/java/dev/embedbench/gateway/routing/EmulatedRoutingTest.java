package dev.embedbench.gateway.routing;

import static dev.embedbench.gateway.routing.GatewayHarness.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.gateway.config.GatewayConfig;
import dev.embedbench.testsupport.env.RepositoryHome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo configuration end to end: three emulated servers started by the gateway itself. */
@ExtendWith({VertxExtension.class, RepositoryHome.class})
class EmulatedRoutingTest {

  private static EmbeddingsRequest request(String model, Integer dimensions, String... texts) {
    return new EmbeddingsRequest(
        model,
        List.of(texts).stream().map(t -> (EmbeddingInput) new EmbeddingInput.Text(t)).toList(),
        EncodingFormat.BASE64,
        dimensions,
        null);
  }

  @Test
  void demoServesTheArticlesThreeModelsEmulated(Vertx vertx) throws Exception {
    GatewayConfig config = GatewayConfig.load(Path.of("..", "configs", "gateway-demo.yaml"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Gateway gateway = await(Gateway.start(vertx, config, registry));
    try {
      assertTrue(gateway.ready());
      List<ModelListing> models = gateway.models();
      assertEquals(
          List.of("qwen3-embedding-0.6b", "qwen3-embedding-8b", "bge-m3"),
          models.stream().map(ModelListing::id).toList());
      assertEquals(
          List.of(1024, 4096, 1024), models.stream().map(ModelListing::dimensions).toList());
      assertTrue(models.stream().allMatch(m -> m.kind() == BackendKind.EMULATED));

      EmbeddingsOutcome small =
          await(
              gateway.embed(
                  request(
                      "Qwen/Qwen3-Embedding-0.6B", 256, "what is a vector?", "a second input")));
      assertEquals("qwen3-embedding-0.6b", small.response().model());
      assertEquals(BackendKind.EMULATED, small.kind());
      assertEquals(2, small.response().vectors().size());
      assertEquals(256, small.response().vectors().get(0).length);
      EmbeddingsOutcome again =
          await(gateway.embed(request("qwen3-embedding-0.6b", null, "what is a vector?")));
      assertEquals(1024, again.response().vectors().get(0).length);

      EmbeddingsOutcome big = await(gateway.embed(request("qwen3-embedding-8b", null, "x")));
      assertEquals(4096, big.response().vectors().get(0).length);

      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  gateway
                      .embed(request("BAAI/bge-m3", 256, "x"))
                      .toCompletionStage()
                      .toCompletableFuture()
                      .get(5, TimeUnit.SECONDS));
      assertEquals(400, ((ApiException) e.getCause()).error().httpStatus());
      assertEquals(
          1024,
          await(gateway.embed(request("bge-m3", null, "x"))).response().vectors().get(0).length);
      assertEquals(
          1,
          registry
              .get("embedbench.upstream.latency")
              .tags("target", "qwen3-8b-a10g-emulated", "outcome", "success", "kind", "emulated")
              .timer()
              .count());
    } finally {
      await(gateway.close());
    }
  }

  @Test
  void splitRequestsThroughTheEmulatorKeepOrder(Vertx vertx) throws Exception {
    Path file = Files.createTempFile("gateway", ".yaml");
    Files.writeString(
        file,
        """
        routes:
          - name: bge-m3
            targets:
              - {name: bge, type: emulated, profile: bge-m3-a10g, max_batch_inputs: 4}
        """);
    Gateway gateway =
        await(Gateway.start(vertx, GatewayConfig.load(file), new SimpleMeterRegistry()));
    try {
      String[] texts = new String[10];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = "input number " + i;
      }
      EmbeddingsOutcome split = await(gateway.embed(request("bge-m3", null, texts)));
      for (int i = 0; i < texts.length; i++) {
        // The emulator's vectors depend only on the text: one at a time must give the same.
        EmbeddingsOutcome alone = await(gateway.embed(request("bge-m3", null, texts[i])));
        assertArrayEquals(
            alone.response().vectors().get(0), split.response().vectors().get(i), "input " + i);
      }
    } finally {
      await(gateway.close());
      Files.delete(file);
    }
  }
}
