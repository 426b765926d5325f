package dev.embedbench.loadgen;

import dev.embedbench.loadgen.schedule.ArrivalProcess;
import dev.embedbench.loadgen.workload.Workload;
import dev.embedbench.loadgen.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;

/** Gives tests in other packages the package-private test server and configurations. */
public final class SweepFixtures {

  private SweepFixtures() {}

  /** A server handle other packages can hold; {@code capacity} 0 means unlimited. */
  public static final class Server implements AutoCloseable {
    private final TestEmbeddingServer server;

    Server(double capacity) throws Exception {
      server = new TestEmbeddingServer();
      if (capacity > 0) {
        server.capacity(capacity);
      }
    }

    public String baseUrl() {
      return server.baseUrl();
    }

    @Override
    public void close() throws Exception {
      server.close();
    }
  }

  public static Server server(double capacity) throws Exception {
    return new Server(capacity);
  }

  /** The lag budget is loose: on a shared 2-core CI machine a cold JVM lags by hundreds of ms. */
  public static LoadConfig base(Server server, Duration duration, Duration warmup) {
    return new LoadConfig(
        "sweep",
        server.baseUrl(),
        TestEmbeddingServer.MODEL,
        null,
        new OpenLoop(
            1.0,
            ArrivalProcess.CONSTANT,
            1,
            OpenLoop.DEFAULT_MAX_OUTSTANDING,
            Duration.ofSeconds(5)),
        4,
        duration,
        null,
        warmup,
        Duration.ofSeconds(5),
        spec(),
        true,
        8);
  }

  public static WorkloadSpec spec() {
    return TestConfigs.SPEC;
  }

  public static Workload workload() {
    return TestConfigs.workload();
  }

  public static Path home() {
    return TestConfigs.HOME;
  }
}
