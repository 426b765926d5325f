package dev.embedbench.loadgen.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ResponseValidatorTest {

  private static Buffer floats(String... vectors) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < vectors.length; i++) {
      data.append(i == 0 ? "" : ",")
          .append("{\"object\":\"embedding\",\"index\":")
          .append(i)
          .append(",\"embedding\":")
          .append(vectors[i])
          .append('}');
    }
    return Buffer.buffer(
        "{\"object\":\"list\",\"model\":\"m\",\"data\":["
            + data
            + "],\"usage\":{\"total_tokens\":3}}");
  }

  @Test
  void acceptsTheRightCountAndLearnsTheDimension() {
    ResponseValidator validator = new ResponseValidator(0, true);
    assertNull(validator.check(floats("[0.6,0.8]", "[1,0]"), 2, true));
    assertEquals(2, validator.dimensions());
    assertEquals(
        "data[0].embedding has 3 values, expected 2",
        validator.check(floats("[0.6,0.8,0]"), 1, false));
  }

  @Test
  void rejectsWrongCountsAndShapes() {
    ResponseValidator validator = new ResponseValidator(2, true);
    assertEquals("expected 2 embeddings, got 1", validator.check(floats("[0.6,0.8]"), 2, false));
    assertEquals(
        "no \"data\" array", validator.check(Buffer.buffer("{\"object\":\"list\"}"), 1, false));
    assertEquals(
        "body is not valid JSON", validator.check(Buffer.buffer("{\"data\": [ "), 1, false));
    assertEquals(
        "data[0].embedding holds a non-number", validator.check(floats("[\"a\",1]"), 1, false));
    assertEquals("data[0].embedding is empty", validator.check(floats("[]"), 1, false));
  }

  @Test
  void checksNormsOnlyOnSampledResponsesAndOnlyWhenAsked() {
    ResponseValidator strict = new ResponseValidator(2, true);
    assertNull(strict.check(floats("[3,4]"), 1, false), "values are not read unless sampled");
    assertEquals(
        "data[0].embedding has norm 5.0000, expected 1", strict.check(floats("[3,4]"), 1, true));
    assertNull(new ResponseValidator(2, false).check(floats("[3,4]"), 1, true));
  }

  @Test
  void readsBase64Vectors() {
    ByteBuffer bytes =
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.6f).putFloat(0.8f);
    String base64 = "\"" + Base64.getEncoder().encodeToString(bytes.array()) + "\"";
    ResponseValidator validator = new ResponseValidator(0, true);
    assertNull(validator.check(floats(base64), 1, true));
    assertEquals(2, validator.dimensions());
    ByteBuffer nan =
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN).putFloat(0.8f);
    assertEquals(
        "data[0].embedding holds a non-finite value",
        validator.check(
            floats("\"" + Base64.getEncoder().encodeToString(nan.array()) + "\""), 1, true));
  }

  @Test
  void failureClassesFollowTheCause() {
    assertEquals("http_503", FailureClass.forStatus(503));
    assertEquals(
        FailureClass.CONNECTION_REFUSED,
        FailureClass.forThrowable(new java.net.ConnectException("Connection refused")));
    assertEquals(
        FailureClass.TIMEOUT,
        FailureClass.forThrowable(new java.util.concurrent.TimeoutException("x")));
    assertEquals(
        FailureClass.CONNECTION_RESET,
        FailureClass.forThrowable(new java.io.IOException("Connection reset by peer")));
    assertEquals(FailureClass.OTHER, FailureClass.forThrowable(new IllegalStateException("odd")));
  }

  @Test
  void targetUrlsAreCheckedAndKindsRead() {
    assertEquals("http://127.0.0.1:8080/v1", TargetClient.normalise("http://127.0.0.1:8080/v1/"));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> TargetClient.normalise("127.0.0.1:8080"));
    assertEquals(
        "remote",
        TargetClient.kindIn("{\"data\":[{\"id\":\"a\"},{\"id\":\"m\",\"kind\":\"remote\"}]}", "m"));
    assertEquals("unknown", TargetClient.kindIn("{\"data\":[{\"id\":\"m\"}]}", "m"));
    assertEquals("unknown", TargetClient.kindIn("not json", "m"));
  }
}
