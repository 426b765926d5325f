package dev.embedbench.backends.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The standard padded base64 of one vector's little-endian float32 bytes, as a range of the array
 * it arrived in (an upstream's response body): passed on to a client without copying or encoding.
 *
 * @param source the array holding the characters; never modified
 * @param offset where they start
 * @param length how many there are
 */
public record Base64Text(byte[] source, int offset, int length) {

  public Base64Text {
    Objects.requireNonNull(source, "source");
    Objects.checkFromIndexSize(offset, length, source.length);
  }

  /** The characters as a string (for tests and logs; the hot path writes the bytes). */
  public String asString() {
    return new String(source, offset, length, StandardCharsets.US_ASCII);
  }
}
