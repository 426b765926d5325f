package dev.embedbench.backends.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What an upstream error body says, whatever its shape: the OpenAI envelope ({@code
 * {"error":{"message","type","param","code"}}}, SGLang and recent vLLM), vLLM's older flat {@code
 * {"object":"error","message","type"}}, TEI's {@code {"error","error_type"}} and its OpenAI route's
 * {@code {"message","error_type"}}, FastAPI's {@code {"detail"}}, or plain text.
 *
 * @param message never null; cut to {@link #MAX_MESSAGE_CHARS} and stripped of control characters
 * @param type the upstream's error type, or null
 * @param param the request field at fault, or null
 * @param code the upstream's machine-readable code, or null
 */
record UpstreamMessage(String message, String type, String param, String code) {

  static final int MAX_MESSAGE_CHARS = 500;

  private static final ObjectMapper JSON = new ObjectMapper();

  static UpstreamMessage read(byte[] body) {
    if (body == null || body.length == 0) {
      return new UpstreamMessage("(empty body)", null, null, null);
    }
    try {
      JsonNode json = JSON.readTree(body);
      if (json != null && json.isObject()) {
        UpstreamMessage fromJson = fromJson(json);
        if (fromJson != null) {
          return fromJson;
        }
      }
    } catch (IOException notJson) {
      // Plain text (or HTML) bodies are the message themselves.
    }
    return new UpstreamMessage(clean(new String(body, StandardCharsets.UTF_8)), null, null, null);
  }

  private static UpstreamMessage fromJson(JsonNode json) {
    JsonNode error = json.get("error");
    if (error != null && error.isObject()) {
      return new UpstreamMessage(
          clean(text(error, "message")),
          text(error, "type"),
          text(error, "param"),
          text(error, "code"));
    }
    if (error != null && error.isTextual()) {
      return new UpstreamMessage(clean(error.asText()), text(json, "error_type"), null, null);
    }
    if (json.hasNonNull("message")) {
      String type = json.hasNonNull("type") ? text(json, "type") : text(json, "error_type");
      return new UpstreamMessage(clean(text(json, "message")), type, text(json, "param"), null);
    }
    JsonNode detail = json.get("detail");
    if (detail != null && detail.isTextual()) {
      return new UpstreamMessage(clean(detail.asText()), null, null, null);
    }
    if (detail != null
        && detail.isArray()
        && detail.size() > 0
        && detail.get(0).hasNonNull("msg")) {
      return new UpstreamMessage(clean(detail.get(0).get("msg").asText()), null, null, null);
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String clean(String text) {
    if (text == null || text.isBlank()) {
      return "(no message)";
    }
    String oneLine = text.strip().replaceAll("\\p{Cntrl}+", " ");
    return oneLine.length() <= MAX_MESSAGE_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
