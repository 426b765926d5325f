package dev.embedbench.gateway.routing;

import static dev.embedbench.gateway.routing.GatewayHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.spi.BackendProvider;
import dev.embedbench.backends.spi.BackendSpec;
import dev.embedbench.backends.spi.BackendTarget;
import dev.embedbench.backends.spi.StartedBackend;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.backends.wire.EncodingFormat;
import dev.embedbench.config.ConfigException;
import dev.embedbench.config.ConfigNode;
import dev.embedbench.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kind of backend the gateway has never heard of, added the way a new one is: a provider listed
 * in {@code META-INF/services} (this module's test resources), nothing in the gateway. The gateway
 * reads its section through it, refuses its unknown keys, and routes to what it builds.
 */
@ExtendWith(VertxExtension.class)
class FourthBackendTypeTest {

  /** What a target of {@code type: constant} declares. */
  record ConstantSpec(int dimensions) implements BackendSpec {

    @Override
    public String type() {
      return "constant";
    }

    @Override
    public Optional<ModelInfo> declaredInfo() {
      return Optional.of(
          new ModelInfo("constant", dimensions, 512, null, null, BackendKind.REMOTE, "test"));
    }

    @Override
    public boolean normalized() {
      return true;
    }
  }

  /** Listed in src/test/resources/META-INF/services/dev.embedbench.backends.spi.BackendProvider. */
  public static final class ConstantProvider implements BackendProvider {

    @Override
    public String type() {
      return "constant";
    }

    @Override
    public Set<String> keys() {
      return Set.of("dimensions");
    }

    @Override
    public BackendSpec read(ConfigNode section, UnaryOperator<String> environment) {
      return new ConstantSpec(section.intValue("dimensions", 1));
    }

    @Override
    public Future<StartedBackend> start(Vertx vertx, BackendSpec spec, BackendTarget target) {
      ScriptedBackend backend = new ScriptedBackend(spec.declaredInfo().orElseThrow());
      return backend.start().map(started -> StartedBackend.of(backend));
    }
  }

  @TempDir Path dir;

  private Path write(String target) throws IOException {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(
        file,
        """
        routes:
          - name: constant
            targets:
              - {name: c, type: constant, %s}
        """
            .formatted(target));
    return file;
  }

  @Test
  void theGatewayReadsAndRoutesToAKindItDoesNotName(Vertx vertx) throws IOException {
    GatewayConfig config = GatewayConfig.load(write("dimensions: 8"));
    assertEquals(
        new ConstantSpec(8),
        config.routes().get(0).targets().get(0).spec(),
        "read by its provider");
    Gateway gateway = await(Gateway.start(vertx, config, new SimpleMeterRegistry()));
    try {
      EmbeddingsOutcome outcome =
          await(
              gateway.embed(
                  new EmbeddingsRequest(
                      "constant",
                      List.of(new EmbeddingInput.Text("x")),
                      EncodingFormat.FLOAT,
                      null,
                      null)));
      assertEquals(8, outcome.response().vectors().get(0).length);
    } finally {
      await(gateway.close());
    }
  }

  @Test
  void itsKeysAreCheckedWithTheGatewaysOwn() throws IOException {
    ConfigException unknown =
        assertThrows(
            ConfigException.class, () -> GatewayConfig.load(write("dimensions: 8, colour: red")));
    assertEquals("routes[0].targets[0].colour", unknown.key());
    assertTrue(unknown.reason().contains("dimensions"), unknown.reason());
    ConfigException bad =
        assertThrows(ConfigException.class, () -> GatewayConfig.load(write("dimensions: 0")));
    assertEquals("routes[0].targets[0].dimensions", bad.key());
    assertEquals("must be >= 1, was 0", bad.reason());
  }
}
