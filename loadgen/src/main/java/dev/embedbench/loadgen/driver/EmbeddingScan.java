package dev.embedbench.loadgen.driver;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks an embeddings response as its bytes arrive, without parsing it: counts the {@code
 * "embedding"} members and the length of each (commas of a float array, or the size of a base64
 * string). The bulk of a response, the vectors, is crossed eight bytes at a time; only the few
 * bytes of structure around them go through the state machine one by one. One instance per
 * response, fed on the event loop that reads it. This is the check every response gets; {@link
 * ResponseValidator} parses sampled responses in full and checks the values.
 */
final class EmbeddingScan {

  private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
  private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
  private static final long EQUALS = 0x3D3D3D3D3D3D3D3DL;
  private static final long CLOSES = 0x5D5D5D5D5D5D5D5DL;
  private static final long QUOTES = 0x2222222222222222L;

  /** Eight bytes of a {@link ByteBuffer} as one little-endian long. */
  private static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final byte[] KEY = "embedding".getBytes(StandardCharsets.US_ASCII);

  private enum State {
    OUTSIDE,
    STRING,
    STRING_ESCAPE,
    AFTER_KEY,
    BEFORE_VALUE,
    FLOATS,
    BASE64
  }

  private final AtomicInteger dimensions;
  private State state = State.OUTSIDE;
  private int keyMatch;
  private int embeddings;
  private int commas;
  private boolean sawValue;
  private int base64Length;
  private int base64Padding;
  private String problem;

  /**
   * @param dimensions the run's dimension, 0 until learned; shared with the full validator
   */
  EmbeddingScan(AtomicInteger dimensions) {
    this.dimensions = dimensions;
  }

  /**
   * Reads a chunk of Vert.x's client in place through its public accessors (Vert.x's {@code
   * ByteBuf} is internal to it): no copy, at some cost per word read.
   */
  void feed(Buffer chunk) {
    int length = chunk.length();
    if (length > 0) {
      feed(new VertxChunk(chunk), 0, length);
    }
  }

  /**
   * Reads the chunk in place, heap or direct, through a {@link ByteBuffer} view: no copy, and the
   * word reads below are plain loads.
   */
  void feed(ByteBuf buf) {
    int length = buf.readableBytes();
    if (length > 0) {
      feed(new NioChunk(buf.nioBuffer(buf.readerIndex(), length)), 0, length);
    }
  }

  /**
   * A chunk's bytes, read in place one at a time or eight at once as a little-endian word (byte k
   * of the word is the byte at i + k).
   */
  private abstract static class Chunk {
    abstract byte at(int i);

    abstract long word(int i);
  }

  private static final class NioChunk extends Chunk {
    private final ByteBuffer bytes;

    NioChunk(ByteBuffer bytes) {
      this.bytes = bytes;
    }

    @Override
    byte at(int i) {
      return bytes.get(i);
    }

    @Override
    long word(int i) {
      return (long) LONGS.get(bytes, i);
    }
  }

  private static final class VertxChunk extends Chunk {
    private final Buffer bytes;

    VertxChunk(Buffer bytes) {
      this.bytes = bytes;
    }

    @Override
    byte at(int i) {
      return bytes.getByte(i);
    }

    @Override
    long word(int i) {
      return bytes.getLongLE(i);
    }
  }

  private void feed(Chunk bytes, int from, int end) {
    for (int i = from; i < end && problem == null; ) {
      switch (state) {
        case OUTSIDE -> {
          while (i < end && bytes.at(i) != '"') {
            i++;
          }
          if (i < end) {
            state = State.STRING;
            keyMatch = 0;
            i++;
          }
        }
        case FLOATS -> i = floats(bytes, i, end);
        case BASE64 -> i = base64(bytes, i, end);
        default -> {
          process(bytes.at(i));
          i++;
        }
      }
    }
  }

  /**
   * Crosses a float array up to its closing bracket in one pass, eight bytes at a time: counts its
   * commas and ends the vector at the bracket. Returns where the bytes after the vector begin.
   */
  private int floats(Chunk bytes, int from, int end) {
    int i = from;
    if (!sawValue) {
      while (i < end && isSpace(bytes.at(i))) {
        i++;
      }
      if (i == end) {
        return end;
      }
      sawValue = bytes.at(i) != ']';
    }
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long word = bytes.word(i);
      long closes = matches(word, CLOSES);
      long commaBits = matches(word, COMMAS);
      if (closes != 0) {
        int bit = Long.numberOfTrailingZeros(closes);
        commas += Long.bitCount(commaBits & ((1L << bit) - 1));
        vector(sawValue ? commas + 1 : 0);
        return i + (bit >>> 3) + 1;
      }
      commas += Long.bitCount(commaBits);
    }
    for (; i < end; i++) {
      if (bytes.at(i) == ']') {
        vector(sawValue ? commas + 1 : 0);
        return i + 1;
      }
      if (bytes.at(i) == ',') {
        commas++;
      }
    }
    return end;
  }

  /** Crosses a base64 string up to its closing quote, as {@link #floats} does an array. */
  private int base64(Chunk bytes, int from, int end) {
    int i = from;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long word = bytes.word(i);
      long quotes = matches(word, QUOTES);
      long padding = matches(word, EQUALS);
      if (quotes != 0) {
        int bit = Long.numberOfTrailingZeros(quotes);
        base64Length += bit >>> 3;
        base64Padding += Long.bitCount(padding & ((1L << bit) - 1));
        base64End();
        return i + (bit >>> 3) + 1;
      }
      base64Length += Long.BYTES;
      base64Padding += Long.bitCount(padding);
    }
    for (; i < end; i++) {
      if (bytes.at(i) == '"') {
        base64End();
        return i + 1;
      }
      base64Length++;
      if (bytes.at(i) == '=') {
        base64Padding++;
      }
    }
    return end;
  }

  /**
   * The high bit of every byte of {@code word} that equals the byte repeated in {@code pattern},
   * and no other bit (exact: no carry crosses from one byte into the next).
   */
  static long matches(long word, long pattern) {
    long x = word ^ pattern;
    return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
  }

  /**
   * Returns null when the response held {@code expectedInputs} embeddings of the run's dimension.
   */
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
      default ->
          throw new IllegalStateException("vectors are crossed in bulk, not in state " + state);
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
