package dev.embedbench.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.qwen3.DevicePreference;
import dev.embedbench.backends.qwen3.InProcessSpec;
import dev.embedbench.config.ConfigException;
import dev.embedbench.gateway.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's {@code type: in-process} target as written in YAML: keys, defaults, relative paths,
 * errors.
 */
class InProcessTargetConfigTest {

  @TempDir Path dir;

  private Path write(String target) throws Exception {
    Files.createDirectories(dir.resolve("model"));
    Files.writeString(dir.resolve("model/config.json"), "{}");
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, "routes:\n  - name: qwen3-local\n    targets:\n" + target);
    return file;
  }

  @Test
  void readsEveryKeyAndResolvesThePathAgainstTheFile() throws Exception {
    Path file =
        write(
            """
              - type: in-process
                model_path: model
                model_name: Qwen3-Embedding-0.6B
                device: cpu
                max_input_tokens: 512
                truncate: true
                batching: {max_size: 4, max_tokens: 2048, max_delay: 3ms, max_queued_inputs: 64}
        """);
    InProcessSpec spec =
        (InProcessSpec) GatewayConfig.load(file).routes().get(0).targets().get(0).spec();
    assertEquals(dir.resolve("model").toAbsolutePath().normalize(), spec.modelDir());
    assertEquals("Qwen3-Embedding-0.6B", spec.options().modelName());
    assertEquals(DevicePreference.CPU, spec.options().device());
    assertEquals(512, spec.options().maxInputTokens());
    assertTrue(spec.options().truncate());
    assertEquals(4, spec.options().batching().maxBatchSize());
    assertEquals(2048, spec.options().batching().maxBatchTokens());
    assertEquals(3_000, spec.options().batching().maxBatchDelayMicros());
    assertEquals(64, spec.options().batching().maxQueuedInputs());
  }

  @Test
  void errorsNameTheKey() throws Exception {
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () ->
                GatewayConfig.load(
                    write(
                        """
              - type: in-process
                model_path: nowhere
        """)));
    assertTrue(
        missing.getMessage().contains("routes[0].targets[0].model_path")
            && missing.getMessage().contains("no config.json"),
        missing.getMessage());
    ConfigException device =
        assertThrows(
            ConfigException.class,
            () ->
                GatewayConfig.load(
                    write(
                        """
              - type: in-process
                model_path: model
                device: tpu
        """)));
    assertTrue(
        device.getMessage().contains("device") && device.getMessage().contains("auto, cpu or gpu"),
        device.getMessage());
    ConfigException unknown =
        assertThrows(
            ConfigException.class,
            () ->
                GatewayConfig.load(
                    write(
                        """
              - type: in-process
                model_path: model
                batching: {max_batch: 4}
        """)));
    assertTrue(unknown.getMessage().contains("max_batch"), unknown.getMessage());
    ConfigException delay =
        assertThrows(
            ConfigException.class,
            () ->
                GatewayConfig.load(
                    write(
                        """
              - type: in-process
                model_path: model
                batching: {max_delay: 1.5us}
        """)));
    assertTrue(
        delay
            .getMessage()
            .contains(
                "routes[0].targets[0].batching.max_delay: must be a whole number of"
                    + " microseconds, was 1500ns"),
        delay.getMessage());
  }
}
