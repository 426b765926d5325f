package dev.embedbench.loadgen.driver;

import dev.embedbench.loadgen.record.Phase;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.workload.PreparedRequest;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;

/**
 * Sends one prepared request and records its outcome: latencies on success, a failure class
 * otherwise. Every 2xx response is checked as it streams in ({@link EmbeddingScan}: count and
 * dimension); one in {@code readValuesEvery}, at most 100 a second ({@link ValueSample}), is parsed
 * in full and its values checked ({@link ResponseValidator}). The actual send time is taken when
 * the pool has handed over a connection, so the service time leaves out the wait for a free
 * connection, which the corrected response time includes.
 */
public final class RequestSender implements Sender {

  private final HttpClient client;
  private final RequestOptions options;
  private final RunRecorder recorder;
  private final ResponseValidator validator;
  private final AnswerRecorder answers;
  private final ValueSample values;

  /**
   * @param options the POST to {@code <target>/embeddings} with its headers; shared, never modified
   * @param readValuesEvery read and check vector values on one response in this many
   */
  public RequestSender(
      HttpClient client,
      RequestOptions options,
      RunRecorder recorder,
      ResponseValidator validator,
      long readValuesEvery) {
    this.client = client;
    this.options = options;
    this.recorder = recorder;
    this.validator = validator;
    this.answers = new AnswerRecorder(recorder, validator);
    this.values = new ValueSample(readValuesEvery);
  }

  @Override
  public void send(
      PreparedRequest request, long index, long intendedNanos, Phase phase, Runnable done) {
    client
        .request(options)
        .onComplete(
            connected -> {
              if (connected.failed()) {
                fail(
                    phase,
                    FailureClass.forThrowable(connected.cause()),
                    connected.cause().toString(),
                    done);
                return;
              }
              HttpClientRequest httpRequest = connected.result();
              long sendNanos = System.nanoTime();
              httpRequest
                  .send(request.body())
                  .onComplete(
                      answered -> {
                        if (answered.failed()) {
                          fail(
                              phase,
                              FailureClass.forThrowable(answered.cause()),
                              answered.cause().toString(),
                              done);
                          return;
                        }
                        HttpClientResponse response = answered.result();
                        int status = response.statusCode();
                        if (status >= 200 && status <= 299 && !values.take(index)) {
                          scan(response, request, phase, intendedNanos, sendNanos, done);
                          return;
                        }
                        response
                            .body()
                            .onComplete(
                                read -> {
                                  long endNanos = System.nanoTime();
                                  if (read.failed()) {
                                    fail(
                                        phase,
                                        FailureClass.forThrowable(read.cause()),
                                        read.cause().toString(),
                                        done);
                                    return;
                                  }
                                  byte[] body = read.result().getBytes();
                                  answers.whole(
                                      request,
                                      phase,
                                      intendedNanos,
                                      sendNanos,
                                      endNanos,
                                      status,
                                      body,
                                      body.length);
                                  done.run();
                                });
                      });
            });
  }

  /** The common case: a 2xx response checked as it streams in, never copied into one buffer. */
  private void scan(
      HttpClientResponse response,
      PreparedRequest request,
      Phase phase,
      long intendedNanos,
      long sendNanos,
      Runnable done) {
    EmbeddingScan scan = validator.newScan();
    boolean[] ended = new boolean[1];
    response.handler(scan::feed);
    response.exceptionHandler(
        failure -> {
          if (!ended[0]) {
            ended[0] = true;
            fail(phase, FailureClass.forThrowable(failure), failure.toString(), done);
          }
        });
    response.endHandler(
        v -> {
          long endNanos = System.nanoTime();
          if (ended[0]) {
            return;
          }
          ended[0] = true;
          answers.scanned(
              request, phase, intendedNanos, sendNanos, endNanos, scan.finish(request.inputs()));
          done.run();
        });
  }

  private void fail(Phase phase, String failureClass, String detail, Runnable done) {
    recorder.failed(phase, failureClass, detail);
    done.run();
  }
}
