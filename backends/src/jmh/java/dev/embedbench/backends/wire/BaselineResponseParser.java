package dev.embedbench.backends.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The upstream answer's parser as it was before base64 vectors were checked without decoding them
 * into float arrays (commit 9228e68): {@link CodecBenchmark}'s baseline, so that the ratio comes
 * from one process. Not used outside benchmarks. The helpers that did not change (the string's
 * bytes, usage, the error) are the current parser's.
 */
public final class BaselineResponseParser {

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
        throw EmbeddingsResponseParser.garbage("body is not a JSON object");
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
              throw EmbeddingsResponseParser.garbage("data appears twice");
            }
            data = readData(p, value, body);
          }
          case "usage" -> promptTokens = EmbeddingsResponseParser.readPromptTokens(p, value);
          default -> p.skipChildren();
        }
      }
      if (data == null || data.vectors.isEmpty()) {
        throw EmbeddingsResponseParser.garbage("data is missing or empty");
      }
      int dims = -1;
      for (int i = 0; i < data.vectors.size(); i++) {
        float[] vector = data.vectors.get(i);
        if (vector == null) {
          throw EmbeddingsResponseParser.garbage("data has no embedding for index " + i);
        }
        if (dims == -1) {
          dims = vector.length;
        }
        if (vector.length == 0 || vector.length != dims) {
          throw EmbeddingsResponseParser.garbage("embeddings differ in length or are empty");
        }
        String violation = check.violation(vector, i);
        if (violation != null) {
          throw new ApiException(
              ApiError.upstreamInvalidVector("Upstream sent an invalid embedding: " + violation));
        }
      }
      if (promptTokens < 0) {
        throw EmbeddingsResponseParser.garbage("usage.prompt_tokens is negative");
      }
      return new EmbeddingsResponse(
          model, data.vectors, promptTokens, data.anyBase64 ? data.base64 : null);
    } catch (JsonProcessingException e) {
      // The original message leaves out the location, which could quote the body.
      throw EmbeddingsResponseParser.garbage(e.getOriginalMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw EmbeddingsResponseParser.garbage(e.getMessage());
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
      throw EmbeddingsResponseParser.garbage("data is not an array");
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
        throw EmbeddingsResponseParser.garbage("a data item lacks index or embedding");
      }
      // A request holds at most MAX_INPUTS inputs; a larger index would only grow this list for
      // nothing.
      if (index >= EmbeddingsRequest.MAX_INPUTS) {
        throw EmbeddingsResponseParser.garbage(
            "data index " + index + " is beyond any request's size");
      }
      while (data.vectors.size() <= index) {
        data.vectors.add(null);
        data.base64.add(null);
      }
      if (data.vectors.set(index, embedding.values()) != null) {
        throw EmbeddingsResponseParser.garbage("data repeats index " + index);
      }
      data.base64.set(index, embedding.base64());
      data.anyBase64 |= embedding.base64() != null;
    }
    if (item != JsonToken.END_ARRAY) {
      throw EmbeddingsResponseParser.garbage("a data item is not an object");
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
      ByteBuffer chars = EmbeddingsResponseParser.base64Text(p, body);
      int charCount = chars.remaining();
      int charStart = chars.position();
      ByteBuffer raw = Base64.getDecoder().decode(chars);
      if (raw.remaining() % 4 != 0) {
        throw EmbeddingsResponseParser.garbage(
            "a base64 embedding is not a whole number of float32 values");
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
      throw EmbeddingsResponseParser.garbage(
          "an embedding is neither an array nor a base64 string");
    }
    float[] vector = new float[1024];
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
        throw EmbeddingsResponseParser.garbage("an embedding holds a non-number");
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
}
