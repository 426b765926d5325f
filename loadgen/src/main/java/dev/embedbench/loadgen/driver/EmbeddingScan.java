package dev.embedbench.loadgen.driver;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks an embeddings response as its bytes arrive, without copying or parsing it: counts the
 * {@code "embedding"} members and the length of each (commas of a float array, or the size of a base64
 * string). The bulk of a response, the vectors, is crossed eight bytes at a time; only the few bytes of
 * structure around them go through the state machine one by one. One instance per response, fed on the
 * event loop that reads it. This is the check every response gets; {@link ResponseValidator} parses
 * sampled responses in full and checks the values.
 */
final class EmbeddingScan {

  private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
  private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
  private static final long EQUALS = 0x3D3D3D3D3D3D3D3DL;

  private static final byte[] KEY = "embedding".getBytes(StandardCharsets.US_ASCII);

  private enum State { OUTSIDE, STRING, STRING_ESCAPE, AFTER_KEY, BEFORE_VALUE, FLOATS, BASE64 }

  private final AtomicInteger dimensions;
  private State state = State.OUTSIDE;
  private int keyMatch;
  private int embeddings;
  private int commas;
  private boolean sawValue;
  private int base64Length;
  private int base64Padding;
  private String problem;

  /** @param dimensions the run's dimension, 0 until learned; shared with the full validator */
  EmbeddingScan(AtomicInteger dimensions) {
    this.dimensions = dimensions;
  }

  void feed(Buffer chunk) {
    ByteBuf buf = ((BufferInternal) chunk).getByteBuf();
    int end = buf.writerIndex();
    for (int i = buf.readerIndex(); i < end && problem == null; ) {
      switch (state) {
        case OUTSIDE -> {
          int quote = buf.indexOf(i, end, (byte) '"');
          if (quote < 0) {
            i = end;
          } else {
            state = State.STRING;
            keyMatch = 0;
            i = quote + 1;
          }
        }
        case FLOATS -> {
          int close = buf.indexOf(i, end, (byte) ']');
          int stop = close < 0 ? end : close;
          commas += count(buf, i, stop, COMMAS);
          for (int j = i; !sawValue && j < stop; j++) {
            sawValue = !isSpace(buf.getByte(j));
          }
          i = stop;
          if (close >= 0) {
            vector(sawValue ? commas + 1 : 0);
            i = close + 1;
          }
        }
        case BASE64 -> {
          int quote = buf.indexOf(i, end, (byte) '"');
          int stop = quote < 0 ? end : quote;
          base64Length += stop - i;
          base64Padding += count(buf, i, stop, EQUALS);
          i = stop;
          if (quote >= 0) {
            base64End();
            i = quote + 1;
          }
        }
        default -> {
          process(buf.getByte(i));
          i++;
        }
      }
    }
  }

  /** How many bytes of {@code buf[from, to)} equal the byte repeated in {@code pattern}. */
  static int count(ByteBuf buf, int from, int to, long pattern) {
    int found = 0;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = buf.getLongLE(i) ^ pattern;
      // Exactly the zero bytes of x keep their high bit here, with no carry between bytes.
      long zeros = ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
      found += Long.bitCount(zeros);
    }
    byte b = (byte) pattern;
    for (; i < to; i++) {
      if (buf.getByte(i) == b) {
        found++;
      }
    }
    return found;
  }

  /** Returns null when the response held {@code expectedInputs} embeddings of the run's dimension. */
  String finish(int expectedInputs) {
    if (problem != null) {
      return problem;
    }
    if (state != State.OUTSIDE) {
      return "body ends inside a JSON value";
    }
    if (embeddings != expectedInputs) {
      return "expected " + expectedInputs + " embeddings, got " + embeddings;
    }
    return null;
  }

  /** The structure between vectors, one byte at a time. */
  private void process(byte b) {
    switch (state) {
      case OUTSIDE -> {
        if (b == '"') {
          state = State.STRING;
          keyMatch = 0;
        }
      }
      case STRING -> {
        if (b == '"') {
          state = keyMatch == KEY.length ? State.AFTER_KEY : State.OUTSIDE;
        } else if (b == '\\') {
          state = State.STRING_ESCAPE;
          keyMatch = -1;
        } else if (keyMatch >= 0) {
          keyMatch = keyMatch < KEY.length && b == KEY[keyMatch] ? keyMatch + 1 : -1;
        }
      }
      case STRING_ESCAPE -> state = State.STRING;
      case AFTER_KEY -> {
        // "embedding" followed by ':' is the member; followed by anything else it was a value.
        if (b == ':') {
          state = State.BEFORE_VALUE;
        } else if (!isSpace(b)) {
          state = State.OUTSIDE;
          process(b);
        }
      }
      case BEFORE_VALUE -> {
        if (b == '[') {
          state = State.FLOATS;
          commas = 0;
          sawValue = false;
        } else if (b == '"') {
          state = State.BASE64;
          base64Length = 0;
          base64Padding = 0;
        } else if (!isSpace(b)) {
          fail("data[" + embeddings + "].embedding is neither an array nor a base64 string");
        }
      }
      default -> throw new IllegalStateException("vectors are crossed in bulk, not in state " + state);
    }
  }

  private void base64End() {
    int bytes = base64Length / 4 * 3 - base64Padding;
    if (base64Length % 4 != 0 || bytes % Float.BYTES != 0) {
      fail("data[" + embeddings + "].embedding is not base64 of whole float32 values");
    } else {
      vector(bytes / Float.BYTES);
    }
  }

  private void vector(int length) {
    state = State.OUTSIDE;
    if (length == 0) {
      fail("data[" + embeddings + "].embedding is empty");
      return;
    }
    int expected = dimensions.get();
    if (expected == 0 && dimensions.compareAndSet(0, length)) {
      expected = length;
    }
    expected = dimensions.get();
    if (length != expected) {
      fail("data[" + embeddings + "].embedding has " + length + " values, expected " + expected);
      return;
    }
    embeddings++;
  }

  private void fail(String message) {
    problem = message;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
