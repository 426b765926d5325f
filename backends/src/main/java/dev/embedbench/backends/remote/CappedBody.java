package dev.embedbench.backends.remote;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * An upstream answer's body read into one array, at most {@code limitBytes} of it. Chunks are
 * copied once, from the connection's buffers into the array (sized from {@code Content-Length} when
 * sent), which is what the JSON parser reads. Past the limit the caller closes the connection
 * instead of reading the rest: a 50 MB answer costs the limit, not 50 MB.
 */
final class CappedBody {

  private static final int DEFAULT_INITIAL_BYTES = 8 * 1024;

  private final long limitBytes;
  private final boolean keepPrefix;
  private byte[] bytes;
  private int length;

  /**
   * @param declaredBytes the {@code Content-Length}, or -1 when none was sent
   * @param keepPrefix past the limit, keep the first {@code limitBytes} (enough to quote an error)
   *     instead of failing with a 502
   */
  CappedBody(long limitBytes, boolean keepPrefix, long declaredBytes) {
    this.limitBytes = limitBytes;
    this.keepPrefix = keepPrefix;
    int initial =
        (int)
            (declaredBytes >= 0
                ? Math.min(declaredBytes, limitBytes)
                : Math.min(limitBytes, DEFAULT_INITIAL_BYTES));
    this.bytes = new byte[initial];
  }

  /** Refuses an answer whose declared length is already over the limit (before any body byte). */
  static TooLarge refuse(long declaredBytes, long limitBytes, boolean keepPrefix) {
    return declaredBytes > limitBytes && !keepPrefix ? tooLarge(declaredBytes, limitBytes) : null;
  }

  /**
   * Copies a chunk in. Returns false when the body is full: past the limit a kept prefix is
   * complete, otherwise {@link #overflow} says how large the answer was at least.
   */
  boolean append(ByteBuf chunk) {
    int n = chunk.readableBytes();
    if (length + (long) n > limitBytes) {
      if (keepPrefix) {
        copy(chunk, (int) (limitBytes - length));
      } else {
        length += n;
      }
      return false;
    }
    copy(chunk, n);
    return true;
  }

  /** The answer's size so far as an error, after {@link #append} returned false. */
  TooLarge overflow() {
    return keepPrefix ? null : tooLarge(length, limitBytes);
  }

  byte[] bytes() {
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }

  private void copy(ByteBuf chunk, int n) {
    if (length + n > bytes.length) {
      long grown = Math.max((long) bytes.length * 2, (long) length + n);
      bytes = Arrays.copyOf(bytes, (int) Math.min(grown, limitBytes));
    }
    chunk.getBytes(chunk.readerIndex(), bytes, length, n);
    length += n;
  }

  private static TooLarge tooLarge(long bytes, long limitBytes) {
    return new TooLarge(
        "the answer has at least " + bytes + " bytes, over the limit of " + limitBytes);
  }

  /** An answer over the limit; {@link UpstreamErrors} makes it a 502. */
  static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message, null, false, false);
    }
  }
}
