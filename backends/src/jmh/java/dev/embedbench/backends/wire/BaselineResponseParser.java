package dev.embedbench.backends.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
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
 * The upstream answer's parser as it was before base64 vectors were checked without decoding them
 * into float arrays (commit 9228e68): {@link CodecBenchmark}'s baseline, so that the ratio comes
 * from one process. Not used outside benchmarks.
 */
public final class BaselineResponseParser {

  /** Eight bytes of an array as one little-endian long: byte k of the word is the byte at i + k. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /**
   * FastDoubleParser parses floats correctly rounded, as {@link Float#parseFloat} does, and was 2-3
   * times faster in a side-by-side run on this machine.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private BaselineResponseParser() {}

  /**
   * Parses and checks with {@link VectorCheck#FINITE_NONZERO}; see {@link #parse(byte[],
   * VectorCheck)}.
   */
  public static EmbeddingsResponse parse(byte[] body) {
    return parse(body, VectorCheck.FINITE_NONZERO);
  }

  /**
   * Parses a response from an upstream server. Each embedding may be a float array or a base64
   * string, whatever was asked for: some servers (SGLang) ignore {@code encoding_format}. Vectors
   * are placed by their {@code index}, not by arrival order. A base64 embedding in the standard
   * padded form is kept as it came, so that {@link EmbeddingsResponseEncoder} can pass it on
   * without encoding it again.
   *
   * @param check what every vector must satisfy, checked on the values just decoded
   * @throws ApiException 502 when the body is not a well-formed embeddings response: not JSON, no
   *     or empty {@code data}, an item that is not an object or lacks index or embedding, a gap or
   *     a repeat in the indexes, embeddings of different lengths, or a negative token count; 502
   *     with code {@code upstream_invalid_vector} when a vector fails {@code check}
   */
  public static EmbeddingsResponse parse(byte[] body, VectorCheck check) {
    Objects.requireNonNull(check, "check");
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw garbage("body is not a JSON object");
      }
      String model = "";
      Data data = null;
      int promptTokens = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "model" -> model = value == JsonToken.VALUE_STRING ? p.getText() : model;
          case "data" -> {
            if (data != null) {
              throw garbage("data appears twice");
            }
            data = readData(p, value, body);
          }
          case "usage" -> promptTokens = readPromptTokens(p, value);
          default -> p.skipChildren();
        }
      }
      if (data == null || data.vectors.isEmpty()) {
        throw garbage("data is missing or empty");
      }
      int dims = -1;
      for (int i = 0; i < data.vectors.size(); i++) {
        float[] vector = data.vectors.get(i);
        if (vector == null) {
          throw garbage("data has no embedding for index " + i);
        }
        if (dims == -1) {
          dims = vector.length;
        }
        if (vector.length == 0 || vector.length != dims) {
          throw garbage("embeddings differ in length or are empty");
        }
        String violation = check.violation(vector, i);
        if (violation != null) {
          throw new ApiException(
              ApiError.upstreamInvalidVector("Upstream sent an invalid embedding: " + violation));
        }
      }
      if (promptTokens < 0) {
        throw garbage("usage.prompt_tokens is negative");
      }
      return new EmbeddingsResponse(
          model, data.vectors, promptTokens, data.anyBase64 ? data.base64 : null);
    } catch (JsonProcessingException e) {
      // The original message leaves out the location, which could quote the body.
      throw garbage(e.getOriginalMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw garbage(e.getMessage());
    }
  }

  /** The data array by index: vectors, and the base64 text each came as (null for float arrays). */
  private static final class Data {
    final List<float[]> vectors = new ArrayList<>();
    final List<Base64Text> base64 = new ArrayList<>();
    boolean anyBase64;
  }

  private static Data readData(JsonParser p, JsonToken token, byte[] body) throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw garbage("data is not an array");
    }
    Data data = new Data();
    JsonToken item;
    while ((item = p.nextToken()) == JsonToken.START_OBJECT) {
      int index = -1;
      Embedding embedding = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("index") && value == JsonToken.VALUE_NUMBER_INT) {
          index = p.getIntValue();
        } else if (field.equals("embedding")) {
          embedding = readEmbedding(p, value, body);
        } else {
          p.skipChildren();
        }
      }
      if (index < 0 || embedding == null) {
        throw garbage("a data item lacks index or embedding");
      }
      // A request holds at most MAX_INPUTS inputs; a larger index would only grow this list for
      // nothing.
      if (index >= EmbeddingsRequest.MAX_INPUTS) {
        throw garbage("data index " + index + " is beyond any request's size");
      }
      while (data.vectors.size() <= index) {
        data.vectors.add(null);
        data.base64.add(null);
      }
      if (data.vectors.set(index, embedding.values()) != null) {
        throw garbage("data repeats index " + index);
      }
      data.base64.set(index, embedding.base64());
      data.anyBase64 |= embedding.base64() != null;
    }
    if (item != JsonToken.END_ARRAY) {
      throw garbage("a data item is not an object");
    }
    return data;
  }

  /**
   * One embedding as read: its values and, for a base64 string in the standard padded form, where
   * its characters are (what {@link EmbeddingsResponseEncoder} would write for these values), else
   * null.
   */
  private record Embedding(float[] values, Base64Text base64) {}

  private static Embedding readEmbedding(JsonParser p, JsonToken token, byte[] body)
      throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      ByteBuffer chars = base64Text(p, body);
      int charCount = chars.remaining();
      int charStart = chars.position();
      ByteBuffer raw = Base64.getDecoder().decode(chars);
      if (raw.remaining() % 4 != 0) {
        throw garbage("a base64 embedding is not a whole number of float32 values");
      }
      float[] vector = new float[raw.remaining() / 4];
      raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
      Base64Text text =
          charCount == EmbeddingsResponseEncoder.base64Length(vector.length)
              ? new Base64Text(chars.array(), chars.arrayOffset() + charStart, charCount)
              : null;
      return new Embedding(vector, text);
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
      vector[n++] =
          t == JsonToken.VALUE_NUMBER_FLOAT ? p.getFloatValue() : Float.parseFloat(p.getText());
    }
    return new Embedding(n == vector.length ? vector : Arrays.copyOf(vector, n), null);
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
   * 5.5 KB base64 vector is mostly crossed (a byte-at-a-time loop here took 6% of the gateway's
   * Java samples).
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

  /**
   * The high bit of every byte of {@code word} equal to the byte repeated in {@code pattern},
   * exactly.
   */
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
    return new ApiException(
        ApiError.upstream("Upstream sent an invalid embeddings response: " + why));
  }
}
