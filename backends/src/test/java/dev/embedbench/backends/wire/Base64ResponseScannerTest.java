package dev.embedbench.backends.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast path answers exactly as the Jackson path would, or leaves the body to it: checked on
 * plain bodies and on thousands of mutated ones.
 */
class Base64ResponseScannerTest {

  private static String base64(float... values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  private static final String PLAIN =
      "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":1,\"embedding\":\""
          + base64(0f, 0.6f, 0.8f, 0f, 0f)
          + "\"},\n {\"object\":\"embedding\",\"embedding\":\""
          + base64(0.8f, 0f, 0f, 0.6f, 0f)
          + "\",\"index\":0,\"extra\":[1,-2.5e3,true,null,{\"k\":false}]}],"
          + "\"model\":\"m-1\",\"usage\":{\"prompt_tokens\":12,\"total_tokens\":12}}";

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertSame(EmbeddingsResponse expected, EmbeddingsResponse actual) {
    assertEquals(expected.model(), actual.model());
    assertEquals(expected.promptTokens(), actual.promptTokens());
    assertEquals(expected.vectors().size(), actual.vectors().size());
    for (int i = 0; i < expected.vectors().size(); i++) {
      assertEquals(expected.base64Of(i).asString(), actual.base64Of(i).asString());
    }
  }

  @Test
  void aPlainBase64AnswerTakesTheFastPathWithTheSameResult() {
    EmbeddingsResponse fast = Base64ResponseScanner.tryParse(bytes(PLAIN), VectorCheck.UNIT_NORM);
    assertNotNull(fast);
    assertSame(
        EmbeddingsResponseParser.parseWithJackson(bytes(PLAIN), VectorCheck.UNIT_NORM), fast);
    assertEquals("m-1", fast.model());
    assertEquals(12, fast.promptTokens());
  }

  @Test
  void otherShapesAreLeftToJackson() {
    String[] others = {
      "{\"data\":[{\"index\":0,\"embedding\":[0.6,0.8]}]}", // floats
      "{\"data\":[{\"index\":0,\"embedding\":\"" + base64(0.6f, 0.8f).replace("=", "") + "\"}]}",
      "{\"model\":\"caf\u00e9\",\"data\":[{\"index\":0,\"embedding\":\"" + base64(1f) + "\"}]}",
      "{\"model\":\"a\\\"b\",\"data\":[{\"index\":0,\"embedding\":\"" + base64(1f) + "\"}]}",
      "{\"data\":[{\"index\":0,\"embedding\":\"" + base64(Float.NaN, 1f) + "\"}]}",
      "{\"data\":[{\"index\":0,\"embedding\":\"" + base64(0f, 0f) + "\"}]}",
      "{\"data\":[{\"index\":1,\"embedding\":\"" + base64(1f) + "\"}]}", // a gap
      "{\"data\":[{\"index\":0.0,\"embedding\":\"" + base64(1f) + "\"}]}",
      "{\"data\":[]}",
      "{\"data\":[{\"index\":0,\"embedding\":\""
          + base64(1f)
          + "\"}],\"usage\":{\"prompt_tokens\":-1}}",
    };
    for (String body : others) {
      assertNull(Base64ResponseScanner.tryParse(bytes(body), VectorCheck.FINITE_NONZERO), body);
    }
  }

  @Test
  void aMutatedBodyIsEitherReadAsJacksonReadsItOrLeftToIt() {
    SplittableRandom random = new SplittableRandom(11);
    byte[] plain = bytes(PLAIN);
    byte[] alphabet = bytes("{}[]\",:.-+eE0123456789 \\nAZaz/=tfu\u00ff");
    int fast = 0;
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] body = mutate(plain, random, alphabet);
      EmbeddingsResponse scanned = Base64ResponseScanner.tryParse(body, VectorCheck.UNIT_NORM);
      if (scanned == null) {
        continue;
      }
      fast++;
      EmbeddingsResponse general;
      try {
        general = EmbeddingsResponseParser.parseWithJackson(body, VectorCheck.UNIT_NORM);
      } catch (ApiException e) {
        fail(
            "the fast path accepted what Jackson refuses ("
                + e.getMessage()
                + "): "
                + new String(body, StandardCharsets.ISO_8859_1));
        return;
      }
      assertSame(general, scanned);
    }
    // Some mutations keep the body valid (a digit in a skipped number, whitespace): the check above
    // must have compared something.
    if (fast == 0) {
      fail("no mutated body took the fast path");
    }
  }

  private static byte[] mutate(byte[] plain, SplittableRandom random, byte[] alphabet) {
    int at = random.nextInt(plain.length);
    byte b = alphabet[random.nextInt(alphabet.length)];
    return switch (random.nextInt(3)) {
      case 0 -> {
        byte[] out = plain.clone();
        out[at] = b;
        yield out;
      }
      case 1 -> {
        byte[] out = new byte[plain.length - 1];
        System.arraycopy(plain, 0, out, 0, at);
        System.arraycopy(plain, at + 1, out, at, plain.length - at - 1);
        yield out;
      }
      default -> {
        byte[] out = new byte[plain.length + 1];
        System.arraycopy(plain, 0, out, 0, at);
        out[at] = b;
        System.arraycopy(plain, at, out, at + 1, plain.length - at);
        yield out;
      }
    };
  }
}
