package dev.embedbench.backends.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.remote.RemoteSpec;
import dev.embedbench.config.ConfigErrors;
import dev.embedbench.config.ConfigException;
import dev.embedbench.config.ConfigFiles;
import dev.embedbench.config.ConfigNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendProvidersTest {

  @TempDir Path dir;

  private ConfigNode section(String yaml) throws IOException {
    Path file = dir.resolve("targets.yaml");
    Files.writeString(file, yaml);
    return ConfigFiles.read(file, ConfigErrors.DEFAULT);
  }

  @Test
  void everyTypeOfThisBuildIsFoundByName() {
    assertEquals(List.of("remote", "emulated", "in-process"), BackendProviders.types());
    assertEquals("remote, emulated and in-process", BackendProviders.describeTypes());
    for (String type : BackendProviders.types()) {
      assertEquals(type, BackendProviders.find(type).orElseThrow().type());
    }
    assertFalse(BackendProviders.find("gpu").isPresent());
  }

  @Test
  void aProviderReadsItsOwnKeysWithSecretsResolved() throws IOException {
    BackendProvider remote = BackendProviders.find("remote").orElseThrow();
    RemoteSpec spec =
        (RemoteSpec)
            remote.read(
                section(
                    "url: http://127.0.0.1:9001\napi_key: ${UPSTREAM_KEY}\n"
                        + "model: {name: m, dimensions: 8, max_input_tokens: 512}\n"),
                Map.of("UPSTREAM_KEY", "k")::get);
    assertEquals("k", spec.apiKey());
    assertEquals("m", spec.upstreamModel());
    assertTrue(spec.declaredSpace().isPresent());
  }

  @Test
  void itsErrorsNameTheFileAndTheKey() throws IOException {
    BackendProvider emulated = BackendProviders.find("emulated").orElseThrow();
    ConfigNode node = section("profile_file: absent.yaml\n");
    ConfigException e = assertThrows(ConfigException.class, () -> emulated.read(node, k -> null));
    assertEquals(dir.resolve("targets.yaml"), e.file());
    assertEquals("profile_file", e.key());
    assertTrue(e.reason().contains(dir.resolve("absent.yaml").toString()), e.reason());
  }
}
