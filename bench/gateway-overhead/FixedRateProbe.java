import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-loop fixed-rate latency probe for the overhead bench (wrk2-style, since Debian's wrk has no
 * -R and hey reports only 0.1 ms steps). Request i is due at start + i/rate; latency runs from that
 * intended time to the end of the response, so a stalled server is charged for the requests it
 * delayed (no coordinated omission). A sender thread parks until each due time; responses are read
 * on one Vert.x event loop. Bounded: rate x seconds requests, then a 30 s drain limit.
 *
 * <p>Usage: {@code java -cp cli/target/embedbench.jar FixedRateProbe.java URL BODY_FILE RATE SECONDS
 * CONNECTIONS WARMUP_SECONDS}; prints one JSON line.
 */
public class FixedRateProbe {

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int connections = Integer.parseInt(args[4]);
    int warmupSeconds = Integer.parseInt(args[5]);

    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpClient client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setPipelining(false),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
        .setHost(url.getHost()).setPort(url.getPort()).setURI(url.getPath())
        .putHeader("Content-Type", "application/json");
    try {
      Context loop = vertx.getOrCreateContext();
      run(loop, client, request, body, rate, warmupSeconds, null);
      Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
      Histogram service = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
      long[] counts = run(loop, client, request, body, rate, seconds,
          new Histogram[] {latency, service});
      System.out.println(String.format(Locale.ROOT,
          "{\"url\":\"%s\",\"rate\":%d,\"seconds\":%d,\"connections\":%d,\"sent\":%d,\"ok\":%d,"
              + "\"errors\":%d,\"p50Micros\":%.1f,\"p90Micros\":%.1f,\"p99Micros\":%.1f,"
              + "\"p999Micros\":%.1f,\"maxMicros\":%.1f,\"serviceP50Micros\":%.1f,"
              + "\"serviceP99Micros\":%.1f}",
          url, rate, seconds, connections, counts[0], counts[1], counts[2],
          micros(latency, 50), micros(latency, 90), micros(latency, 99), micros(latency, 99.9),
          latency.getMaxValue() / 1e3, micros(service, 50), micros(service, 99)));
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  static double micros(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e3;
  }

  /** Sends rate x seconds requests on schedule; returns {sent, ok, errors}. */
  static long[] run(Context loop, HttpClient client, RequestOptions request, Buffer body, int rate,
      int seconds, Histogram[] record) throws InterruptedException {
    long total = (long) rate * seconds;
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    CountDownLatch done = new CountDownLatch((int) total);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long startNanos = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long dueNanos = startNanos + i * intervalNanos;
      long wait;
      while ((wait = dueNanos - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      loop.runOnContext(ignored -> send(client, request, body, dueNanos, record, ok, errors, done));
    }
    if (!done.await(30, TimeUnit.SECONDS)) {
      errors.addAndGet(done.getCount());
    }
    return new long[] {total, ok.get(), errors.get()};
  }

  /** Runs on the event loop: sends one request and records it when its response has ended. */
  static void send(HttpClient client, RequestOptions request, Buffer body, long dueNanos,
      Histogram[] record, AtomicLong ok, AtomicLong errors, CountDownLatch done) {
    long sentNanos = System.nanoTime();
    client.request(request)
        .compose(req -> req.send(body))
        .compose(response -> response.body().map(b -> response.statusCode()))
        .onComplete(result -> {
          // Only the event loop records, so the histograms need no lock.
          long endNanos = System.nanoTime();
          if (result.succeeded() && result.result() == 200) {
            ok.incrementAndGet();
            if (record != null) {
              record[0].recordValue(endNanos - dueNanos);
              record[1].recordValue(endNanos - sentNanos);
            }
          } else {
            if (errors.incrementAndGet() <= 3) {
              System.err.println("probe: request failed: " + (result.succeeded()
                  ? "status " + result.result() : result.cause()));
            }
          }
          done.countDown();
        });
  }
}
