package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.wire.EncodingFormat;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A real OpenAI client written by others (LangChain4j's {@link OpenAiEmbeddingModel}), with its
 * default settings, against the gateway over loopback HTTP.
 */
class OpenAiClientCompatibilityTest extends GatewayHttpTestBase {

  final List<EncodingFormat> formatsSeen = new CopyOnWriteArrayList<>();

  OpenAiEmbeddingModel client(String apiKey) {
    service.behaviour =
        request -> {
          formatsSeen.add(request.encodingFormat());
          return FakeEmbeddingService.answer(request);
        };
    return OpenAiEmbeddingModel.builder()
        .baseUrl("http://127.0.0.1:" + server.port() + "/v1")
        .apiKey(apiKey)
        .modelName(FakeEmbeddingService.MODEL)
        .maxRetries(0)
        .build();
  }

  @Test
  void embedsThroughTheClientBitExact() {
    start(List.of("sk-langchain4j"), 1);
    OpenAiEmbeddingModel model = client("sk-langchain4j");
    Response<List<Embedding>> response =
        model.embedAll(
            List.of(
                TextSegment.from("first text"),
                TextSegment.from("second text"),
                TextSegment.from("third")));
    List<Embedding> embeddings = response.content();
    assertEquals(3, embeddings.size());
    List<String> texts = List.of("first text", "second text", "third");
    for (int i = 0; i < texts.size(); i++) {
      float[] expected = FakeEmbeddingService.vectorOf(texts.get(i));
      float[] actual = embeddings.get(i).vector();
      assertEquals(expected.length, actual.length);
      for (int d = 0; d < expected.length; d++) {
        assertEquals(
            Float.floatToRawIntBits(expected[d]),
            Float.floatToRawIntBits(actual[d]),
            "input " + i + " dimension " + d);
      }
    }
    assertTrue(response.tokenUsage().inputTokenCount() > 0);
    // LangChain4j asks for floats (it sends no encoding_format); base64 clients are covered by
    // GatewayServerTest.base64RoundTripIsBitExact.
    assertEquals(List.of(EncodingFormat.FLOAT), formatsSeen, "one request for the batch");
  }

  @Test
  void clientSeesAuthenticationFailure() {
    start(List.of("sk-right"), 1);
    OpenAiEmbeddingModel model = client("sk-wrong");
    RuntimeException failure = assertThrows(RuntimeException.class, () -> model.embed("hello"));
    assertTrue(
        String.valueOf(failure.getMessage()).contains("invalid_api_key")
            || failure.getClass().getSimpleName().contains("Authentication"),
        failure.toString());
  }
}
