package dev.embedbench.loadgen.driver;

import dev.embedbench.loadgen.http.Http1Pool;
import dev.embedbench.loadgen.http.ResponseListener;
import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.workload.PreparedRequest;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Sends through one event loop's {@link Http1Pool} and records each outcome, with the same checks
 * as {@link RequestSender}: every 2xx body is scanned as it streams in ({@link EmbeddingScan}); one
 * in {@code readValuesEvery}, at most 100 a second ({@link ValueSample}), and every error body, are
 * gathered whole, the former parsed and its values checked ({@link ResponseValidator}), the latter
 * kept as the failure's detail. The actual send time is taken when the pool hands the request a
 * connection. Runs on the pool's event loop.
 */
public final class Http1Sender implements Sender {

  private final Http1Pool pool;
  private final RunRecorder recorder;
  private final ResponseValidator validator;
  private final AnswerRecorder answers;
  private final ValueSample values;

  public Http1Sender(
      Http1Pool pool, RunRecorder recorder, ResponseValidator validator, long readValuesEvery) {
    this.pool = pool;
    this.recorder = recorder;
    this.validator = validator;
    this.answers = new AnswerRecorder(recorder, validator);
    this.values = new ValueSample(readValuesEvery);
  }

  @Override
  public void send(
      PreparedRequest request, long index, long intendedNanos, Phase phase, Runnable done) {
    pool.send(index, new Exchange(request, values.take(index), intendedNanos, phase, done));
  }

  /** One request's outcome as its response arrives. */
  private final class Exchange implements ResponseListener {

    private final PreparedRequest request;
    private final boolean readValues;
    private final long intendedNanos;
    private final Phase phase;
    private final Runnable done;
    private long sendNanos;
    private int status;
    private EmbeddingScan scan;
    private byte[] whole;
    private int wholeLength;

    Exchange(
        PreparedRequest request,
        boolean readValues,
        long intendedNanos,
        Phase phase,
        Runnable done) {
      this.request = request;
      this.readValues = readValues;
      this.intendedNanos = intendedNanos;
      this.phase = phase;
      this.done = done;
    }

    @Override
    public void sending() {
      sendNanos = System.nanoTime();
    }

    @Override
    public void status(int statusCode) {
      status = statusCode;
      if (status >= 200 && status <= 299 && !readValues) {
        scan = validator.newScan();
      } else {
        whole = new byte[1024];
      }
    }

    @Override
    public void content(ByteBuf piece) {
      if (scan != null) {
        scan.feed(piece);
        return;
      }
      int length = piece.readableBytes();
      if (wholeLength + length > whole.length) {
        whole = Arrays.copyOf(whole, Math.max(wholeLength + length, 2 * whole.length));
      }
      piece.getBytes(piece.readerIndex(), whole, wholeLength, length);
      wholeLength += length;
    }

    @Override
    public void end() {
      long endNanos = System.nanoTime();
      if (scan != null) {
        answers.scanned(
            request, phase, intendedNanos, sendNanos, endNanos, scan.finish(request.inputs()));
      } else {
        answers.whole(
            request, phase, intendedNanos, sendNanos, endNanos, status, whole, wholeLength);
      }
      done.run();
    }

    @Override
    public void failed(Throwable cause) {
      recorder.failed(phase, FailureClass.forThrowable(cause), cause.toString());
      done.run();
    }
  }
}
