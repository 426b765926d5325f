package dev.embedbench.backends.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation-free base64 check against the JDK's decoder, and the undecoded vectors. */
class Base64FloatsTest {

  private static byte[] base64(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return Base64.getEncoder().encode(bytes.array());
  }

  private static float[] randomBits(SplittableRandom random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = Float.intBitsToFloat(random.nextInt());
    }
    return values;
  }

  @Test
  void sumOfSquaresMatchesTheDecodedValuesForEveryLengthAndBitPattern() {
    SplittableRandom random = new SplittableRandom(7);
    // Lengths 1..40 cover whole 16-character blocks and both padded endings; random bits cover
    // NaN, infinities, subnormals and signed zeros.
    for (int n = 1; n <= 40; n++) {
      for (int trial = 0; trial < 20; trial++) {
        float[] values = randomBits(random, n);
        byte[] text = base64(values);
        // Off a non-zero offset, as within a response body.
        byte[] body = new byte[text.length + 3];
        System.arraycopy(text, 0, body, 3, text.length);
        assertEquals(n, Base64Floats.floatCount(body, 3, text.length));
        double expected = VectorCheck.sumOfSquares(values);
        double actual = Base64Floats.sumOfSquares(body, 3, n);
        // Summed in another order, so equal up to rounding; NaN and infinity exactly.
        assertTrue(
            expected == actual
                || Math.abs(expected - actual) <= 1e-12 * Math.abs(expected)
                || (Double.isNaN(expected) && Double.isNaN(actual)),
            "n=" + n + " expected " + expected + " got " + actual);
        assertArrayEquals(values, Base64Floats.decode(new Base64Text(body, 3, text.length)));
      }
    }
  }

  @Test
  void aCharacterOutsideTheAlphabetAnywhereIsRefused() {
    for (int n : new int[] {3, 4, 5}) {
      byte[] text = base64(Arrays.copyOf(new float[] {0.5f, 0.25f, -1f, 2f, 3f}, n));
      int padding = text[text.length - 1] == '=' ? (text[text.length - 2] == '=' ? 2 : 1) : 0;
      for (int at = 0; at < text.length - padding; at++) {
        for (byte bad : new byte[] {'=', '-', '_', ' ', '"', (byte) 0xC3}) {
          byte[] broken = text.clone();
          broken[at] = bad;
          int count = Base64Floats.floatCount(broken, 0, broken.length);
          if (count > 0) {
            assertThrows(
                IllegalArgumentException.class,
                () -> Base64Floats.sumOfSquares(broken, 0, count),
                "n=" + n + " at " + at + " byte " + bad);
          }
        }
      }
    }
  }

  @Test
  void onlyCanonicalPaddedWholeFloatsAreCounted() {
    byte[] two = base64(new float[] {1f, 2f}); // 8 bytes: "xxxxxxxxxxx="
    assertEquals(2, Base64Floats.floatCount(two, 0, two.length));
    byte[] unpadded =
        new String(two, StandardCharsets.US_ASCII)
            .replace("=", "")
            .getBytes(StandardCharsets.US_ASCII);
    assertEquals(-1, Base64Floats.floatCount(unpadded, 0, unpadded.length));
    byte[] threeBytes = "AAAA".getBytes(StandardCharsets.US_ASCII);
    assertEquals(-1, Base64Floats.floatCount(threeBytes, 0, threeBytes.length));
    assertEquals(-1, Base64Floats.floatCount(threeBytes, 0, 0));
  }

  @Test
  void aCanonicalBase64AnswerStaysUndecodedAndDecodesOnDemand() {
    float[] a = {0.6f, 0.8f, 0f, 0f, 0f};
    float[] b = {0f, 0f, 0f, 0.8f, -0.6f};
    String body =
        "{\"data\":[{\"index\":1,\"embedding\":\""
            + new String(base64(b), StandardCharsets.US_ASCII)
            + "\"},{\"index\":0,\"embedding\":\""
            + new String(base64(a), StandardCharsets.US_ASCII)
            + "\"}],\"model\":\"m\"}";
    EmbeddingsResponse parsed =
        EmbeddingsResponseParser.parse(
            body.getBytes(StandardCharsets.US_ASCII), VectorCheck.UNIT_NORM);
    Base64Vectors vectors = assertInstanceOf(Base64Vectors.class, parsed.vectors());
    assertEquals(5, vectors.dimensions());
    assertEquals(5, Base64Vectors.dimensionsOf(parsed.vectors()));
    assertArrayEquals(a, vectors.get(0));
    assertArrayEquals(b, vectors.get(1));
    assertEquals(new String(base64(a), StandardCharsets.US_ASCII), parsed.base64Of(0).asString());
    // A float client gets the decoded values.
    String floats =
        new String(
            EmbeddingsResponseEncoder.encode(parsed, EncodingFormat.FLOAT), StandardCharsets.UTF_8);
    assertTrue(floats.contains("[0.6,0.8,0.0,0.0,0.0]"), floats);
  }

  @Test
  void aMixedAnswerIsDecodedWhole() {
    float[] a = {0.6f, 0.8f};
    String body =
        "{\"data\":[{\"index\":0,\"embedding\":\""
            + new String(base64(a), StandardCharsets.US_ASCII)
            + "\"},{\"index\":1,\"embedding\":[0.8,0.6]}]}";
    EmbeddingsResponse parsed =
        EmbeddingsResponseParser.parse(body.getBytes(StandardCharsets.US_ASCII));
    assertFalse(parsed.vectors() instanceof Base64Vectors);
    assertArrayEquals(a, parsed.vectors().get(0));
    assertArrayEquals(new float[] {0.8f, 0.6f}, parsed.vectors().get(1));
    assertEquals(null, parsed.base64Of(1));
  }

  @Test
  void concatenatedPartsKeepTheirOrderAndRefuseMixedLengths() {
    Base64Text one = new Base64Text(base64(new float[] {1f, 2f}), 0, 12);
    Base64Text two = new Base64Text(base64(new float[] {3f, 4f}), 0, 12);
    Base64Vectors joined =
        Base64Vectors.concat(
            List.of(new Base64Vectors(List.of(one), 2), new Base64Vectors(List.of(two), 2)));
    assertArrayEquals(new float[] {3f, 4f}, joined.get(1));
    Base64Text three = new Base64Text(base64(new float[] {1f, 2f, 3f}), 0, 16);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Base64Vectors.concat(
                List.of(new Base64Vectors(List.of(one), 2), new Base64Vectors(List.of(three), 3))));
    assertThrows(IllegalArgumentException.class, () -> new Base64Vectors(List.of(three), 2));
  }
}
