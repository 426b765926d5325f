package dev.embedbench.cli;

import dev.embedbench.backends.emulated.EmulatedServer;
import dev.embedbench.backends.emulated.EmulatorProfile;
import dev.embedbench.backends.emulated.ProfileException;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embedbench emulate}: runs an emulated embeddings server until Ctrl-C. */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run an OpenAI-compatible embeddings server that emulates a model on a GPU from a latency"
          + " profile: queueing, batching, service times, failures, deterministic unit vectors.",
      "Its latencies are EMULATED, never a measurement of the model it names."
    })
public final class EmulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--profile",
      required = true,
      paramLabel = "NAME|FILE",
      description =
          "A built-in profile (configs/profiles/NAME.yaml, e.g. qwen3-embedding-0.6b-a10g,"
              + " qwen3-embedding-8b-a10g, bge-m3-a10g) or a profile YAML file.")
  String profile;

  @Option(
      names = "--port",
      defaultValue = "0",
      paramLabel = "N",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EmulatorProfile loaded;
    try {
      loaded = resolve(profile);
    } catch (ProfileException e) {
      err.println("embedbench emulate: " + e.getMessage());
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    EmulatedServer server;
    try {
      server =
          EmulatedServer.start(vertx, loaded, host, port)
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException
        | java.util.concurrent.TimeoutException
        | IllegalArgumentException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      err.println(
          "embedbench emulate: cannot listen on " + host + ":" + port + ": " + cause.getMessage());
      vertx.close();
      return 1;
    }
    out.println(
        "Emulated embeddings server (EMULATED: latencies come from a profile, not a model)");
    out.println(
        "  profile:   " + loaded.name() + " (" + loaded.model() + " on " + loaded.hardware() + ")");
    out.println("  source:    " + loaded.source());
    out.println(
        "  model:     "
            + loaded.model()
            + ", "
            + loaded.dimensions()
            + " dimensions, up to "
            + loaded.maxInputTokens()
            + " tokens per input");
    out.println(
        "  listening: "
            + server.baseUrl()
            + "/v1"
            + "  (POST /v1/embeddings, GET /v1/models, GET /health)");
    out.println("Press Ctrl-C to stop.");
    out.flush();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server
                        .close()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS);
                    // Closed from this thread: closing Vert.x from its own event loop cannot
                    // complete.
                    vertx
                        .close()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    // Exiting anyway; nothing is left to save.
                  } finally {
                    stopped.countDown();
                  }
                },
                "embedbench-emulate-shutdown"));
    stopped.await();
    return 0;
  }

  /** A path-looking argument or an existing file is a file; anything else a built-in name. */
  static EmulatorProfile resolve(String nameOrFile) {
    Path path = Path.of(nameOrFile);
    boolean looksLikeFile =
        nameOrFile.endsWith(".yaml")
            || nameOrFile.endsWith(".yml")
            || nameOrFile.contains("/")
            || Files.isRegularFile(path);
    return looksLikeFile ? EmulatorProfile.load(path) : EmulatorProfile.builtin(nameOrFile);
  }
}
