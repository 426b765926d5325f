package dev.embedbench.backends.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An embeddings response exactly as OpenAI shapes it: {@code object: "list"}, {@code data[i] =
 * {object: "embedding", index, embedding}} in input order, {@code model} and {@code usage}.
 *
 * @param model the model name to report
 * @param vectors one vector per input, in input order
 * @param promptTokens tokens consumed; reported as both prompt and total tokens
 */
public record EmbeddingsResponse(String model, List<float[]> vectors, int promptTokens) {

  /** Eight bytes of an array as one little-endian long: byte k of the word is the byte at i + k. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /**
   * FastDoubleParser parses floats correctly rounded, as {@link Float#parseFloat} does, and was 2-3
   * times faster in a side-by-side run on this machine. (Jackson's fast writer showed no gain over
   * {@link Float#toString} on Java 17, so it stays off.)
   */
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build();

  public EmbeddingsResponse {
    Objects.requireNonNull(model, "model");
    vectors = List.copyOf(vectors);
  }

  /** Encodes this response; base64 is the standard encoding of the little-endian float32 bytes. */
  public byte[] encode(EncodingFormat format) {
    int dims = vectors.isEmpty() ? 0 : vectors.get(0).length;
    int perVector = format == EncodingFormat.BASE64 ? (dims * 4 + 2) / 3 * 4 : dims * 12;
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + vectors.size() * (64 + perVector));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("object", "list");
      g.writeFieldName("data");
      g.writeStartArray();
      ByteBuffer bytes = ByteBuffer.allocate(dims * 4).order(ByteOrder.LITTLE_ENDIAN);
      byte[] base64 = format == EncodingFormat.BASE64 ? new byte[base64Length(dims)] : null;
      for (int i = 0; i < vectors.size(); i++) {
        float[] vector = vectors.get(i);
        g.writeStartObject();
        g.writeStringField("object", "embedding");
        g.writeNumberField("index", i);
        g.writeFieldName("embedding");
        if (format == EncodingFormat.BASE64) {
          if (bytes.capacity() != vector.length * 4) {
            bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            base64 = new byte[base64Length(vector.length)];
          }
          bytes.clear();
          bytes.asFloatBuffer().put(vector);
          // Standard base64 with padding and no line feeds, written as the string's raw bytes (the
          // alphabet needs no escaping): the JDK's encoder was much cheaper than Jackson's
          // writeBinary in the gateway's profile.
          int length = Base64.getEncoder().encode(bytes.array(), base64);
          g.writeRawUTF8String(base64, 0, length);
        } else {
          g.writeStartArray();
          for (float v : vector) {
            g.writeNumber(v);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("model", model);
      g.writeObjectFieldStart("usage");
      g.writeNumberField("prompt_tokens", promptTokens);
      g.writeNumberField("total_tokens", promptTokens);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static int base64Length(int floats) {
    return (floats * 4 + 2) / 3 * 4;
  }

  /**
   * Parses a response from an upstream server. Each embedding may be a float array or a base64
   * string, whatever was asked for: some servers (SGLang) ignore {@code encoding_format}. Vectors are
   * placed by their {@code index}, not by arrival order.
   *
   * @throws ApiException 502 when the body is not a well-formed embeddings response: not JSON, no or
   *     empty {@code data}, an item that is not an object or lacks index or embedding, a gap or a
   *     repeat in the indexes, embeddings of different lengths, or a negative token count
   */
  public static EmbeddingsResponse parse(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw garbage("body is not a JSON object");
      }
      String model = "";
      List<float[]> byIndex = null;
      int promptTokens = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "model" -> model = value == JsonToken.VALUE_STRING ? p.getText() : model;
          case "data" -> {
            if (byIndex != null) {
              throw garbage("data appears twice");
            }
            byIndex = readData(p, value, body);
          }
          case "usage" -> promptTokens = readPromptTokens(p, value);
          default -> p.skipChildren();
        }
      }
      if (byIndex == null || byIndex.isEmpty()) {
        throw garbage("data is missing or empty");
      }
      int dims = -1;
      for (int i = 0; i < byIndex.size(); i++) {
        float[] vector = byIndex.get(i);
        if (vector == null) {
          throw garbage("data has no embedding for index " + i);
        }
        if (dims == -1) {
          dims = vector.length;
        }
        if (vector.length == 0 || vector.length != dims) {
          throw garbage("embeddings differ in length or are empty");
        }
      }
      if (promptTokens < 0) {
        throw garbage("usage.prompt_tokens is negative");
      }
      return new EmbeddingsResponse(model, byIndex, promptTokens);
    } catch (JsonProcessingException e) {
      // The original message leaves out the location, which could quote the body.
      throw garbage(e.getOriginalMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw garbage(e.getMessage());
    }
  }

  private static List<float[]> readData(JsonParser p, JsonToken token, byte[] body)
      throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw garbage("data is not an array");
    }
    List<float[]> byIndex = new ArrayList<>();
    JsonToken item;
    while ((item = p.nextToken()) == JsonToken.START_OBJECT) {
      int index = -1;
      float[] vector = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("index") && value == JsonToken.VALUE_NUMBER_INT) {
          index = p.getIntValue();
        } else if (field.equals("embedding")) {
          vector = readVector(p, value, body);
        } else {
          p.skipChildren();
        }
      }
      if (index < 0 || vector == null) {
        throw garbage("a data item lacks index or embedding");
      }
      // A request holds at most MAX_INPUTS inputs; a larger index would only grow this list for nothing.
      if (index >= EmbeddingsRequest.MAX_INPUTS) {
        throw garbage("data index " + index + " is beyond any request's size");
      }
      while (byIndex.size() <= index) {
        byIndex.add(null);
      }
      if (byIndex.set(index, vector) != null) {
        throw garbage("data repeats index " + index);
      }
    }
    if (item != JsonToken.END_ARRAY) {
      throw garbage("a data item is not an object");
    }
    return byIndex;
  }

  private static float[] readVector(JsonParser p, JsonToken token, byte[] body) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      ByteBuffer raw = Base64.getDecoder().decode(base64Text(p, body));
      if (raw.remaining() % 4 != 0) {
        throw garbage("a base64 embedding is not a whole number of float32 values");
      }
      float[] vector = new float[raw.remaining() / 4];
      raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
      return vector;
    }
    if (token != JsonToken.START_ARRAY) {
      throw garbage("an embedding is neither an array nor a base64 string");
    }
    float[] vector = new float[1024];
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
        throw garbage("an embedding holds a non-number");
      }
      if (n == vector.length) {
        vector = Arrays.copyOf(vector, n * 2);
      }
      // Parsed straight to float, since going through double could round twice; an integer token
      // goes through its text so that "-0" keeps its sign.
      vector[n++] = t == JsonToken.VALUE_NUMBER_FLOAT ? p.getFloatValue() : Float.parseFloat(p.getText());
    }
    return n == vector.length ? vector : Arrays.copyOf(vector, n);
  }

  /**
   * The current string token's characters as bytes for the base64 decoder. A string without escapes
   * is read straight from the body, sparing Jackson's char conversion and a String of the whole
   * vector (the largest cost of parsing in the gateway's profile); the parser then skips the token
   * unread. With an escape, or a location that does not point at the token, it takes the text from
   * the parser; a non-ASCII character fails the decoder either way, as in the parser's text.
   */
  private static ByteBuffer base64Text(JsonParser p, byte[] body) throws IOException {
    long quote = p.currentTokenLocation().getByteOffset();
    if (quote >= 0 && quote < body.length && body[(int) quote] == '"') {
      int start = (int) quote + 1;
      int end = stringEnd(body, start);
      if (end >= 0 && body[end] == '"') {
        return ByteBuffer.wrap(body, start, end - start);
      }
    }
    return ByteBuffer.wrap(p.getText().getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * The index of the first quote or backslash from {@code from}, or -1: eight bytes at a time, as a
   * 5.5 KB base64 vector is mostly crossed (a byte-at-a-time loop here took 6% of the gateway's Java
   * samples).
   */
  static int stringEnd(byte[] body, int from) {
    int i = from;
    for (; i + Long.BYTES <= body.length; i += Long.BYTES) {
      long word = (long) LONGS.get(body, i);
      long hits = bytesEqual(word, QUOTES) | bytesEqual(word, BACKSLASHES);
      if (hits != 0) {
        return i + (Long.numberOfTrailingZeros(hits) >>> 3);
      }
    }
    for (; i < body.length; i++) {
      if (body[i] == '"' || body[i] == '\\') {
        return i;
      }
    }
    return -1;
  }

  /** The high bit of every byte of {@code word} equal to the byte repeated in {@code pattern}, exactly. */
  private static long bytesEqual(long word, long pattern) {
    long x = word ^ pattern;
    return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
  }

  private static int readPromptTokens(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      p.skipChildren();
      return 0;
    }
    int promptTokens = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("prompt_tokens") && value == JsonToken.VALUE_NUMBER_INT) {
        promptTokens = p.getIntValue();
      } else {
        p.skipChildren();
      }
    }
    return promptTokens;
  }

  private static ApiException garbage(String why) {
    return new ApiException(ApiError.upstream("Upstream sent an invalid embeddings response: " + why));
  }
}
