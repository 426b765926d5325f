package dev.embedbench.backends.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte writer for passed-through base64 writes exactly what the Jackson encoder writes. */
class EmbeddingsResponseEncoderTest {

  private static byte[] viaJackson(EmbeddingsResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EmbeddingsResponseEncoder.encodeWithJackson(response, EncodingFormat.BASE64, out);
    return out.toByteArray();
  }

  private static EmbeddingsResponse upstream(String model, int tokens, float[]... vectors) {
    byte[] body =
        EmbeddingsResponseEncoder.encode(
            new EmbeddingsResponse(model, List.of(vectors), tokens), EncodingFormat.BASE64);
    return EmbeddingsResponseParser.parse(body);
  }

  @Test
  void passedThroughBase64IsByteForByteWhatJacksonWrites() {
    for (String model : List.of("m", "Qwen3-Embedding-0.6B", "a b/c:d", "")) {
      for (int tokens : new int[] {0, 7, 123456789}) {
        EmbeddingsResponse response =
            upstream(
                model,
                tokens,
                new float[] {0.6f, 0.8f},
                new float[] {0.8f, 0.6f},
                new float[] {1f, 0f});
        assertEquals(3, response.base64().size());
        assertArrayEquals(
            viaJackson(response),
            EmbeddingsResponseEncoder.encode(response, EncodingFormat.BASE64),
            model + " " + tokens);
      }
    }
  }

  @Test
  void aModelNameThatNeedsEscapingGoesThroughJackson() {
    EmbeddingsResponse response = upstream("m\"\u00e9\\", 3, new float[] {0.6f, 0.8f});
    byte[] encoded = EmbeddingsResponseEncoder.encode(response, EncodingFormat.BASE64);
    assertArrayEquals(viaJackson(response), encoded);
    String text = new String(encoded, StandardCharsets.UTF_8);
    assertEquals(true, text.contains("\"model\":\"m\\\"\u00e9\\\\\""), text);
  }
}
