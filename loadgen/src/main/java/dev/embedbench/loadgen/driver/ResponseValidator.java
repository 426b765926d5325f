package dev.embedbench.loadgen.driver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks a 2xx embeddings response with a streaming parser, building no tree: the number of
 * embeddings, and that every vector has the run's dimension (given, or learned from the first
 * response). On sampled responses it also reads the values and checks they are finite and, when
 * asked, unit-norm. Thread-safe; called on whichever event loop received the response.
 */
public final class ResponseValidator {

  /**
   * Jackson's fast number parser: the values of a sampled response are most of the generator's
   * parsing.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  /** Loose enough for fp16/bf16 servers, tight enough to catch unnormalised vectors. */
  private static final double NORM_TOLERANCE = 0.02;

  private final AtomicInteger dimensions;
  private final boolean checkNorm;

  /**
   * @param expectedDimensions 0 to learn the dimension from the first valid response
   */
  public ResponseValidator(int expectedDimensions, boolean checkNorm) {
    this.dimensions = new AtomicInteger(expectedDimensions);
    this.checkNorm = checkNorm;
  }

  public int dimensions() {
    return dimensions.get();
  }

  /** A byte-level check of one response as it arrives, sharing this validator's dimension. */
  EmbeddingScan newScan() {
    return new EmbeddingScan(dimensions);
  }

  /** Returns null when the body is valid, else the problem in a few words. */
  public String check(Buffer body, int expectedInputs, boolean readValues) {
    byte[] bytes = body.getBytes();
    return check(bytes, bytes.length, expectedInputs, readValues);
  }

  /**
   * As {@link #check(Buffer, int, boolean)}, for a body in the first {@code length} bytes of {@code
   * body}.
   */
  public String check(byte[] body, int length, int expectedInputs, boolean readValues) {
    try (JsonParser parser = JSON.createParser(body, 0, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return "body is not a JSON object";
      }
      int embeddings = -1;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("data".equals(field)) {
          if (value != JsonToken.START_ARRAY) {
            return "\"data\" is not an array";
          }
          embeddings = 0;
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            String problem = checkItem(parser, embeddings, readValues);
            if (problem != null) {
              return problem;
            }
            embeddings++;
          }
        } else {
          parser.skipChildren();
        }
      }
      if (embeddings < 0) {
        return "no \"data\" array";
      }
      if (embeddings != expectedInputs) {
        return "expected " + expectedInputs + " embeddings, got " + embeddings;
      }
      return null;
    } catch (IOException e) {
      return "body is not valid JSON";
    }
  }

  private String checkItem(JsonParser parser, int position, boolean readValues) throws IOException {
    int length = -1;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!"embedding".equals(field)) {
        parser.skipChildren();
        continue;
      }
      if (value == JsonToken.START_ARRAY) {
        double sumOfSquares = 0;
        length = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          if (!t.isNumeric()) {
            return "data[" + position + "].embedding holds a non-number";
          }
          if (readValues) {
            double v = parser.getDoubleValue();
            if (!Double.isFinite(v)) {
              return "data[" + position + "].embedding holds a non-finite value";
            }
            sumOfSquares += v * v;
          }
          length++;
        }
        if (readValues) {
          String problem = checkNorm(position, sumOfSquares);
          if (problem != null) {
            return problem;
          }
        }
      } else if (value == JsonToken.VALUE_STRING) {
        String base64 = parser.getText();
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        int byteLength = base64.length() / 4 * 3 - padding;
        if (base64.length() % 4 != 0 || byteLength % Float.BYTES != 0) {
          return "data[" + position + "].embedding is not base64 of whole float32 values";
        }
        length = byteLength / Float.BYTES;
        if (readValues) {
          byte[] bytes;
          try {
            bytes = Base64.getDecoder().decode(base64);
          } catch (IllegalArgumentException e) {
            return "data[" + position + "].embedding is not valid base64";
          }
          String problem = checkBase64Values(position, bytes);
          if (problem != null) {
            return problem;
          }
        }
      } else {
        return "data[" + position + "].embedding is neither an array nor a base64 string";
      }
    }
    if (length < 0) {
      return "data[" + position + "] has no embedding";
    }
    if (length == 0) {
      return "data[" + position + "].embedding is empty";
    }
    int expected = dimensions.get();
    if (expected == 0 && dimensions.compareAndSet(0, length)) {
      return null;
    }
    expected = dimensions.get();
    if (length != expected) {
      return "data[" + position + "].embedding has " + length + " values, expected " + expected;
    }
    return null;
  }

  private String checkBase64Values(int position, byte[] bytes) {
    ByteBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    double sumOfSquares = 0;
    while (floats.hasRemaining()) {
      float v = floats.getFloat();
      if (!Float.isFinite(v)) {
        return "data[" + position + "].embedding holds a non-finite value";
      }
      sumOfSquares += (double) v * v;
    }
    return checkNorm(position, sumOfSquares);
  }

  private String checkNorm(int position, double sumOfSquares) {
    double norm = Math.sqrt(sumOfSquares);
    if (checkNorm && Math.abs(norm - 1.0) > NORM_TOLERANCE) {
      return String.format(
          java.util.Locale.ROOT, "data[%d].embedding has norm %.4f, expected 1", position, norm);
    }
    return null;
  }
}
