package dev.embedbench.backends.remote;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a remote server's readiness current: a GET on its health URL at start and then every
 * interval; any 2xx means ready. One probe at a time: a slow upstream is not piled on.
 */
final class HealthProbe {

  private final Vertx vertx;
  private final WebClient client;
  private final String url;
  private final Duration interval;
  private final Duration probeTimeout;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private volatile boolean ready;
  private volatile String lastProblem = "not probed yet";
  private volatile long timerId = -1;

  HealthProbe(Vertx vertx, WebClient client, String url, Duration interval, Duration probeTimeout) {
    this.vertx = vertx;
    this.client = client;
    this.url = url;
    this.interval = interval;
    this.probeTimeout = probeTimeout;
  }

  /** Probes once, then keeps probing; fails with the reason when the first probe finds it down. */
  Future<Void> start() {
    if (timerId == -1) {
      timerId = vertx.setPeriodic(interval.toMillis(), interval.toMillis(), id -> probe());
    }
    return probe()
        .compose(
            up -> up ? Future.succeededFuture() : Future.failedFuture("not ready: " + lastProblem));
  }

  boolean ready() {
    return ready;
  }

  String lastProblem() {
    return lastProblem;
  }

  /** Called when a call finds the server unreachable: no need to wait for the next probe. */
  void markDown(String problem) {
    ready = false;
    lastProblem = problem;
  }

  void stop() {
    if (timerId != -1) {
      vertx.cancelTimer(timerId);
    }
    ready = false;
  }

  private Future<Boolean> probe() {
    if (!inFlight.compareAndSet(false, true)) {
      return Future.succeededFuture(ready);
    }
    return client
        .getAbs(url)
        .timeout(probeTimeout.toMillis())
        .send()
        .map(
            response -> {
              boolean up = response.statusCode() / 100 == 2;
              lastProblem = up ? "" : url + " answered " + response.statusCode();
              return up;
            })
        .otherwise(
            cause -> {
              lastProblem = url + " failed: " + cause.getMessage();
              return false;
            })
        .onComplete(
            result -> {
              ready = result.result();
              inFlight.set(false);
            });
  }
}
