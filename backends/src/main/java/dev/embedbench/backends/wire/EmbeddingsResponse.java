package dev.embedbench.backends.wire;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An embeddings response exactly as OpenAI shapes it: {@code object: "list"}, {@code data[i] =
 * {object: "embedding", index, embedding}} in input order, {@code model} and {@code usage}. The
 * codec is {@link EmbeddingsResponseEncoder} and {@link EmbeddingsResponseParser}; the methods here
 * that encode and parse are shorthands for them.
 *
 * @param model the model name to report
 * @param vectors one vector per input, in input order; a {@link Base64Vectors} stays undecoded
 * @param promptTokens tokens consumed; reported as both prompt and total tokens
 * @param base64 for each vector, the standard padded base64 of its little-endian float32 bytes
 *     exactly as an upstream sent it, or null where unknown: {@link EmbeddingsResponseEncoder}
 *     writes it as it is instead of encoding the floats again; null when no vector has one
 */
public record EmbeddingsResponse(
    String model, List<float[]> vectors, int promptTokens, List<Base64Text> base64) {

  public EmbeddingsResponse {
    Objects.requireNonNull(model, "model");
    vectors = Base64Vectors.immutable(vectors);
    if (base64 != null) {
      if (base64.size() != vectors.size()) {
        throw new IllegalArgumentException(
            "base64 must hold one entry per vector ("
                + vectors.size()
                + "), held "
                + base64.size());
      }
      // Nulls are allowed (List.copyOf would refuse them): a vector without its upstream text.
      base64 = Collections.unmodifiableList(new ArrayList<>(base64));
    }
  }

  /** A response with no upstream base64 to pass through. */
  public EmbeddingsResponse(String model, List<float[]> vectors, int promptTokens) {
    this(model, vectors, promptTokens, null);
  }

  /** The upstream's base64 of vector {@code i}, or null. */
  public Base64Text base64Of(int i) {
    return base64 == null ? null : base64.get(i);
  }

  /** See {@link EmbeddingsResponseEncoder#encode(EmbeddingsResponse, EncodingFormat)}. */
  public byte[] encode(EncodingFormat format) {
    return EmbeddingsResponseEncoder.encode(this, format);
  }

  /**
   * See {@link EmbeddingsResponseEncoder#encode(EmbeddingsResponse, EncodingFormat, OutputStream)}.
   */
  public void encode(EncodingFormat format, OutputStream out) {
    EmbeddingsResponseEncoder.encode(this, format, out);
  }

  /** See {@link EmbeddingsResponseEncoder#encodedSizeHint}. */
  public int encodedSizeHint(EncodingFormat format) {
    return EmbeddingsResponseEncoder.encodedSizeHint(this, format);
  }

  /** See {@link EmbeddingsResponseParser#parse(byte[])}. */
  public static EmbeddingsResponse parse(byte[] body) {
    return EmbeddingsResponseParser.parse(body);
  }

  /** See {@link EmbeddingsResponseParser#parse(byte[], VectorCheck)}. */
  public static EmbeddingsResponse parse(byte[] body, VectorCheck check) {
    return EmbeddingsResponseParser.parse(body, check);
  }
}
