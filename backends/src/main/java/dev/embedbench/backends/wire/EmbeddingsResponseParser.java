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
 * Reads an upstream server's embeddings response into an {@link EmbeddingsResponse}, checking the
 * shape of the body and every vector as it is decoded. Hand-tuned, since it runs on every upstream
 * answer the gateway passes on (see docs/gateway.md).
 */
public final class EmbeddingsResponseParser {

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

  private EmbeddingsResponseParser() {}

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
   * @param check what every vector must satisfy, checked on the values as they are read; canonical
   *     base64 is checked from its characters and left undecoded ({@link Base64Vectors})
   * @throws ApiException 502 when the body is not a well-formed embeddings response: not JSON, no
   *     or empty {@code data}, an item that is not an object or lacks index or embedding, a gap or
   *     a repeat in the indexes, embeddings of different lengths, or a negative token count; 502
   *     with code {@code upstream_invalid_vector} when a vector fails {@code check}
   */
  public static EmbeddingsResponse parse(byte[] body, VectorCheck check) {
    Objects.requireNonNull(check, "check");
    EmbeddingsResponse plain = Base64ResponseScanner.tryParse(body, check);
    return plain != null ? plain : parseWithJackson(body, check);
  }

  /** The general path: any shape, and the error that says what is wrong. */
  static EmbeddingsResponse parseWithJackson(byte[] body, VectorCheck check) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw garbage("body is not a JSON object");
      }
      String model = "";
      List<Embedding> data = null;
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
      if (data == null || data.isEmpty()) {
        throw garbage("data is missing or empty");
      }
      int dims = -1;
      boolean allUndecoded = true;
      boolean anyBase64 = false;
      for (int i = 0; i < data.size(); i++) {
        Embedding embedding = data.get(i);
        if (embedding == null) {
          throw garbage("data has no embedding for index " + i);
        }
        if (dims == -1) {
          dims = embedding.dimensions();
        }
        if (embedding.dimensions() == 0 || embedding.dimensions() != dims) {
          throw garbage("embeddings differ in length or are empty");
        }
        String violation = check.violation(embedding.sumOfSquares(), i);
        if (violation != null) {
          throw new ApiException(
              ApiError.upstreamInvalidVector("Upstream sent an invalid embedding: " + violation));
        }
        allUndecoded &= embedding.values() == null;
        anyBase64 |= embedding.base64() != null;
      }
      if (promptTokens < 0) {
        throw garbage("usage.prompt_tokens is negative");
      }
      List<Base64Text> texts = new ArrayList<>(data.size());
      List<float[]> vectors = new ArrayList<>(data.size());
      for (Embedding embedding : data) {
        texts.add(embedding.base64());
        if (!allUndecoded) {
          vectors.add(
              embedding.values() != null
                  ? embedding.values()
                  : Base64Floats.decode(embedding.base64()));
        }
      }
      if (allUndecoded) {
        // The common case through the gateway: base64 in, base64 out, no float array made.
        Base64Vectors undecoded = new Base64Vectors(texts, dims);
        return new EmbeddingsResponse(model, undecoded, promptTokens, undecoded.texts());
      }
      return new EmbeddingsResponse(model, vectors, promptTokens, anyBase64 ? texts : null);
    } catch (JsonProcessingException e) {
      // The original message leaves out the location, which could quote the body.
      throw garbage(e.getOriginalMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw garbage(e.getMessage());
    }
  }

  /** The data array's embeddings by index; null where an index is missing. */
  private static List<Embedding> readData(JsonParser p, JsonToken token, byte[] body)
      throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw garbage("data is not an array");
    }
    List<Embedding> data = new ArrayList<>();
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
      while (data.size() <= index) {
        data.add(null);
      }
      if (data.set(index, embedding) != null) {
        throw garbage("data repeats index " + index);
      }
    }
    if (item != JsonToken.END_ARRAY) {
      throw garbage("a data item is not an object");
    }
    return data;
  }

  /**
   * One embedding as read, checked by its sum of squares.
   *
   * @param values the values, or null for canonical base64 that was checked without decoding
   * @param base64 for a base64 string in the standard padded form, where its characters are (what
   *     {@link EmbeddingsResponseEncoder} would write for these values), else null
   */
  private record Embedding(
      float[] values, Base64Text base64, int dimensions, double sumOfSquares) {}

  private static Embedding readEmbedding(JsonParser p, JsonToken token, byte[] body)
      throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      ByteBuffer chars = base64Text(p, body);
      byte[] source = chars.array();
      int start = chars.arrayOffset() + chars.position();
      int length = chars.remaining();
      int floats = Base64Floats.floatCount(source, start, length);
      if (floats > 0) {
        // Checked from the characters: no float array, which a base64 client never needs.
        double sumOfSquares = Base64Floats.sumOfSquares(source, start, floats);
        return new Embedding(null, new Base64Text(source, start, length), floats, sumOfSquares);
      }
      // Unpadded or otherwise unusual text: the JDK's lenient decoder, and never passed through.
      ByteBuffer raw = Base64.getDecoder().decode(chars);
      if (raw.remaining() % 4 != 0) {
        throw garbage("a base64 embedding is not a whole number of float32 values");
      }
      float[] vector = new float[raw.remaining() / 4];
      raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
      return new Embedding(vector, null, vector.length, VectorCheck.sumOfSquares(vector));
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
    float[] values = n == vector.length ? vector : Arrays.copyOf(vector, n);
    return new Embedding(values, null, n, VectorCheck.sumOfSquares(values));
  }

  /**
   * The current string token's characters as bytes for the base64 decoder. A string without escapes
   * is read straight from the body, sparing Jackson's char conversion and a String of the whole
   * vector (the largest cost of parsing in the gateway's profile); the parser then skips the token
   * unread. With an escape, or a location that does not point at the token, it takes the text from
   * the parser; a non-ASCII character fails the decoder either way, as in the parser's text.
   */
  static ByteBuffer base64Text(JsonParser p, byte[] body) throws IOException {
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

  static int readPromptTokens(JsonParser p, JsonToken token) throws IOException {
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

  static ApiException garbage(String why) {
    return new ApiException(
        ApiError.upstream("Upstream sent an invalid embeddings response: " + why));
  }
}
