package dev.embedbench.loadgen.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmbeddingScanTest {

  private static final String TWO_FLOAT_VECTORS =
      "{\"object\": \"list\", \"data\": [{\"object\": \"embedding\", "
          + "\"index\": 0, \"embedding\": [0.1, -0.2, 3e-5, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1]}, "
          + "{\"object\":\"embedding\",\"index\":1,\"embedding\" : [ 1,2,3,4,5,6,7,8,9,10,11 ]}], "
          + "\"model\": \"m \\\"quoted\\\" embedding\", \"usage\": {\"prompt_tokens\": 3}}";

  /**
   * Scans the body cut at {@code splits} as the lean client's decoder hands it (Netty buffers) and
   * as Vert.x's client does (Vert.x buffers): both must find the same.
   */
  private static String scan(String body, int expected, AtomicInteger dimensions, int... splits) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    EmbeddingScan vertx = new EmbeddingScan(new AtomicInteger(dimensions.get()));
    EmbeddingScan netty = new EmbeddingScan(dimensions);
    int from = 0;
    for (int split : splits) {
      vertx.feed(Buffer.buffer(Arrays.copyOfRange(bytes, from, split)));
      netty.feed(chunk(bytes, from, split));
      from = split;
    }
    vertx.feed(Buffer.buffer(Arrays.copyOfRange(bytes, from, bytes.length)));
    netty.feed(chunk(bytes, from, bytes.length));
    String problem = netty.finish(expected);
    assertEquals(problem, vertx.finish(expected), "a Vert.x buffer scans as a Netty one");
    return problem;
  }

  /** A chunk whose buffer starts at a non-zero reader index, as Netty's slices do. */
  private static ByteBuf chunk(byte[] bytes, int from, int to) {
    byte[] padded = new byte[to - from + 3];
    System.arraycopy(bytes, from, padded, 3, to - from);
    return Unpooled.wrappedBuffer(padded).readerIndex(3);
  }

  @Test
  void countsVectorsAndValuesWhereverTheChunksSplit() {
    int length = TWO_FLOAT_VECTORS.getBytes(StandardCharsets.UTF_8).length;
    for (int split = 0; split <= length; split++) {
      AtomicInteger dimensions = new AtomicInteger();
      assertNull(scan(TWO_FLOAT_VECTORS, 2, dimensions, split), "split at " + split);
      assertEquals(11, dimensions.get(), "split at " + split);
    }
    assertNull(scan(TWO_FLOAT_VECTORS, 2, new AtomicInteger(11), 5, 40, 41, 120));
  }

  @Test
  void reportsWrongCountsDimensionsAndTruncation() {
    assertEquals("expected 3 embeddings, got 2", scan(TWO_FLOAT_VECTORS, 3, new AtomicInteger()));
    assertEquals(
        "data[0].embedding has 11 values, expected 1024",
        scan(TWO_FLOAT_VECTORS, 2, new AtomicInteger(1024)));
    assertEquals(
        "body ends inside a JSON value",
        scan(TWO_FLOAT_VECTORS.substring(0, 100), 2, new AtomicInteger()));
    assertEquals(
        "data[0].embedding is empty",
        scan("{\"data\":[{\"embedding\":[ ]}]}", 1, new AtomicInteger()));
    assertEquals(
        "data[0].embedding is neither an array nor a base64 string",
        scan("{\"data\":[{\"embedding\":null}]}", 1, new AtomicInteger()));
    assertEquals("expected 1 embeddings, got 0", scan("<html>oops</html>", 1, new AtomicInteger()));
  }

  @Test
  void measuresBase64Vectors() {
    for (int floats : new int[] {1, 2, 3, 1024}) {
      String base64 = Base64.getEncoder().encodeToString(new byte[floats * 4]);
      String body =
          "{\"data\":[{\"object\":\"embedding\",\"embedding\":\"" + base64 + "\",\"index\":0}]}";
      for (int split = 0; split < body.length(); split += 7) {
        AtomicInteger dimensions = new AtomicInteger();
        assertNull(scan(body, 1, dimensions, split));
        assertEquals(floats, dimensions.get(), floats + " floats split at " + split);
      }
    }
    assertEquals(
        "data[0].embedding is not base64 of whole float32 values",
        scan("{\"data\":[{\"embedding\":\"AAAA\"}]}", 1, new AtomicInteger()),
        "three bytes");
  }

  @Test
  void marksExactlyTheMatchingBytesOfAWord() {
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 10_000; trial++) {
      byte[] bytes = new byte[8];
      for (int k = 0; k < 8; k++) {
        int pick = random.nextInt(4);
        bytes[k] =
            pick == 0 ? (byte) ',' : pick == 1 ? (byte) (',' | 0x80) : (byte) random.nextInt(256);
      }
      long word = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
      long expected = 0;
      for (int k = 0; k < 8; k++) {
        expected |= bytes[k] == ',' ? 0x80L << (8 * k) : 0;
      }
      assertEquals(
          expected,
          EmbeddingScan.matches(word, 0x2C2C2C2C2C2C2C2CL),
          "word " + Long.toHexString(word));
    }
  }

  @Test
  void countsLongVectorsWhereverTheChunksSplit() {
    StringBuilder vector = new StringBuilder("[");
    for (int i = 0; i < 1024; i++) {
      vector.append(i == 0 ? "" : ", ").append(0.03125);
    }
    vector.append("]");
    String body =
        "{\"data\": [{\"embedding\": "
            + vector
            + ", \"index\": 0}, {\"index\": 1, \"embedding\":"
            + vector.toString().replace(" ", "")
            + "}], \"model\": \"m\"}";
    int length = body.getBytes(StandardCharsets.UTF_8).length;
    for (int split = 0; split <= length; split += 13) {
      AtomicInteger dimensions = new AtomicInteger();
      assertNull(scan(body, 2, dimensions, split / 3, split), "split at " + split);
      assertEquals(1024, dimensions.get(), "split at " + split);
    }
    assertEquals(
        "data[1].embedding has 1023 values, expected 1024",
        scan(body.replace(",0.03125]", "]"), 2, new AtomicInteger()));
  }

  @Test
  void readsDirectBuffersAsWellAsHeapOnes() {
    byte[] bytes = TWO_FLOAT_VECTORS.getBytes(StandardCharsets.UTF_8);
    EmbeddingScan scan = new EmbeddingScan(new AtomicInteger());
    for (int from = 0; from < bytes.length; from += 10) {
      io.netty.buffer.ByteBuf direct = Unpooled.directBuffer(16);
      direct.writeBytes(bytes, from, Math.min(10, bytes.length - from));
      scan.feed(direct);
    }
    assertNull(scan.finish(2));
  }
}
