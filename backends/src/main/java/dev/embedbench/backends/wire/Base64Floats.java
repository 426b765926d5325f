package dev.embedbench.backends.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;

/**
 * Float32 vectors as standard padded base64 of their little-endian bytes: the sum of squares read
 * straight from the characters, with no array allocated, and the full decode for when the values
 * are needed.
 *
 * <p>Sixteen characters are twelve bytes, three floats, so the loop takes sixteen at a time; the
 * last one or two floats sit in a padded group ({@code xx==} after one float of a block, {@code
 * xxx=} after two).
 */
final class Base64Floats {

  /** The value of each base64 character, -1 for any other byte ('=' included). */
  private static final int[] SEXTETS = new int[256];

  /** {@link #SEXTETS} shifted to their place in a group, so the decoding loop does no shifting. */
  private static final int[] SHIFTED_18 = new int[256];

  private static final int[] SHIFTED_12 = new int[256];
  private static final int[] SHIFTED_6 = new int[256];

  static {
    Arrays.fill(SEXTETS, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      SEXTETS[alphabet.charAt(i)] = i;
    }
    for (int c = 0; c < 256; c++) {
      // Still negative for a byte outside the alphabet.
      SHIFTED_18[c] = SEXTETS[c] < 0 ? -1 : SEXTETS[c] << 18;
      SHIFTED_12[c] = SEXTETS[c] < 0 ? -1 : SEXTETS[c] << 12;
      SHIFTED_6[c] = SEXTETS[c] < 0 ? -1 : SEXTETS[c] << 6;
    }
  }

  private Base64Floats() {}

  /**
   * How many floats the canonical padded base64 {@code text} of {@code length} characters holds, or
   * -1 when the length or padding is not that of whole float32 values (the caller then falls back
   * to the lenient JDK decoder, which also knows unpadded text).
   */
  static int floatCount(byte[] text, int offset, int length) {
    if (length == 0 || length % 4 != 0) {
      return -1;
    }
    int pads = text[offset + length - 1] != '=' ? 0 : text[offset + length - 2] != '=' ? 1 : 2;
    int bytes = length / 4 * 3 - pads;
    return bytes % 4 == 0 ? bytes / 4 : -1;
  }

  /**
   * The sum of the squares (in double) of the {@code floats} values encoded in {@code text}, whose
   * length and padding {@link #floatCount} accepted.
   *
   * @throws IllegalArgumentException when a character is outside the base64 alphabet
   */
  static double sumOfSquares(byte[] text, int offset, int floats) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    int bad = 0;
    int blocks = floats / 3;
    int blocksEnd = offset + blocks * 16;
    int at = offset;
    // One induction variable, so that the compiler can hoist the bounds checks out of the loop.
    for (; at < blocksEnd; at += 16) {
      int g0 = group(text, at);
      int g1 = group(text, at + 4);
      int g2 = group(text, at + 8);
      int g3 = group(text, at + 12);
      bad |= g0 | g1 | g2 | g3;
      float f0 = Float.intBitsToFloat(Integer.reverseBytes(g0 << 8 | g1 >>> 16));
      float f1 = Float.intBitsToFloat(Integer.reverseBytes(g1 << 16 | g2 >>> 8));
      float f2 = Float.intBitsToFloat(Integer.reverseBytes(g2 << 24 | g3));
      s0 += (double) f0 * f0;
      s1 += (double) f1 * f1;
      s2 += (double) f2 * f2;
    }
    int rest = floats - blocks * 3;
    if (rest > 0) {
      int g0 = group(text, at);
      // The padded group: its '=' count as zero bits, as a decoder reads them.
      int g1 = rest == 1 ? paddedGroup(text, at + 4, 2) : group(text, at + 4);
      int g2 = rest == 2 ? paddedGroup(text, at + 8, 3) : 0;
      bad |= g0 | g1 | g2;
      float f0 = Float.intBitsToFloat(Integer.reverseBytes(g0 << 8 | g1 >>> 16));
      s0 += (double) f0 * f0;
      if (rest == 2) {
        float f1 = Float.intBitsToFloat(Integer.reverseBytes(g1 << 16 | g2 >>> 8));
        s1 += (double) f1 * f1;
      }
    }
    if (bad < 0) {
      throw new IllegalArgumentException("a base64 embedding holds a character outside base64");
    }
    return (s0 + s1) + s2;
  }

  /** What {@link #scanToQuote} found: where the string ends, its floats and their squares' sum. */
  static final class Scan {
    int end;
    int floats;
    double sumOfSquares;
  }

  /**
   * Reads canonical padded base64 from {@code from} up to the closing quote of its JSON string,
   * summing the squares of its floats in the same pass (the quote is found where the decoding
   * stops, not by a scan of its own).
   *
   * @return false when the text up to the next quote is not canonical base64 of whole floats, or
   *     holds a backslash
   */
  static boolean scanToQuote(byte[] text, int from, Scan into) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    int at = from;
    for (; at + 16 <= text.length; at += 16) {
      int g0 = group(text, at);
      int g1 = group(text, at + 4);
      int g2 = group(text, at + 8);
      int g3 = group(text, at + 12);
      if ((g0 | g1 | g2 | g3) < 0) {
        break;
      }
      float f0 = Float.intBitsToFloat(Integer.reverseBytes(g0 << 8 | g1 >>> 16));
      float f1 = Float.intBitsToFloat(Integer.reverseBytes(g1 << 16 | g2 >>> 8));
      float f2 = Float.intBitsToFloat(Integer.reverseBytes(g2 << 24 | g3));
      s0 += (double) f0 * f0;
      s1 += (double) f1 * f1;
      s2 += (double) f2 * f2;
    }
    int quote = at;
    while (quote < text.length && text[quote] != '"') {
      if (text[quote] == '\\') {
        return false;
      }
      quote++;
    }
    if (quote == text.length) {
      return false;
    }
    int floats = floatCount(text, from, quote - from);
    int rest = floats - (at - from) / 16 * 3;
    // A block that stopped the loop before the last one held a character outside the alphabet.
    if (floats <= 0 || rest < 0 || rest > 2) {
      return false;
    }
    if (rest > 0) {
      int g0 = group(text, at);
      int g1 = rest == 1 ? paddedGroup(text, at + 4, 2) : group(text, at + 4);
      int g2 = rest == 2 ? paddedGroup(text, at + 8, 3) : 0;
      if ((g0 | g1 | g2) < 0) {
        return false;
      }
      float f0 = Float.intBitsToFloat(Integer.reverseBytes(g0 << 8 | g1 >>> 16));
      s0 += (double) f0 * f0;
      if (rest == 2) {
        float f1 = Float.intBitsToFloat(Integer.reverseBytes(g1 << 16 | g2 >>> 8));
        s1 += (double) f1 * f1;
      }
    }
    into.end = quote;
    into.floats = floats;
    into.sumOfSquares = (s0 + s1) + s2;
    return true;
  }

  /** Four characters as 24 bits; negative when one is not in the alphabet. */
  private static int group(byte[] text, int at) {
    return SHIFTED_18[text[at] & 0xFF]
        | SHIFTED_12[text[at + 1] & 0xFF]
        | SHIFTED_6[text[at + 2] & 0xFF]
        | SEXTETS[text[at + 3] & 0xFF];
  }

  /** A final group of {@code chars} characters and then padding, as 24 bits. */
  private static int paddedGroup(byte[] text, int at, int chars) {
    int bits = 0;
    for (int k = 0; k < chars; k++) {
      bits |= SEXTETS[text[at + k] & 0xFF] << (18 - 6 * k);
    }
    return bits;
  }

  /** The values of canonical base64 text, decoded whole. */
  static float[] decode(Base64Text text) {
    ByteBuffer raw =
        Base64.getDecoder().decode(ByteBuffer.wrap(text.source(), text.offset(), text.length()));
    float[] values = new float[raw.remaining() / 4];
    raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
