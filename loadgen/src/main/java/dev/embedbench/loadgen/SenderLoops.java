package dev.embedbench.loadgen;

import dev.embedbench.loadgen.driver.DispatchLoop;
import dev.embedbench.loadgen.driver.Http1Sender;
import dev.embedbench.loadgen.driver.HttpClientKind;
import dev.embedbench.loadgen.driver.LoopShare;
import dev.embedbench.loadgen.driver.RequestSender;
import dev.embedbench.loadgen.driver.ResponseValidator;
import dev.embedbench.loadgen.driver.Sender;
import dev.embedbench.loadgen.driver.TargetClient;
import dev.embedbench.loadgen.http.EncodedRequests;
import dev.embedbench.loadgen.http.Http1Loops;
import dev.embedbench.loadgen.http.Http1Pool;
import dev.embedbench.loadgen.record.RunRecorder;
import dev.embedbench.loadgen.workload.Workload;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event loops of one run, each with the sender its driver hands requests to, and what they are
 * built on: a private Vert.x instance, its HTTP clients, and with the lean client its own loops,
 * encoded requests and one connection pool per loop. Each loop gets its share of the connections.
 * Closed as one, in the order that fails requests still in flight before their loops stop.
 */
final class SenderLoops implements AutoCloseable {

  /** A driver's event loop and the sender it dispatches to, which runs on that loop. */
  record LoopSender(DispatchLoop loop, Sender sender) {}

  private final Vertx vertx;
  private final List<TargetClient> targets = new ArrayList<>();
  private final List<Http1Pool> pools = new ArrayList<>();
  private final List<LoopSender> senders = new ArrayList<>();
  private Http1Loops leanLoops;
  private EncodedRequests encoded;

  /**
   * @param loops event loops, at most one per connection (see {@link #count})
   */
  SenderLoops(
      LoadConfig config,
      Workload workload,
      HttpClientKind client,
      int loops,
      RunRecorder recorder,
      ResponseValidator validator) {
    // With the lean client Vert.x only asks the target for its model list: one loop is plenty.
    vertx =
        Vertx.vertx(
            new VertxOptions().setEventLoopPoolSize(client == HttpClientKind.VERTX ? loops : 1));
    try {
      if (client == HttpClientKind.VERTX) {
        List<DispatchLoop> contexts = DispatchLoop.onVertx(vertx, loops);
        for (int loop = 0; loop < loops; loop++) {
          TargetClient target = targetClient(config, share(config, loop, loops));
          targets.add(target);
          senders.add(
              new LoopSender(
                  contexts.get(loop),
                  new RequestSender(
                      target.http(),
                      target.embeddingsRequest(),
                      recorder,
                      validator,
                      config.readValuesEvery())));
        }
      } else {
        targets.add(targetClient(config, 1));
        encoded = encode(config, workload, targets.get(0));
        leanLoops = new Http1Loops(loops);
        for (int loop = 0; loop < loops; loop++) {
          Http1Pool pool =
              new Http1Pool(
                  leanLoops.loop(loop),
                  leanLoops.channels(),
                  encoded,
                  share(config, loop, loops),
                  config.requestTimeout());
          pools.add(pool);
          senders.add(
              new LoopSender(
                  DispatchLoop.of(leanLoops.loop(loop)),
                  new Http1Sender(pool, recorder, validator, config.readValuesEvery())));
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * The event loops to drive: by default one per two cores, leaving the rest to the network stack
   * and to a server on the same machine (on 2 shared cores one loop drove 44,000-47,000 req/s
   * against a local nginx where two drove 32,000-38,000); never more than there are connections (or
   * workers) to share.
   *
   * @param requested 0 for the default
   */
  static int count(LoadConfig config, int requested) {
    int limit = config.connections();
    if (config.mode() instanceof ClosedLoop closed) {
      limit = Math.min(limit, closed.concurrency());
    }
    int wanted = requested > 0 ? requested : Runtime.getRuntime().availableProcessors() / 2;
    return Math.max(1, Math.min(wanted, limit));
  }

  private static int share(LoadConfig config, int loop, int loops) {
    return new LoopShare(loop, loops).of(config.connections());
  }

  private TargetClient targetClient(LoadConfig config, int connections) {
    return new TargetClient(
        vertx, config.targetUrl(), config.apiKey(), connections, config.requestTimeout());
  }

  /** Every distinct body of the workload as wire bytes, in the workload's order. */
  private static EncodedRequests encode(LoadConfig config, Workload workload, TargetClient target) {
    List<byte[]> bodies = new ArrayList<>(workload.distinctBodies());
    for (int i = 0; i < workload.distinctBodies(); i++) {
      bodies.add(workload.request(i).body().getBytes());
    }
    return EncodedRequests.encode(URI.create(target.embeddingsUrl()), config.apiKey(), bodies);
  }

  /** One sender per loop, in loop order. */
  List<LoopSender> senders() {
    return senders;
  }

  /** The client that asks the target for its model list: loop 0's with Vert.x, else its own. */
  TargetClient probeClient() {
    return targets.get(0);
  }

  @Override
  public void close() {
    pools.forEach(Http1Pool::close);
    targets.forEach(TargetClient::close);
    if (leanLoops != null) {
      leanLoops.close();
    }
    closeQuietly(vertx);
    if (encoded != null) {
      encoded.close();
    }
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // The results are already written; a slow close only delays the exit.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
