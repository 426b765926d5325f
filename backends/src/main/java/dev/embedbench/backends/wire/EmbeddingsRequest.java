package dev.embedbench.backends.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.embedbench.backends.EmbeddingInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@code POST /v1/embeddings} body.
 *
 * @param model the requested model name or alias
 * @param inputs one or more inputs, in order
 * @param encodingFormat how the caller wants vectors back (float when absent)
 * @param dimensions the requested Matryoshka size, or null for the model's full size
 * @param user accepted for compatibility and ignored
 */
public record EmbeddingsRequest(
    String model,
    List<EmbeddingInput> inputs,
    EncodingFormat encodingFormat,
    Integer dimensions,
    String user) {

  /** OpenAI's limit on inputs per request. */
  public static final int MAX_INPUTS = 2048;

  /** Duplicate keys are an error: with last-wins, {@code "model":"a","model":"b"} would serve b. */
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final String NESTED_TOO_DEEP =
      "'input' is nested too deeply: it must be a string,"
          + " an array of strings, an array of token ids or an array of arrays of token ids.";

  public EmbeddingsRequest {
    Objects.requireNonNull(model, "model");
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(encodingFormat, "encodingFormat");
  }

  /**
   * Parses and validates a request body.
   *
   * @throws ApiException 400 with the offending field for invalid JSON, a missing or empty {@code
   *     input} or one of the wrong type, more than {@link #MAX_INPUTS} inputs, a bad {@code
   *     dimensions} or an unknown {@code encoding_format}
   */
  public static EmbeddingsRequest parse(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw ApiException.invalid("Request body must be a JSON object.", null);
      }
      String model = null;
      List<EmbeddingInput> inputs = null;
      EncodingFormat format = EncodingFormat.FLOAT;
      Integer dimensions = null;
      String user = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "model" -> model = requireString(p, value, "model");
          case "input" -> inputs = parseInput(p, value);
          case "encoding_format" -> {
            if (value != JsonToken.VALUE_NULL) {
              format = EncodingFormat.fromWire(requireString(p, value, "encoding_format"));
            }
          }
          case "dimensions" -> dimensions = parseDimensions(p, value);
          case "user" ->
              user = value == JsonToken.VALUE_NULL ? null : requireString(p, value, "user");
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw ApiException.invalid(
            "Request body has trailing content after the JSON object.", null);
      }
      if (model == null || model.isEmpty()) {
        throw ApiException.invalid("'model' is required.", "model");
      }
      if (inputs == null) {
        throw ApiException.invalid("'input' is required.", "input");
      }
      return new EmbeddingsRequest(model, inputs, format, dimensions, user);
    } catch (JsonProcessingException e) {
      // Parse errors and stream limits (nesting, string and number length) alike.
      throw ApiException.invalid("Request body is not valid JSON: " + e.getOriginalMessage(), null);
    } catch (IOException e) {
      throw ApiException.invalid("Request body could not be read as JSON.", null);
    }
  }

  private static String requireString(JsonParser p, JsonToken token, String field)
      throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw ApiException.invalid("'" + field + "' must be a string.", field);
    }
    return p.getText();
  }

  private static Integer parseDimensions(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() != JsonParser.NumberType.INT
        || p.getIntValue() < 1) {
      throw ApiException.invalid("'dimensions' must be a positive integer.", "dimensions");
    }
    return p.getIntValue();
  }

  private static List<EmbeddingInput> parseInput(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return List.of(text(p.getText()));
    }
    if (token != JsonToken.START_ARRAY) {
      throw ApiException.invalid(
          "'input' must be a string, an array of strings, an array of token ids or an array of"
              + " arrays of token ids.",
          "input");
    }
    JsonToken first = p.nextToken();
    if (first == JsonToken.END_ARRAY) {
      throw ApiException.invalid("'input' must not be empty.", "input");
    }
    if (first == JsonToken.VALUE_NUMBER_INT || first == JsonToken.VALUE_NUMBER_FLOAT) {
      return List.of(new EmbeddingInput.TokenIds(readTokenIds(p, first)));
    }
    if (first != JsonToken.VALUE_STRING && first != JsonToken.START_ARRAY) {
      throw ApiException.invalid("'input' items must be strings or arrays of token ids.", "input");
    }
    List<EmbeddingInput> inputs = new ArrayList<>();
    for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (inputs.size() == MAX_INPUTS) {
        throw ApiException.invalid("'input' has more than " + MAX_INPUTS + " items.", "input");
      }
      if (t != (first == JsonToken.VALUE_STRING ? JsonToken.VALUE_STRING : JsonToken.START_ARRAY)) {
        throw ApiException.invalid(
            "'input' items must all be strings or all be arrays of token ids.", "input");
      }
      if (t == JsonToken.VALUE_STRING) {
        inputs.add(text(p.getText()));
      } else {
        JsonToken inner = p.nextToken();
        if (inner == JsonToken.END_ARRAY) {
          throw ApiException.invalid("'input' must not contain an empty token array.", "input");
        }
        inputs.add(new EmbeddingInput.TokenIds(readTokenIds(p, inner)));
      }
    }
    return inputs;
  }

  private static EmbeddingInput text(String text) {
    if (text.isEmpty()) {
      throw ApiException.invalid("'input' must not contain an empty string.", "input");
    }
    int lone = loneSurrogate(text);
    if (lone >= 0) {
      throw ApiException.invalid(
          "'input' holds a lone UTF-16 surrogate (\\u"
              + Integer.toHexString(text.charAt(lone))
              + " at character "
              + lone
              + "), which is not Unicode text.",
          "input");
    }
    return new EmbeddingInput.Text(text);
  }

  /** The index of the first surrogate without its partner, or -1. */
  static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Reads ints from the current token up to the closing bracket of the current array. */
  private static int[] readTokenIds(JsonParser p, JsonToken first) throws IOException {
    int[] ids = new int[16];
    int n = 0;
    for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
        throw ApiException.invalid(NESTED_TOO_DEEP, "input");
      }
      if (t != JsonToken.VALUE_NUMBER_INT
          || p.getNumberType() != JsonParser.NumberType.INT
          || p.getIntValue() < 0) {
        throw ApiException.invalid("Token ids must be non-negative integers.", "input");
      }
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
      }
      ids[n++] = p.getIntValue();
    }
    return Arrays.copyOf(ids, n);
  }

  /** Writes this request as JSON, as a client would send it upstream. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("model", model);
      g.writeFieldName("input");
      g.writeStartArray();
      for (EmbeddingInput input : inputs) {
        if (input instanceof EmbeddingInput.Text t) {
          g.writeString(t.text());
        } else if (input instanceof EmbeddingInput.TokenIds t) {
          g.writeArray(t.ids(), 0, t.ids().length);
        }
      }
      g.writeEndArray();
      g.writeStringField("encoding_format", encodingFormat.wireName());
      if (dimensions != null) {
        g.writeNumberField("dimensions", dimensions);
      }
      if (user != null) {
        g.writeStringField("user", user);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
