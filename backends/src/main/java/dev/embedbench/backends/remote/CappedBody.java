package dev.embedbench.backends.remote;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import java.util.Arrays;

/**
 * An upstream answer's body read into one array, at most {@code limitBytes} of it. Chunks are
 * copied once, from the connection's buffers into the array (sized from {@code Content-Length} when
 * sent), which is what the JSON parser reads. Past the limit the request is reset, which closes the
 * connection instead of reading the rest: a 50 MB answer costs the limit, not 50 MB.
 */
final class CappedBody {

  private static final int DEFAULT_INITIAL_BYTES = 8 * 1024;

  private final HttpClientResponse response;
  private final long limitBytes;
  private final boolean keepPrefix;
  private final Promise<byte[]> done = Promise.promise();
  private byte[] bytes;
  private int length;

  private CappedBody(
      HttpClientResponse response, long limitBytes, boolean keepPrefix, int initialBytes) {
    this.response = response;
    this.limitBytes = limitBytes;
    this.keepPrefix = keepPrefix;
    this.bytes = new byte[initialBytes];
  }

  /**
   * @param keepPrefix past the limit, complete with the first {@code limitBytes} (enough to quote
   *     an error) instead of failing with a 502
   */
  static Future<byte[]> read(HttpClientResponse response, long limitBytes, boolean keepPrefix) {
    long declared = declaredLength(response);
    if (declared > limitBytes && !keepPrefix) {
      response.request().reset();
      return Future.failedFuture(tooLarge(declared, limitBytes));
    }
    int initial =
        (int)
            (declared >= 0
                ? Math.min(declared, limitBytes)
                : Math.min(limitBytes, DEFAULT_INITIAL_BYTES));
    CappedBody body = new CappedBody(response, limitBytes, keepPrefix, initial);
    response.handler(body::append);
    response.exceptionHandler(body.done::tryFail);
    response.endHandler(v -> body.done.tryComplete(body.trimmed()));
    return body.done.future();
  }

  private void append(Buffer chunk) {
    if (done.future().isComplete()) {
      return;
    }
    int n = chunk.length();
    if (length + (long) n > limitBytes) {
      if (keepPrefix) {
        n = (int) (limitBytes - length);
        copy(chunk, n);
        done.tryComplete(trimmed());
      } else {
        done.tryFail(tooLarge(length + (long) n, limitBytes));
      }
      response.request().reset();
      return;
    }
    copy(chunk, n);
  }

  private void copy(Buffer chunk, int n) {
    if (length + n > bytes.length) {
      long grown = Math.max((long) bytes.length * 2, (long) length + n);
      bytes = Arrays.copyOf(bytes, (int) Math.min(grown, limitBytes));
    }
    chunk.getBytes(0, n, bytes, length);
    length += n;
  }

  private byte[] trimmed() {
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }

  private static long declaredLength(HttpClientResponse response) {
    String header = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
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
