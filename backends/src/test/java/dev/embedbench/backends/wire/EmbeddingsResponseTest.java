package dev.embedbench.backends.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EmbeddingsResponseTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Floats from every corner of the format: random bit patterns cover all exponents. */
  private static List<float[]> awkwardVectors(int count, int dims, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] specials = {
      0.0f,
      -0.0f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      Float.MIN_NORMAL,
      Math.nextDown(Float.MIN_NORMAL),
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      1.0f,
      -1.0f,
      0.1f,
      1.17549435E-38f,
      3.4028235E38f,
      1.0E-45f,
      2.0E-3f,
      1.0E7f,
      9.999999E-4f
    };
    List<float[]> vectors = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      float[] vector = new float[dims];
      for (int i = 0; i < dims; i++) {
        if (i < specials.length && v == 0) {
          vector[i] = specials[i];
          continue;
        }
        float candidate;
        do {
          candidate = Float.intBitsToFloat(random.nextInt());
        } while (Float.isNaN(candidate) || Float.isInfinite(candidate));
        vector[i] = candidate;
      }
      vectors.add(vector);
    }
    return vectors;
  }

  private static void assertBitExact(List<float[]> expected, List<float[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int v = 0; v < expected.size(); v++) {
      float[] e = expected.get(v);
      float[] a = actual.get(v);
      assertEquals(e.length, a.length);
      for (int i = 0; i < e.length; i++) {
        assertEquals(
            Float.floatToRawIntBits(e[i]),
            Float.floatToRawIntBits(a[i]),
            "vector " + v + " value " + i + ": " + e[i] + " came back as " + a[i]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EncodingFormat.class)
  void roundTripsBitExact(EncodingFormat format) {
    List<float[]> vectors = awkwardVectors(16, 1024, 7 + format.ordinal());
    EmbeddingsResponse response = new EmbeddingsResponse("m", vectors, 123);
    EmbeddingsResponse back = EmbeddingsResponse.parse(response.encode(format));
    assertBitExact(vectors, back.vectors());
    assertEquals("m", back.model());
    assertEquals(123, back.promptTokens());
  }

  @ParameterizedTest
  @EnumSource(EncodingFormat.class)
  void encodesExactlyOpenAisShape(EncodingFormat format) throws IOException {
    List<float[]> vectors = List.of(new float[] {0.5f, -0.25f}, new float[] {1f, 0f});
    JsonNode json = MAPPER.readTree(new EmbeddingsResponse("mod", vectors, 9).encode(format));
    assertEquals("list", json.get("object").asText());
    assertEquals("mod", json.get("model").asText());
    assertEquals(9, json.get("usage").get("prompt_tokens").asInt());
    assertEquals(9, json.get("usage").get("total_tokens").asInt());
    assertEquals(2, json.get("data").size());
    for (int i = 0; i < 2; i++) {
      JsonNode item = json.get("data").get(i);
      assertEquals("embedding", item.get("object").asText());
      assertEquals(i, item.get("index").asInt());
      if (format == EncodingFormat.FLOAT) {
        assertEquals(vectors.get(i)[0], item.get("embedding").get(0).floatValue());
      } else {
        assertTrue(item.get("embedding").isTextual());
      }
    }
  }

  @Test
  void base64IsStandardBase64OfLittleEndianFloat32() throws IOException {
    float[] vector = {1.0f, -2.5f, Float.MIN_VALUE};
    JsonNode json =
        MAPPER.readTree(
            new EmbeddingsResponse("m", List.of(vector), 1).encode(EncodingFormat.BASE64));
    ByteBuffer expected = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : vector) {
      expected.putFloat(v);
    }
    assertEquals(
        Base64.getEncoder().encodeToString(expected.array()),
        json.get("data").get(0).get("embedding").asText());
  }

  @Test
  void reassemblesDataByIndexNotByArrivalOrder() {
    String body =
        "{\"object\":\"list\",\"data\":["
            + "{\"object\":\"embedding\",\"index\":2,\"embedding\":[3.0,3.5]},"
            + "{\"object\":\"embedding\",\"embedding\":[1.0,1.5],\"index\":0},"
            + "{\"object\":\"embedding\",\"index\":1,\"embedding\":\""
            + base64(2.0f, 2.5f)
            + "\"}"
            + "],\"model\":\"x\",\"usage\":{\"prompt_tokens\":4,\"total_tokens\":4}}";
    EmbeddingsResponse response = EmbeddingsResponse.parse(bytes(body));
    assertArrayEquals(new float[] {1.0f, 1.5f}, response.vectors().get(0));
    assertArrayEquals(new float[] {2.0f, 2.5f}, response.vectors().get(1));
    assertArrayEquals(new float[] {3.0f, 3.5f}, response.vectors().get(2));
    assertEquals(4, response.promptTokens());
  }

  @Test
  void acceptsIntegersAndMissingUsageAsSglangAndTeiSendThem() {
    EmbeddingsResponse response =
        EmbeddingsResponse.parse(
            bytes(
                "{\"data\":[{\"index\":0,\"embedding\":[1,0,-0]}],\"model\":\"x\",\"extra\":[{}]}"));
    assertBitExact(List.<float[]>of(new float[] {1f, 0f, -0.0f}), response.vectors());
    assertEquals(0, response.promptTokens());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON             | <html>Bad Gateway</html>",
        "truncated            | {\"data\":[{\"index\":0,\"embedding\":[1.0,",
        "array                | [1,2]",
        "no data              | {\"object\":\"list\",\"model\":\"x\"}",
        "error with 200       | {\"error\":{\"message\":\"boom\"}}",
        "empty data           | {\"data\":[]}",
        "data not array       | {\"data\":{\"index\":0}}",
        "item not object      | {\"data\":[1,2]}",
        "object then number   | {\"data\":[{\"index\":0,\"embedding\":[1.0]},5]}",
        "missing index        | {\"data\":[{\"embedding\":[1.0]}]}",
        "missing embedding    | {\"data\":[{\"index\":0}]}",
        "gap in indexes       | {\"data\":[{\"index\":1,\"embedding\":[1.0]}]}",
        "repeated index       | {\"data\":[{\"index\":0,\"embedding\":[1.0]},{\"index\":0,\"embedding\":[2.0]}]}",
        "huge index           | {\"data\":[{\"index\":2000000000,\"embedding\":[1.0]}]}",
        "string in vector     | {\"data\":[{\"index\":0,\"embedding\":[\"a\"]}]}",
        "nested vector        | {\"data\":[{\"index\":0,\"embedding\":[[1.0]]}]}",
        "vector is a number   | {\"data\":[{\"index\":0,\"embedding\":1.0}]}",
        "bad base64           | {\"data\":[{\"index\":0,\"embedding\":\"%%%\"}]}",
        "base64 of 3 bytes    | {\"data\":[{\"index\":0,\"embedding\":\"AAAA\"}]}",
        "empty vector         | {\"data\":[{\"index\":0,\"embedding\":[]}]}",
        "ragged vectors       | {\"data\":[{\"index\":0,\"embedding\":[1.0]},{\"index\":1,\"embedding\":[1.0,2.0]}]}",
        "negative tokens      | {\"data\":[{\"index\":0,\"embedding\":[1.0]}],\"usage\":{\"prompt_tokens\":-1}}",
        "data twice           | {\"data\":[{\"index\":0,\"embedding\":[1.0]}],\"data\":[{\"index\":0,\"embedding\":[1.0]}]}",
      })
  void garbageIsAn502(String why, String body) {
    ApiError error =
        assertThrows(ApiException.class, () -> EmbeddingsResponse.parse(bytes(body))).error();
    assertEquals(502, error.httpStatus());
    assertEquals("server_error", error.type());
    assertTrue(
        error.message().startsWith("Upstream sent an invalid embeddings response"),
        error.message());
  }

  @Test
  void emptyBodyIsAn502() {
    assertEquals(
        502,
        assertThrows(ApiException.class, () -> EmbeddingsResponse.parse(new byte[0]))
            .error()
            .httpStatus());
  }

  private static String base64(float... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      buffer.putFloat(v);
    }
    return Base64.getEncoder().encodeToString(buffer.array());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void stringEndFindsTheFirstQuoteOrBackslashAtAnyOffset() {
    for (int length = 0; length < 40; length++) {
      for (int at = 0; at < length; at++) {
        for (byte mark : new byte[] {'"', '\\'}) {
          byte[] body = new byte[length];
          java.util.Arrays.fill(body, (byte) 'A');
          body[at] = mark;
          if (at + 1 < length) {
            body[length - 1] = '"';
          }
          for (int from = 0; from <= at; from++) {
            assertEquals(
                at,
                EmbeddingsResponseParser.stringEnd(body, from),
                "length " + length + " at " + at);
          }
        }
      }
      byte[] none = new byte[length];
      java.util.Arrays.fill(none, (byte) '=');
      assertEquals(-1, EmbeddingsResponseParser.stringEnd(none, 0));
    }
  }

  private static String base64Of(float... values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  private static byte[] oneEmbedding(String embeddingJson) {
    return ("{\"data\":[{\"index\":0,\"embedding\":" + embeddingJson + "}],\"model\":\"m\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static ApiError refused(String embeddingJson, VectorCheck check) {
    return assertThrows(
            ApiException.class, () -> EmbeddingsResponse.parse(oneEmbedding(embeddingJson), check))
        .error();
  }

  @Test
  void nonFiniteAndAllZeroVectorsAreInvalidVectorsInEitherEncoding() {
    List<String> bad =
        List.of(
            "\"" + base64Of(0.6f, Float.NaN, 0.8f) + "\"",
            "\"" + base64Of(0.6f, Float.POSITIVE_INFINITY, 0.8f) + "\"",
            "\"" + base64Of(Float.NEGATIVE_INFINITY, 0f, 0f) + "\"",
            "\"" + base64Of(0f, -0f, 0f) + "\"",
            "[0.6,1e39,0.8]",
            "[-1e40,0,0]",
            "[0,0.0,-0.0]");
    for (String embedding : bad) {
      ApiError error = refused(embedding, VectorCheck.FINITE_NONZERO);
      assertEquals(502, error.httpStatus(), embedding);
      assertEquals(ApiError.INVALID_VECTOR_CODE, error.code(), embedding);
    }
    // Huge but finite values, and the smallest subnormal, are still vectors.
    EmbeddingsResponse.parse(
        oneEmbedding("\"" + base64Of(Float.MAX_VALUE, -Float.MAX_VALUE) + "\""));
    EmbeddingsResponse.parse(oneEmbedding("[1.0E-45,0]"));
  }

  @Test
  void theNormIsCheckedOnlyWhenAsked() {
    String twice = "\"" + base64Of(1.2f, 1.6f) + "\"";
    ApiError error = refused(twice, VectorCheck.UNIT_NORM);
    assertEquals(ApiError.INVALID_VECTOR_CODE, error.code());
    assertTrue(error.message().contains("norm 2.0"), error.message());
    EmbeddingsResponse.parse(oneEmbedding(twice), VectorCheck.FINITE_NONZERO);
    EmbeddingsResponse.parse(
        oneEmbedding("\"" + base64Of(0.6f, 0.8f) + "\""), VectorCheck.UNIT_NORM);
    EmbeddingsResponse.parse(oneEmbedding("[0.6,0.801]"), VectorCheck.UNIT_NORM);
    assertEquals(ApiError.INVALID_VECTOR_CODE, refused("[0.6,0.9]", VectorCheck.UNIT_NORM).code());
  }

  @Test
  void upstreamBase64IsPassedThroughAsItCameAndFloatsAreReencoded() throws IOException {
    float[] vector = {0.6f, -0.0f, 0.8f, Float.MIN_VALUE};
    String text = base64Of(vector);
    // Escaped slashes are still the same base64 once unescaped.
    String escaped = text.replace("/", "\\/");
    for (String sent : List.of(text, escaped)) {
      EmbeddingsResponse parsed = EmbeddingsResponse.parse(oneEmbedding("\"" + sent + "\""));
      assertEquals(text, parsed.base64Of(0).asString());
      JsonNode encoded = MAPPER.readTree(parsed.encode(EncodingFormat.BASE64));
      assertEquals(text, encoded.get("data").get(0).get("embedding").asText());
      JsonNode floats = MAPPER.readTree(parsed.encode(EncodingFormat.FLOAT));
      assertEquals(-0.0f, floats.get("data").get(0).get("embedding").get(1).floatValue());
    }
    // Unpadded base64 decodes, but is re-encoded in the standard form rather than passed on.
    String unpadded = base64Of(0.6f, 0.8f, 0f, 0f, 0f).replace("=", "");
    EmbeddingsResponse parsed = EmbeddingsResponse.parse(oneEmbedding("\"" + unpadded + "\""));
    assertEquals(null, parsed.base64Of(0));
    JsonNode encoded = MAPPER.readTree(parsed.encode(EncodingFormat.BASE64));
    assertEquals(
        base64Of(0.6f, 0.8f, 0f, 0f, 0f), encoded.get("data").get(0).get("embedding").asText());
  }
}
