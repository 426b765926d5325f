package dev.embedbench.backends.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.EmbeddingInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddingsRequestTest {

  private static EmbeddingsRequest parse(String json) {
    return EmbeddingsRequest.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ApiError rejected(String json) {
    return assertThrows(ApiException.class, () -> parse(json)).error();
  }

  @Test
  void parsesASingleString() {
    EmbeddingsRequest request = parse("{\"model\":\"m\",\"input\":\"hello\"}");
    assertEquals("m", request.model());
    assertEquals(List.of(new EmbeddingInput.Text("hello")), request.inputs());
    assertEquals(EncodingFormat.FLOAT, request.encodingFormat());
    assertNull(request.dimensions());
  }

  @Test
  void parsesEveryFieldAndKeepsInputOrder() {
    EmbeddingsRequest request =
        parse(
            "{\"input\":[\"a\",\"b\",\"c\"],\"model\":\"m\",\"encoding_format\":\"base64\","
                + "\"dimensions\":256,\"user\":\"u1\",\"unknown\":{\"nested\":[1,2]}}");
    assertEquals(
        List.of(
            new EmbeddingInput.Text("a"),
            new EmbeddingInput.Text("b"),
            new EmbeddingInput.Text("c")),
        request.inputs());
    assertEquals(EncodingFormat.BASE64, request.encodingFormat());
    assertEquals(256, request.dimensions());
    assertEquals("u1", request.user());
  }

  @Test
  void parsesTokenIdsFlatAndNested() {
    assertEquals(
        List.of(new EmbeddingInput.TokenIds(new int[] {1, 2, 151643})),
        parse("{\"model\":\"m\",\"input\":[1,2,151643]}").inputs());
    assertEquals(
        List.of(
            new EmbeddingInput.TokenIds(new int[] {5}),
            new EmbeddingInput.TokenIds(new int[] {6, 7})),
        parse("{\"model\":\"m\",\"input\":[[5],[6,7]]}").inputs());
  }

  @Test
  void acceptsExactlyMaxInputs() {
    String inputs =
        IntStream.range(0, EmbeddingsRequest.MAX_INPUTS)
            .mapToObj(i -> "\"t" + i + "\"")
            .collect(Collectors.joining(","));
    assertEquals(
        EmbeddingsRequest.MAX_INPUTS,
        parse("{\"model\":\"m\",\"input\":[" + inputs + "]}").inputs().size());
  }

  @Test
  void rejectsMoreThanMaxInputs() {
    String inputs =
        IntStream.range(0, EmbeddingsRequest.MAX_INPUTS + 1)
            .mapToObj(i -> "\"t\"")
            .collect(Collectors.joining(","));
    ApiError error = rejected("{\"model\":\"m\",\"input\":[" + inputs + "]}");
    assertInvalid(error, "input");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON                  | {\"model\":\"m\",\"input\":",
        "garbage                   | hello",
        "empty body                | ''",
        "array body                | [\"a\"]",
        "trailing content          | {\"model\":\"m\",\"input\":\"a\"} {}",
      })
  void rejectsInvalidJsonWithoutParam(String why, String json) {
    assertInvalid(rejected(json), null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "input missing             | {\"model\":\"m\"}",
        "input null                | {\"model\":\"m\",\"input\":null}",
        "input number              | {\"model\":\"m\",\"input\":42}",
        "input object              | {\"model\":\"m\",\"input\":{\"a\":1}}",
        "input empty array         | {\"model\":\"m\",\"input\":[]}",
        "input empty string        | {\"model\":\"m\",\"input\":\"\"}",
        "empty string in array     | {\"model\":\"m\",\"input\":[\"a\",\"\"]}",
        "strings then ids          | {\"model\":\"m\",\"input\":[\"a\",[1]]}",
        "ids then strings          | {\"model\":\"m\",\"input\":[[1],\"a\"]}",
        "string then number        | {\"model\":\"m\",\"input\":[\"a\",1]}",
        "number then string        | {\"model\":\"m\",\"input\":[1,\"a\"]}",
        "null item                 | {\"model\":\"m\",\"input\":[null]}",
        "boolean item              | {\"model\":\"m\",\"input\":[true]}",
        "negative token id         | {\"model\":\"m\",\"input\":[1,-2]}",
        "negative nested token id  | {\"model\":\"m\",\"input\":[[-1]]}",
        "fractional token id       | {\"model\":\"m\",\"input\":[1.5]}",
        "fractional nested id      | {\"model\":\"m\",\"input\":[[1,2.0]]}",
        "token id beyond int       | {\"model\":\"m\",\"input\":[4294967296]}",
        "string inside id array    | {\"model\":\"m\",\"input\":[[\"a\"]]}",
        "empty id array            | {\"model\":\"m\",\"input\":[[]]}",
        "too deep                  | {\"model\":\"m\",\"input\":[[[1]]]}",
      })
  void rejectsBadInput(String why, String json) {
    assertInvalid(rejected(json), "input");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "zero                      | 0",
        "negative                  | -8",
        "fraction                  | 12.5",
        "string                    | \"256\"",
        "beyond int                | 3000000000",
        "boolean                   | true",
      })
  void rejectsBadDimensions(String why, String value) {
    assertInvalid(
        rejected("{\"model\":\"m\",\"input\":\"a\",\"dimensions\":" + value + "}"), "dimensions");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown name              | \"float16\"",
        "wrong case                | \"BASE64\"",
        "number                    | 1",
      })
  void rejectsUnknownEncodingFormat(String why, String value) {
    assertInvalid(
        rejected("{\"model\":\"m\",\"input\":\"a\",\"encoding_format\":" + value + "}"),
        "encoding_format");
  }

  @Test
  void nullOptionalFieldsMeanDefaults() {
    EmbeddingsRequest request =
        parse(
            "{\"model\":\"m\",\"input\":\"a\",\"encoding_format\":null,\"dimensions\":null,\"user\":null}");
    assertEquals(EncodingFormat.FLOAT, request.encodingFormat());
    assertNull(request.dimensions());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing                   | {\"input\":\"a\"}",
        "empty                     | {\"model\":\"\",\"input\":\"a\"}",
        "number                    | {\"model\":7,\"input\":\"a\"}",
      })
  void rejectsBadModel(String why, String json) {
    assertInvalid(rejected(json), "model");
  }

  @Test
  void errorMessageNeverQuotesTheInputText() {
    ApiError error = rejected("{\"model\":\"m\",\"input\":[\"secret text\", 5]}");
    assertEquals(false, error.message().contains("secret"));
  }

  @Test
  void toJsonParsesBackToTheSameRequest() {
    for (List<EmbeddingInput> inputs :
        List.of(
            List.<EmbeddingInput>of(
                new EmbeddingInput.Text("é \"quoted\"\n"), new EmbeddingInput.Text("b")),
            List.<EmbeddingInput>of(new EmbeddingInput.TokenIds(new int[] {0, 151643})))) {
      EmbeddingsRequest request =
          new EmbeddingsRequest("upstream", inputs, EncodingFormat.BASE64, 64, "u");
      EmbeddingsRequest back = EmbeddingsRequest.parse(request.toJson());
      assertEquals(request.model(), back.model());
      assertEquals(request.inputs(), back.inputs());
      assertEquals(request.encodingFormat(), back.encodingFormat());
      assertEquals(request.dimensions(), back.dimensions());
      assertArrayEquals(request.toJson(), back.toJson());
    }
  }

  private static void assertInvalid(ApiError error, String param) {
    assertEquals(400, error.httpStatus());
    assertEquals("invalid_request_error", error.type());
    assertEquals(param, error.param(), error.message());
  }

  @Test
  void duplicateKeysAreRejectedNotLastWins() {
    ApiError error = rejected("{\"model\":\"nope\",\"model\":\"m1\",\"input\":\"x\"}");
    assertEquals(400, error.httpStatus());
    assertTrue(error.message().contains("Duplicate field 'model'"), error.message());
    assertEquals(
        400, rejected("{\"model\":\"m\",\"input\":\"x\",\"user\":{\"a\":1,\"a\":2}}").httpStatus());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"\\ud800", "a\\udfffb", "\\ud800\\ud800", "x\\udbff"})
  void loneSurrogatesAreRejected(String escaped) {
    ApiError error = rejected("{\"model\":\"m\",\"input\":[\"ok\",\"" + escaped + "\"]}");
    assertEquals(400, error.httpStatus());
    assertEquals("input", error.param());
    assertTrue(error.message().contains("surrogate"), error.message());
  }

  @Test
  void aPairedSurrogateIsText() {
    assertEquals(
        List.of(new EmbeddingInput.Text("\ud83d\ude00")),
        parse("{\"model\":\"m\",\"input\":\"\\ud83d\\ude00\"}").inputs());
  }

  @Test
  void deeplyNestedInputSaysSo() {
    ApiError error = rejected("{\"model\":\"m\",\"input\":[[[1]]]}");
    assertEquals(400, error.httpStatus());
    assertEquals("input", error.param());
    assertTrue(error.message().contains("nested"), error.message());
    ApiError deeper =
        rejected("{\"model\":\"m\",\"input\":" + "[".repeat(200) + "1" + "]".repeat(200) + "}");
    assertTrue(deeper.message().contains("nested"), deeper.message());
  }
}
