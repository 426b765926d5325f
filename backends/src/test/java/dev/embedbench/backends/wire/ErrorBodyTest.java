package dev.embedbench.backends.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

  @Test
  void writesTheOpenAiEnvelopeWithNullsKept() throws IOException {
    JsonNode json =
        new ObjectMapper()
            .readTree(ErrorBody.encode(ApiError.invalidRequest("bad \"thing\"", "input", null)));
    JsonNode error = json.get("error");
    assertEquals("bad \"thing\"", error.get("message").asText());
    assertEquals("invalid_request_error", error.get("type").asText());
    assertEquals("input", error.get("param").asText());
    assertTrue(error.get("code").isNull());
  }

  @Test
  void statusMustBeAnErrorStatus() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ApiError(200, "m", "t", null, null));
    assertTrue(e.getMessage().contains("4xx or 5xx"));
  }

  @Test
  void encodingFormatNamesTheField() {
    ApiException e = assertThrows(ApiException.class, () -> EncodingFormat.fromWire("int8"));
    assertEquals("encoding_format", e.error().param());
    assertEquals(EncodingFormat.BASE64, EncodingFormat.fromWire("base64"));
  }
}
