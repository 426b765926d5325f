package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BufferOutputStreamTest {

  /** Single bytes, array slices and growth past the size hint all land in the buffer, in order. */
  @Test
  void writesLandInTheBufferInOrder() {
    Buffer buffer = Buffer.buffer(4);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    BufferOutputStream out = new BufferOutputStream(buffer);
    byte[] text = "{\"object\":\"list\",\"data\":[".getBytes(StandardCharsets.US_ASCII);
    for (int round = 0; round < 300; round++) {
      out.write(text, 2, text.length - 3);
      expected.write(text, 2, text.length - 3);
      out.write(',');
      expected.write(',');
      out.write(0x1ff); // an int's low byte only, as OutputStream.write(int) specifies
      expected.write(0xff);
    }
    assertArrayEquals(expected.toByteArray(), buffer.getBytes());
  }
}
