package dev.embedbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigNodeTest {

  @TempDir Path dir;

  private ConfigNode read(String yaml) throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, yaml);
    return ConfigFiles.read(file, ConfigErrors.DEFAULT);
  }

  private ConfigException fails(String yaml, java.util.function.Consumer<ConfigNode> reading)
      throws IOException {
    ConfigNode root = read(yaml);
    return assertThrows(ConfigException.class, () -> reading.accept(root));
  }

  @Test
  void readsTypedValuesAndDefaults() throws IOException {
    ConfigNode root =
        read(
            "name: a\nsize: 3\nshare: 0.25\non: true\nwait: 1.5s\nnone: 0\nitems: [{x: 1}, {x: 2}]\n");
    assertEquals("a", root.text("name"));
    assertEquals("b", root.text("other", "b"));
    assertEquals(3, root.intValue("size", 1));
    assertEquals(7, root.intValue("absent", 7, 1));
    assertEquals(0.25, root.fraction("share", 1));
    assertEquals(true, root.bool("on"));
    assertEquals(Duration.ofMillis(1500), root.positiveDuration("wait", null));
    assertEquals(Duration.ZERO, root.duration("none"));
    assertEquals(Optional.empty(), root.optionalText("absent"));
    assertEquals(List.of(), root.objects("absent"));
    assertEquals(2, root.objects("items").get(1).intValue("x"));
  }

  @Test
  void errorsNameTheFileTheDottedKeyAndTheReason() throws IOException {
    ConfigException e =
        fails(
            "routes:\n  - targets: [{weight: -2}]\n",
            root -> root.objects("routes").get(0).objects("targets").get(0).intValue("weight", 0));
    assertEquals(dir.resolve("c.yaml"), e.file());
    assertEquals("routes[0].targets[0].weight", e.key());
    assertEquals("must be >= 0, was -2", e.reason());
    assertEquals(
        dir.resolve("c.yaml") + ": routes[0].targets[0].weight: must be >= 0, was -2",
        e.getMessage());
  }

  @Test
  void unknownKeysAreErrors() throws IOException {
    ConfigException e =
        fails(
            "server: {port: 1, prot: 2}\n",
            root -> root.object("server").rejectUnknownKeys(Set.of("port")));
    assertEquals("server.prot", e.key());
    assertEquals("unknown key; known keys here are [port]", e.reason());
  }

  @Test
  void eachRuleSaysWhatIsWrong() throws IOException {
    assertEquals("is required", fails("a: 1\n", root -> root.text("b")).reason());
    assertEquals(
        "must be between 1 and 10, was 11",
        fails("n: 11\n", r -> r.intValue("n", 1, 1, 10)).reason());
    assertEquals(
        "must be a whole number, not '2.5'", fails("n: 2.5\n", r -> r.intValue("n")).reason());
    assertEquals("must be > 0, was 0.0", fails("n: 0\n", r -> r.positive("n")).reason());
    assertEquals(
        "must be <= 2147483647, was 3000000000",
        fails("n: 3000000000\n", r -> r.intValue("n")).reason());
    assertEquals(
        "must be longer than zero", fails("d: 0s\n", r -> r.positiveDuration("d", null)).reason());
    assertTrue(
        fails("d: 2\n", r -> r.duration("d"))
            .reason()
            .startsWith("must be a duration with a unit"));
    assertTrue(
        fails("d: [1]\n", r -> r.duration("d")).reason().startsWith("must be a duration such as"));
    assertEquals(
        "must be a whole number of microseconds, was 1500ns",
        fails("d: 1.5us\n", r -> r.micros("d")).reason());
    assertEquals(
        "must be a mapping of keys to values", fails("m: 3\n", r -> r.object("m")).reason());
    assertEquals("must be a non-empty string", fails("s: ['']\n", r -> r.strings("s")).reason());
    assertEquals(
        "must be true or false, not 'yes please'",
        fails("b: yes please\n", r -> r.bool("b")).reason());
    assertEquals(
        "must be one of slow, fast, was 'medium'",
        fails("c: medium\n", r -> r.choice("c", Speed.class)).reason());
  }

  enum Speed {
    SLOW,
    FAST
  }

  @Test
  void secretsResolveWholeValueEnvironmentReferences() throws IOException {
    ConfigNode root = read("key: ${K}\nkeys: [plain, \"${K}\"]\nhalf: x${K}\nunset: ${NOPE}\n");
    java.util.function.UnaryOperator<String> env = java.util.Map.of("K", "v")::get;
    assertEquals(Optional.of("v"), root.secret("key", env));
    assertEquals(List.of("plain", "v"), root.secrets("keys", env));
    assertEquals(Optional.empty(), root.secret("absent", env));
    assertTrue(
        assertThrows(ConfigException.class, () -> root.secret("half", env))
            .reason()
            .startsWith("write an environment reference as the whole value"));
    ConfigException unset = assertThrows(ConfigException.class, () -> root.secret("unset", env));
    assertEquals("unset", unset.key());
    assertEquals("environment variable NOPE is not set", unset.reason());
  }

  @Test
  void wholeFileErrorsHaveAnEmptyKey() throws IOException {
    Path missing = dir.resolve("absent.yaml");
    ConfigException gone =
        assertThrows(ConfigException.class, () -> ConfigFiles.read(missing, ConfigErrors.DEFAULT));
    assertEquals("", gone.key());
    assertEquals(missing + ": does not exist", gone.getMessage());
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "routes: [\n");
    assertTrue(
        assertThrows(ConfigException.class, () -> ConfigFiles.read(broken, ConfigErrors.DEFAULT))
            .reason()
            .startsWith("not valid YAML"));
    Path json = dir.resolve("broken.json");
    Files.writeString(json, "{not json");
    assertTrue(
        assertThrows(ConfigException.class, () -> ConfigFiles.read(json, ConfigErrors.DEFAULT))
            .reason()
            .startsWith("not valid JSON"));
  }

  @Test
  void aModuleGetsItsOwnErrorType() throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "a: 1\n");
    ConfigNode root =
        ConfigFiles.read(file, (f, key, reason) -> new IllegalStateException(key + "|" + reason));
    assertEquals(
        "b|is required",
        assertThrows(IllegalStateException.class, () -> root.text("b")).getMessage());
  }
}
