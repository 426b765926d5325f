package dev.embedbench.gateway.http;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.embedbench.gateway.config.ServerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's client connections over all its server instances: the cap on how many are open, the
 * idle and request-read deadlines of each, and the drain ({@code Connection: close} on every
 * response, then 503 for requests still running at the deadline).
 *
 * <p>Deadlines are checked by one periodic sweep per event loop rather than one timer per request,
 * so a request costs two field writes, not a timer scheduled and cancelled. A deadline is therefore
 * kept to within one sweep period (a tenth of the shorter timeout, 10 ms to 1 s).
 *
 * <p>Vert.x's public API says when a request's headers have arrived but not when its first byte
 * did, which is what tells a slow request from an idle connection; so each connection gets two
 * small Netty handlers ({@link ClientConnection}) through {@link ConnectionBase#channel()},
 * Vert.x's connection implementation class.
 */
final class ClientConnections {

  private static final Logger LOG = LoggerFactory.getLogger(ClientConnections.class);
  private static final AttributeKey<ClientConnection> CLIENT =
      AttributeKey.valueOf(ClientConnection.class.getName());

  /**
   * After the server stops accepting, how long a connection without a request in progress may still
   * deliver one (a client that had just connected, or sent just then); then it is closed.
   */
  private static final long LAST_REQUEST_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** File descriptors kept free of client connections: upstream pools, logs, jars, epoll. */
  static final int DESCRIPTOR_HEADROOM = 512;

  private static final long REFUSAL_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final long idleTimeoutNanos;
  private final long requestReadTimeoutNanos;
  private final int maxConnections;
  private final long sweepPeriodNanos;
  private final long lastRequestGraceNanos;
  private final AtomicBoolean draining;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong lastRefusalLogNanos =
      new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS);
  private final Counter refused;
  private final Counter timedOut;
  private final Map<EventLoop, Sweep> sweeps = new ConcurrentHashMap<>();

  /**
   * @param draining set when a shutdown begins: responses then close their connection
   */
  ClientConnections(ServerConfig config, AtomicBoolean draining, MeterRegistry registry) {
    this.idleTimeoutNanos = config.idleTimeout().toNanos();
    this.requestReadTimeoutNanos = config.requestReadTimeout().toNanos();
    this.maxConnections = config.maxConnections();
    this.sweepPeriodNanos =
        Math.max(
            TimeUnit.MILLISECONDS.toNanos(10),
            Math.min(
                TimeUnit.SECONDS.toNanos(1),
                Math.min(idleTimeoutNanos, requestReadTimeoutNanos) / 10));
    this.lastRequestGraceNanos =
        Math.max(1, Math.min(LAST_REQUEST_GRACE_NANOS, config.shutdownDeadline().toNanos()));
    this.draining = draining;
    descriptorWarning(maxConnections, descriptorLimit()).ifPresent(LOG::warn);
    Gauge.builder("embedbench_gateway_client_connections", open, AtomicInteger::get)
        .description("Client connections open")
        .register(registry);
    this.refused =
        Counter.builder("embedbench_gateway_client_connections_refused")
            .description(
                "Client connections closed at accept because server.max_connections were open")
            .register(registry);
    this.timedOut =
        Counter.builder("embedbench_gateway_client_connections_timed_out")
            .description(
                "Client connections closed by server.idle_timeout or server.request_read_timeout")
            .register(registry);
  }

  /**
   * Warns when the cap cannot protect the process: past its file descriptor limit, accepting fails
   * ("Too many open files") before the cap is reached, and upstream connections fail with it.
   */
  static Optional<String> descriptorWarning(int maxConnections, long descriptorLimit) {
    if (descriptorLimit <= 0 || maxConnections + DESCRIPTOR_HEADROOM <= descriptorLimit) {
      return Optional.empty();
    }
    return Optional.of(
        "server.max_connections ("
            + maxConnections
            + ") plus "
            + DESCRIPTOR_HEADROOM
            + " for upstream connections and files exceeds this process's file"
            + " descriptor limit ("
            + descriptorLimit
            + "); raise it (ulimit -n) or lower"
            + " server.max_connections, or clients past the limit get no answer at all");
  }

  private static long descriptorLimit() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
        ? unix.getMaxFileDescriptorCount()
        : -1;
  }

  /** Vert.x's connection handler: admits the connection under the cap and starts watching it. */
  void accept(HttpConnection connection) {
    admit(((ConnectionBase) connection).channel());
  }

  /**
   * Before the router: marks the connection busy (in case its watchers were installed after the
   * request was read). False when the connection is over the cap and was closed instead.
   */
  boolean dispatch(HttpServerRequest request) {
    ClientConnection client = admit(((ConnectionBase) request.connection()).channel());
    if (client == null) {
      return false;
    }
    client.requestDispatched(request);
    return true;
  }

  /**
   * The status a request's connection answered it with below Vert.x (a 408 read deadline, a 503 at
   * the shutdown deadline), or 0 when there was none: such a request ends as if its client had
   * left.
   */
  static int answeredBelowStatus(HttpServerRequest request) {
    ClientConnection client = ((ConnectionBase) request.connection()).channel().attr(CLIENT).get();
    return client == null ? 0 : client.answeredBelowStatus();
  }

  /** The connection's watcher, created on first sight; null when the cap refuses it (closed). */
  private ClientConnection admit(Channel channel) {
    ClientConnection known = channel.attr(CLIENT).get();
    if (known != null || !channel.isActive()) {
      return known;
    }
    if (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      refused.increment();
      logRefusal();
      channel.close();
      return null;
    }
    Sweep sweep = sweeps.computeIfAbsent(channel.eventLoop(), Sweep::new);
    ClientConnection client = new ClientConnection(channel, this, System.nanoTime());
    channel.attr(CLIENT).set(client);
    sweep.add(client);
    channel
        .closeFuture()
        .addListener(
            closed -> {
              open.decrementAndGet();
              sweep.remove(client);
            });
    return client;
  }

  /** Closes connections with no request in progress; answers 503 to requests still waiting. */
  void abandonAll() {
    sweeps.values().forEach(Sweep::abandonAll);
  }

  /** Stops the sweeps; connections left are closed by the server's own shutdown. */
  void stop() {
    sweeps.values().forEach(Sweep::stop);
  }

  int open() {
    return open.get();
  }

  boolean draining() {
    return draining.get();
  }

  long idleTimeoutNanos() {
    return idleTimeoutNanos;
  }

  long requestReadTimeoutNanos() {
    return requestReadTimeoutNanos;
  }

  long lastRequestGraceNanos() {
    return lastRequestGraceNanos;
  }

  void countTimeout() {
    timedOut.increment();
  }

  /** One line per ten seconds at most: a flood of refusals must not become a flood of log lines. */
  private void logRefusal() {
    long now = System.nanoTime();
    long last = lastRefusalLogNanos.get();
    if (now - last >= REFUSAL_LOG_INTERVAL_NANOS && lastRefusalLogNanos.compareAndSet(last, now)) {
      LOG.warn(
          "Refusing client connections: server.max_connections ({}) are open; {} refused so far",
          maxConnections,
          (long) refused.count());
    }
  }

  /**
   * The connections of one event loop and their periodic deadline check; touched only on that loop.
   */
  private final class Sweep {

    private final EventLoop loop;
    private final Set<ClientConnection> connections = new HashSet<>();
    private final ScheduledFuture<?> task;

    Sweep(EventLoop loop) {
      this.loop = loop;
      this.task =
          loop.scheduleAtFixedRate(
              this::check, sweepPeriodNanos, sweepPeriodNanos, TimeUnit.NANOSECONDS);
    }

    void add(ClientConnection connection) {
      onLoop(() -> connections.add(connection));
    }

    void remove(ClientConnection connection) {
      onLoop(() -> connections.remove(connection));
    }

    void abandonAll() {
      onLoop(() -> List.copyOf(connections).forEach(ClientConnection::abandon));
    }

    void stop() {
      task.cancel(false);
    }

    private void check() {
      long now = System.nanoTime();
      List<ClientConnection> expired = null;
      for (ClientConnection connection : connections) {
        if (connection.expired(now)) {
          expired = expired == null ? new ArrayList<>() : expired;
          expired.add(connection);
        }
      }
      if (expired != null) {
        // Outside the loop over the set: closing one removes it from the set.
        expired.forEach(ClientConnection::expire);
      }
    }

    private void onLoop(Runnable action) {
      if (loop.inEventLoop()) {
        action.run();
      } else {
        loop.execute(action);
      }
    }
  }
}
