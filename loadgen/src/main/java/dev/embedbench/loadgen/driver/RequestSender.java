package dev.embedbench.loadgen.driver;

import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.workload.PreparedRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;

/**
 * Sends one prepared request and records its outcome: latencies on success, a failure class otherwise.
 * Every 2xx response is checked as it streams in ({@link EmbeddingScan}: count and dimension); one in
 * {@code readValuesEvery}, at most 100 a second ({@link ValueSample}), is parsed in full and its values
 * checked ({@link ResponseValidator}).
 * The actual send time is taken when the pool has handed over a connection, so the service time leaves
 * out the wait for a free connection, which the corrected response time includes.
 */
public final class RequestSender implements Sender {

  private static final int ERROR_DETAIL_CHARS = 300;

  private final HttpClient client;
  private final RequestOptions options;
  private final RunRecorder recorder;
  private final ResponseValidator validator;
  private final ValueSample values;

  /**
   * @param options the POST to {@code <target>/embeddings} with its headers; shared, never modified
   * @param readValuesEvery read and check vector values on one response in this many
   */
  public RequestSender(HttpClient client, RequestOptions options, RunRecorder recorder, ResponseValidator validator,
      long readValuesEvery) {
    this.client = client;
    this.options = options;
    this.recorder = recorder;
    this.validator = validator;
    this.values = new ValueSample(readValuesEvery);
  }

  @Override
  public void send(PreparedRequest request, long index, long intendedNanos, Phase phase, Runnable done) {
    client.request(options).onComplete(connected -> {
      if (connected.failed()) {
        fail(phase, FailureClass.forThrowable(connected.cause()), connected.cause().toString(), done);
        return;
      }
      HttpClientRequest httpRequest = connected.result();
      long sendNanos = System.nanoTime();
      httpRequest.send(request.body()).onComplete(answered -> {
        if (answered.failed()) {
          fail(phase, FailureClass.forThrowable(answered.cause()), answered.cause().toString(), done);
          return;
        }
        HttpClientResponse response = answered.result();
        int status = response.statusCode();
        if (status >= 200 && status <= 299 && !values.take(index)) {
          scan(response, request, phase, intendedNanos, sendNanos, done);
          return;
        }
        response.body().onComplete(read -> {
          long endNanos = System.nanoTime();
          if (read.failed()) {
            fail(phase, FailureClass.forThrowable(read.cause()), read.cause().toString(), done);
            return;
          }
          complete(request, phase, intendedNanos, sendNanos, endNanos, status, read.result());
          done.run();
        });
      });
    });
  }

  /** The common case: a 2xx response checked as it streams in, never copied into one buffer. */
  private void scan(HttpClientResponse response, PreparedRequest request, Phase phase, long intendedNanos,
      long sendNanos, Runnable done) {
    EmbeddingScan scan = validator.newScan();
    boolean[] ended = new boolean[1];
    response.handler(scan::feed);
    response.exceptionHandler(failure -> {
      if (!ended[0]) {
        ended[0] = true;
        fail(phase, FailureClass.forThrowable(failure), failure.toString(), done);
      }
    });
    response.endHandler(v -> {
      long endNanos = System.nanoTime();
      if (ended[0]) {
        return;
      }
      ended[0] = true;
      String problem = scan.finish(request.inputs());
      if (problem != null) {
        recorder.failed(phase, FailureClass.INVALID_BODY, problem);
      } else {
        recorder.ok(phase, intendedNanos, sendNanos, endNanos, request.inputs(), request.tokens());
      }
      done.run();
    });
  }

  /** Error responses (kept for their message) and sampled responses (parsed in full, values checked). */
  private void complete(PreparedRequest request, Phase phase, long intendedNanos, long sendNanos, long endNanos,
      int status, Buffer body) {
    if (status < 200 || status > 299) {
      recorder.failed(phase, FailureClass.forStatus(status), "HTTP " + status + ": " + excerpt(body));
      return;
    }
    String problem = validator.check(body, request.inputs(), true);
    if (problem != null) {
      recorder.failed(phase, FailureClass.INVALID_BODY, problem);
      return;
    }
    recorder.ok(phase, intendedNanos, sendNanos, endNanos, request.inputs(), request.tokens());
  }

  private void fail(Phase phase, String failureClass, String detail, Runnable done) {
    recorder.failed(phase, failureClass, detail);
    done.run();
  }

  private static String excerpt(Buffer body) {
    String text = body.toString();
    return text.length() <= ERROR_DETAIL_CHARS ? text : text.substring(0, ERROR_DETAIL_CHARS) + "...";
  }
}
