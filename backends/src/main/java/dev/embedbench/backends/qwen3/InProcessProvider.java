package dev.embedbench.backends.qwen3;

import dev.embedbench.backends.qwen3.batching.BatchSettings;
import dev.embedbench.backends.spi.BackendProvider;
import dev.embedbench.backends.spi.BackendSpec;
import dev.embedbench.backends.spi.BackendTarget;
import dev.embedbench.backends.spi.StartedBackend;
import dev.embedbench.config.ConfigNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code type: in-process}: a Qwen3-Embedding checkpoint loaded into this JVM. At load the model
 * directory must hold a config.json; at start config.json is read on a worker thread, and the
 * weights load (and a warm-up batch runs) on the backend's own inference thread, so the target is
 * started, and ready, once the model can answer.
 */
public final class InProcessProvider implements BackendProvider {

  private static final Set<String> KEYS =
      Set.of("model_path", "model_name", "device", "max_input_tokens", "truncate", "batching");
  private static final Set<String> BATCHING_KEYS =
      Set.of("max_size", "max_tokens", "max_delay", "max_queued_inputs");

  @Override
  public String type() {
    return InProcessSpec.TYPE;
  }

  @Override
  public Set<String> keys() {
    return KEYS;
  }

  @Override
  public InProcessSpec read(ConfigNode node, UnaryOperator<String> environment) {
    Path dir = Path.of(node.text("model_path"));
    if (!dir.isAbsolute()) {
      dir = node.file().toAbsolutePath().getParent().resolve(dir).normalize();
    }
    if (!Files.isRegularFile(dir.resolve("config.json"))) {
      throw node.error(
          "model_path", "no config.json in " + dir + "; give a Hugging Face model directory");
    }
    String device = node.text("device", "auto");
    DevicePreference preference;
    try {
      preference = DevicePreference.valueOf(device.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw node.error("device", "must be auto, cpu or gpu, was '" + device + "'");
    }
    BatchSettings batching =
        node.has("batching") ? batching(node.object("batching")) : BatchSettings.DEFAULTS;
    return new InProcessSpec(
        dir,
        Qwen3Options.DEFAULTS
            .withModelName(node.text("model_name", null))
            .withDevice(preference)
            .withMaxInputTokens(
                node.intValue("max_input_tokens", Qwen3Options.DEFAULT_MAX_INPUT_TOKENS, 2))
            .withTruncate(node.bool("truncate", false))
            .withBatching(batching));
  }

  private static BatchSettings batching(ConfigNode node) {
    node.rejectUnknownKeys(BATCHING_KEYS);
    BatchSettings d = BatchSettings.DEFAULTS;
    return new BatchSettings(
        node.intValue("max_size", d.maxBatchSize(), 1),
        node.intValue("max_tokens", d.maxBatchTokens(), 1),
        node.has("max_delay") ? node.micros("max_delay") : d.maxBatchDelayMicros(),
        node.intValue("max_queued_inputs", d.maxQueuedInputs(), 1));
  }

  @Override
  public Future<StartedBackend> start(Vertx vertx, BackendSpec backendSpec, BackendTarget target) {
    InProcessSpec spec = (InProcessSpec) backendSpec;
    return vertx
        .executeBlocking(() -> Qwen3Backend.open(spec.modelDir(), spec.options()))
        .compose(
            backend ->
                backend
                    .start()
                    .map(
                        started ->
                            new StartedBackend(backend, () -> closeOffTheEventLoop(vertx, backend)))
                    .recover(
                        cause ->
                            closeOffTheEventLoop(vertx, backend)
                                .transform(closed -> Future.<StartedBackend>failedFuture(cause))));
  }

  /** Closing waits for the batch in progress, which may take seconds on a CPU. */
  private static Future<Void> closeOffTheEventLoop(Vertx vertx, Qwen3Backend backend) {
    return vertx.executeBlocking(
        () -> {
          backend.close();
          return null;
        });
  }
}
