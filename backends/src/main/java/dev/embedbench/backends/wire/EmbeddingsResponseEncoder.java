package dev.embedbench.backends.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes an {@link EmbeddingsResponse} as OpenAI shapes it, with each vector as a float array or as
 * base64; a vector whose upstream base64 is known is written back as it came.
 */
public final class EmbeddingsResponseEncoder {

  /**
   * Jackson's fast writer showed no gain over {@link Float#toString} on Java 17, so it stays off.
   */
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private EmbeddingsResponseEncoder() {}

  /**
   * Encodes {@code response}; base64 is the standard encoding of the little-endian float32 bytes.
   */
  public static byte[] encode(EmbeddingsResponse response, EncodingFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(encodedSizeHint(response, format));
    encode(response, format, out);
    return out.toByteArray();
  }

  /** About the encoded size in bytes: exact for base64 bar the numbers, generous for floats. */
  public static int encodedSizeHint(EmbeddingsResponse response, EncodingFormat format) {
    List<float[]> vectors = response.vectors();
    int dims = Base64Vectors.dimensionsOf(vectors);
    int perVector = format == EncodingFormat.BASE64 ? base64Length(dims) : dims * 12;
    return 128 + response.model().length() * 3 + vectors.size() * (64 + perVector);
  }

  /**
   * Writes {@code response} to {@code out}, so that a caller can encode straight into the buffer it
   * sends instead of copying a byte array into it.
   */
  public static void encode(EmbeddingsResponse response, EncodingFormat format, OutputStream out) {
    try {
      if (format == EncodingFormat.BASE64 && passThrough(response, out)) {
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    encodeWithJackson(response, format, out);
  }

  private static final byte[] LIST_START = ascii("{\"object\":\"list\",\"data\":[");
  private static final byte[] ITEM_START = ascii("{\"object\":\"embedding\",\"index\":");
  private static final byte[] EMBEDDING_START = ascii(",\"embedding\":\"");
  private static final byte[] ITEM_END = ascii("\"}");
  private static final byte[] MODEL_START = ascii("],\"model\":\"");
  private static final byte[] USAGE_START = ascii("\",\"usage\":{\"prompt_tokens\":");
  private static final byte[] TOTAL_TOKENS = ascii(",\"total_tokens\":");
  private static final byte[] USAGE_END = ascii("}}");

  /**
   * The answer of upstream base64 passed through, written as bytes: the same bytes as {@link
   * #encodeWithJackson} writes, without a generator and its buffer in between (the 5.5 KB of each
   * vector are copied once, into {@code out}). Writes nothing and returns false unless every vector
   * has its upstream text and the model name needs no escaping.
   */
  private static boolean passThrough(EmbeddingsResponse response, OutputStream out)
      throws IOException {
    String model = response.model();
    int count = response.vectors().size();
    if (response.base64() == null || !plainAscii(model)) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (response.base64Of(i) == null) {
        return false;
      }
    }
    out.write(LIST_START);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(ITEM_START);
      writeInt(out, i);
      out.write(EMBEDDING_START);
      Base64Text text = response.base64Of(i);
      out.write(text.source(), text.offset(), text.length());
      out.write(ITEM_END);
    }
    out.write(MODEL_START);
    out.write(ascii(model));
    out.write(USAGE_START);
    writeInt(out, response.promptTokens());
    out.write(TOTAL_TOKENS);
    writeInt(out, response.promptTokens());
    out.write(USAGE_END);
    return true;
  }

  /** Printable ASCII that JSON writes as it is: no quote, no backslash. */
  private static boolean plainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static void writeInt(OutputStream out, int value) throws IOException {
    out.write(ascii(Integer.toString(value)));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The general encoder: any format, any model name. */
  static void encodeWithJackson(
      EmbeddingsResponse response, EncodingFormat format, OutputStream out) {
    List<float[]> vectors = response.vectors();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("object", "list");
      g.writeFieldName("data");
      g.writeStartArray();
      // Scratch for vectors encoded here, allocated on first use: passed-through ones need none.
      ByteBuffer bytes = null;
      byte[] text = null;
      for (int i = 0; i < vectors.size(); i++) {
        g.writeStartObject();
        g.writeStringField("object", "embedding");
        g.writeNumberField("index", i);
        g.writeFieldName("embedding");
        Base64Text upstreamBase64 = format == EncodingFormat.BASE64 ? response.base64Of(i) : null;
        if (upstreamBase64 != null) {
          // Checked on arrival; written back untouched, never decoded (raw: the alphabet needs no
          // escapes).
          g.writeRawUTF8String(
              upstreamBase64.source(), upstreamBase64.offset(), upstreamBase64.length());
        } else if (format == EncodingFormat.BASE64) {
          float[] vector = vectors.get(i);
          if (bytes == null || bytes.capacity() != vector.length * 4) {
            bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            text = new byte[base64Length(vector.length)];
          }
          bytes.clear();
          bytes.asFloatBuffer().put(vector);
          // Standard base64 with padding and no line feeds, written as the string's raw bytes (the
          // alphabet needs no escaping): the JDK's encoder was much cheaper than Jackson's
          // writeBinary in the gateway's profile.
          int length = Base64.getEncoder().encode(bytes.array(), text);
          g.writeRawUTF8String(text, 0, length);
        } else {
          g.writeStartArray();
          for (float v : vectors.get(i)) {
            g.writeNumber(v);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("model", response.model());
      g.writeObjectFieldStart("usage");
      g.writeNumberField("prompt_tokens", response.promptTokens());
      g.writeNumberField("total_tokens", response.promptTokens());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Characters of the standard padded base64 of {@code floats} float32 values. */
  static int base64Length(int floats) {
    return (floats * 4 + 2) / 3 * 4;
  }
}
