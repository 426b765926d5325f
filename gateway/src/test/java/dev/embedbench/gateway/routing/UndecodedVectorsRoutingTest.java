package dev.embedbench.gateway.routing;

import static dev.embedbench.gateway.routing.GatewayHarness.request;
import static dev.embedbench.gateway.routing.Yaml.config;
import static dev.embedbench.gateway.routing.Yaml.route;
import static dev.embedbench.gateway.routing.Yaml.target;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.embedbench.backends.EmbeddingBatch;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.Base64Text;
import dev.embedbench.backends.wire.Base64Vectors;
import dev.embedbench.backends.wire.EncodingFormat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing with answers that stay undecoded base64 ({@link Base64Vectors}), as a remote backend
 * returns them: split batches are joined without decoding, a wrong length is still a 502, and
 * Matryoshka truncation decodes what it needs.
 */
@ExtendWith(VertxExtension.class)
class UndecodedVectorsRoutingTest {

  @TempDir Path dir;
  private GatewayHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private static Base64Text base64(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    byte[] text = Base64.getEncoder().encode(bytes.array());
    return new Base64Text(text, 0, text.length);
  }

  /** Answers each batch with the scripted vectors, as undecoded base64 of {@code dimensions}. */
  private static Future<EmbeddingResult> undecoded(EmbeddingBatch batch, int dimensions) {
    List<Base64Text> texts = new ArrayList<>();
    for (EmbeddingInput input : batch.inputs()) {
      texts.add(base64(ScriptedBackend.vectorFor(input, dimensions)));
    }
    Base64Vectors vectors = new Base64Vectors(texts, dimensions);
    return Future.succeededFuture(new EmbeddingResult(vectors, batch.size(), vectors.texts()));
  }

  @Test
  void splitUndecodedBatchesAreJoinedInOrderWithoutDecoding(Vertx vertx) {
    harness =
        new GatewayHarness(vertx, dir, config(route("r", target("a", "max_batch_inputs: 2"))))
            .started();
    harness.backend("a").behave((backend, batch) -> undecoded(batch, 8));
    String[] texts = {"0", "1", "2", "3", "4"};
    EmbeddingsOutcome outcome = harness.embed(request("r", texts));
    Base64Vectors joined = assertInstanceOf(Base64Vectors.class, outcome.response().vectors());
    assertEquals(5, joined.size());
    for (int i = 0; i < texts.length; i++) {
      float[] expected = ScriptedBackend.vectorFor(new EmbeddingInput.Text(texts[i]), 8);
      assertArrayEquals(expected, joined.get(i), "vector " + i);
      assertEquals(base64(expected).asString(), outcome.response().base64Of(i).asString());
    }
    assertEquals(5, outcome.promptTokens());
  }

  @Test
  void undecodedVectorsOfTheWrongLengthAre502(Vertx vertx) {
    harness = new GatewayHarness(vertx, dir, config(route("r", target("a")))).started();
    harness.backend("a").behave((backend, batch) -> undecoded(batch, 4));
    ApiException e = harness.embedFails(request("r", "x"));
    assertEquals(502, e.error().httpStatus());
  }

  @Test
  void dimensionsDecodeAndTruncate(Vertx vertx) {
    harness = new GatewayHarness(vertx, dir, config(route("r", target("a")))).started();
    harness.backend("a").behave((backend, batch) -> undecoded(batch, 8));
    EmbeddingsOutcome outcome =
        harness.embed(request("r", 4, List.of(new EmbeddingInput.Text("x"))));
    float[] vector = outcome.response().vectors().get(0);
    assertEquals(4, vector.length);
    assertEquals(null, outcome.response().base64Of(0), "a truncated vector is encoded afresh");
    // A base64 client then gets the truncated vector's own base64.
    String json =
        new String(outcome.response().encode(EncodingFormat.BASE64), StandardCharsets.UTF_8);
    assertEquals(true, json.contains(base64(vector).asString()), json);
  }
}
