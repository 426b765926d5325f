package dev.embedbench.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.emulated.EmulatedSpec;
import dev.embedbench.backends.remote.RemoteSpec;
import dev.embedbench.config.ConfigException;
import dev.embedbench.testsupport.env.RepositoryHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

// Built-in emulator profiles resolve under embedbench.home, as the launcher sets it.
@ExtendWith(RepositoryHome.class)
class GatewayConfigTest {

  @TempDir Path dir;

  private static final String REMOTE_A =
      """
          - name: a
            type: remote
            url: http://127.0.0.1:9001
            model: {name: qwen3-embedding-0.6b, dimensions: 1024, max_input_tokens: 32768,
                    matryoshka: {min: 32, max: 1024}}
      """;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private ConfigException fails(String yaml) throws IOException {
    Path file = write(yaml);
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> GatewayConfig.load(file, Map.of("KEY", "s3cret")::get));
    assertEquals(file, e.file());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    return e;
  }

  @Test
  void readsEveryOptionWithDefaults() throws IOException {
    GatewayConfig config =
        GatewayConfig.load(
            write(
                """
        server:
          port: 9090
          api_keys: [literal-key, "${KEY}"]
          shutdown_deadline: 1500ms
        routes:
          - name: qwen3-embedding-0.6b
            aliases: [Qwen/Qwen3-Embedding-0.6B]
            instruction:
              task: Given a query, retrieve passages
              document_aliases: [qwen3-docs]
            targets:
        """
                    + REMOTE_A),
            Map.of("KEY", "s3cret")::get);
    ServerConfig server = config.server();
    assertEquals("127.0.0.1", server.host());
    assertEquals(9090, server.port());
    assertEquals(List.of("literal-key", "s3cret"), server.apiKeys());
    assertEquals(Duration.ofMillis(1500), server.shutdownDeadline());
    assertTrue(server.accessLog());
    assertFalse(server.toString().contains("s3cret"), "keys never appear in toString");
    RouteConfig route = config.routes().get(0);
    assertEquals(List.of("Qwen/Qwen3-Embedding-0.6B"), route.aliases());
    assertEquals(InstructionConfig.QWEN3_TEMPLATE, route.instruction().template());
    assertEquals(RetryConfig.defaults(), route.retry());
    TargetConfig target = route.targets().get(0);
    assertEquals(1, target.weight());
    assertEquals(TargetConfig.DEFAULT_TIMEOUT, target.timeout());
    assertEquals(CircuitBreakerConfig.defaults(), target.circuitBreaker());
    RemoteSpec spec = (RemoteSpec) target.spec();
    assertEquals("qwen3-embedding-0.6b", spec.upstreamModel());
    assertEquals("/health", spec.healthPath());
    assertNull(spec.apiKey());
  }

  @Test
  void badWeightNamesFileKeyAndReason() throws IOException {
    ConfigException e =
        fails(
            """
        routes:
          - name: first
            targets:
        """
                + REMOTE_A
                + """
          - name: second
            targets:
              - name: b
                type: remote
                weight: -2
                url: http://127.0.0.1:9002
                model: {name: m, dimensions: 8, max_input_tokens: 512}
        """);
    assertEquals("routes[1].targets[0].weight", e.key());
    assertEquals("must be >= 0, was -2", e.reason());
  }

  @Test
  void unknownKeyIsATypo() throws IOException {
    ConfigException e =
        fails(
            """
        routes:
          - name: r
            targets:
              - name: a
                type: remote
                wieght: 2
                url: http://127.0.0.1:9001
                model: {name: m, dimensions: 8, max_input_tokens: 512}
        """);
    assertEquals("routes[0].targets[0].wieght", e.key());
    assertTrue(e.reason().contains("unknown key"), e.reason());
  }

  @Test
  void badDurationSaysTheForm() throws IOException {
    ConfigException e =
        fails(
            """
        routes:
          - name: r
            targets:
              - name: a
                type: remote
                timeout: 2 seconds
                url: http://127.0.0.1:9001
                model: {name: m, dimensions: 8, max_input_tokens: 512}
        """);
    assertEquals("routes[0].targets[0].timeout", e.key());
    assertTrue(e.reason().contains("500ms"), e.reason());
  }

  @Test
  void decimalAndFineDurationsLoad() throws IOException {
    GatewayConfig config =
        GatewayConfig.load(
            write(
                """
        server: {shutdown_deadline: 0.25h}
        routes:
          - name: r
            retry: {max_attempts: 2, budget_window: 2500us}
            targets:
              - name: a
                type: remote
                timeout: 1.5s
                url: http://127.0.0.1:9001
                model: {name: m, dimensions: 8, max_input_tokens: 512}
        """),
            Map.<String, String>of()::get);
    assertEquals(Duration.ofMinutes(15), config.server().shutdownDeadline());
    assertEquals(Duration.ofMillis(1500), config.routes().get(0).targets().get(0).timeout());
    assertEquals(Duration.ofNanos(2_500_000), config.routes().get(0).retry().budgetWindow());
  }

  @Test
  void unrepresentableDurationsNameFileKeyAndReason() throws IOException {
    String target =
        """
        routes:
          - name: r
            targets:
              - name: a
                type: remote
                timeout: %s
                url: http://127.0.0.1:9001
                model: {name: m, dimensions: 8, max_input_tokens: 512}
        """;
    String key = "routes[0].targets[0].timeout";
    ConfigException bare = fails(target.formatted("2"));
    assertEquals(key, bare.key());
    assertTrue(bare.reason().startsWith("must be a duration with a unit"), bare.reason());
    ConfigException finer = fails(target.formatted("1.5ns"));
    assertEquals(key, finer.key());
    assertTrue(finer.reason().contains("finer than the one-nanosecond resolution"), finer.reason());
    ConfigException negative = fails(target.formatted("-1s"));
    assertEquals("must not be negative, was '-1s'", negative.reason());
    ConfigException huge = fails(target.formatted("3000000h"));
    assertTrue(huge.reason().startsWith("must be at most 2562047h"), huge.reason());
    ConfigException zero = fails(target.formatted("0"));
    assertEquals("must be longer than zero", zero.reason());
    ConfigException list = fails(target.formatted("[1s]"));
    assertTrue(list.reason().startsWith("must be a duration"), list.reason());
  }

  @Test
  void clientLimitsAndDrainLoadWithDefaultsWhenAbsent() throws IOException {
    GatewayConfig set =
        GatewayConfig.load(
            write(
                """
        server:
          idle_timeout: 20s
          request_read_timeout: 5s
          max_connections: 2000
          drain_delay: 0
        routes:
          - name: r
            targets:
        """
                    + REMOTE_A),
            Map.<String, String>of()::get);
    assertEquals(Duration.ofSeconds(20), set.server().idleTimeout());
    assertEquals(Duration.ofSeconds(5), set.server().requestReadTimeout());
    assertEquals(2000, set.server().maxConnections());
    assertEquals(Duration.ZERO, set.server().drainDelay(), "a drain delay may be switched off");

    GatewayConfig absent =
        GatewayConfig.load(
            write(
                """
        server: {port: 9090}
        routes:
          - name: r
            targets:
        """
                    + REMOTE_A),
            Map.<String, String>of()::get);
    assertEquals(ServerConfig.DEFAULT_IDLE_TIMEOUT, absent.server().idleTimeout());
    assertEquals(ServerConfig.DEFAULT_REQUEST_READ_TIMEOUT, absent.server().requestReadTimeout());
    assertEquals(ServerConfig.DEFAULT_MAX_CONNECTIONS, absent.server().maxConnections());
    assertEquals(ServerConfig.DEFAULT_DRAIN_DELAY, absent.server().drainDelay());
  }

  @Test
  void badClientLimitsNameTheKey() throws IOException {
    String routes =
        """
        routes:
          - name: r
            targets:
        """
            + REMOTE_A;
    ConfigException idle = fails("server: {idle_timeout: 0s}\n" + routes);
    assertEquals("server.idle_timeout", idle.key());
    assertTrue(idle.reason().contains("longer than zero"), idle.reason());
    ConfigException read = fails("server: {request_read_timeout: 30}\n" + routes);
    assertEquals("server.request_read_timeout", read.key());
    assertTrue(read.reason().contains("unit"), read.reason());
    ConfigException cap = fails("server: {max_connections: 0}\n" + routes);
    assertEquals("server.max_connections", cap.key());
    assertTrue(cap.reason().contains("between 1 and"), cap.reason());
    ConfigException drain = fails("server: {drain_delay: -1s}\n" + routes);
    assertEquals("server.drain_delay", drain.key());
  }

  @Test
  void transportIsNativeUnlessSetToNio() throws IOException {
    String routes =
        """
        routes:
          - name: r
            targets:
        """
            + REMOTE_A;
    assertEquals(
        ServerTransport.NATIVE,
        GatewayConfig.load(write("server: {port: 9090}\n" + routes)).server().transport());
    assertEquals(
        ServerTransport.NATIVE,
        GatewayConfig.load(write("server: {transport: native}\n" + routes)).server().transport());
    assertEquals(
        ServerTransport.NIO,
        GatewayConfig.load(write("server: {transport: nio}\n" + routes)).server().transport());

    ConfigException epoll = fails("server: {transport: epoll}\n" + routes);
    assertEquals("server.transport", epoll.key());
    assertEquals("must be one of native, nio, was 'epoll'", epoll.reason());
    ConfigException number = fails("server: {transport: 1}\n" + routes);
    assertEquals("server.transport", number.key());
  }

  @Test
  void missingEnvironmentVariableIsNamed() throws IOException {
    ConfigException e =
        fails(
            """
        server:
          api_keys: ["${NOT_SET_ANYWHERE}"]
        routes:
          - name: r
            targets:
        """
                + REMOTE_A);
    assertEquals("server.api_keys[0]", e.key());
    assertTrue(e.reason().contains("NOT_SET_ANYWHERE is not set"), e.reason());
  }

  @Test
  void rejectsRouteMixingModels() throws IOException {
    String mixed =
        """
        routes:
          - name: r
            %s
            targets:
        """
            + REMOTE_A
            + """
            - name: b
              type: remote
              url: http://127.0.0.1:9002
              model: {name: bge-m3, dimensions: 1024, max_input_tokens: 8192}
        """;
    ConfigException e = fails(mixed.formatted(""));
    assertEquals("routes[0].targets[1]", e.key());
    assertTrue(
        e.reason().contains("bge-m3") && e.reason().contains("allow_mixed_models"), e.reason());
    GatewayConfig allowed = GatewayConfig.load(write(mixed.formatted("allow_mixed_models: true")));
    assertTrue(allowed.routes().get(0).allowMixedModels());
  }

  @Test
  void normalizedAsksForTheNormCheckAndMustAgreeWithTheModel() throws IOException {
    GatewayConfig config =
        GatewayConfig.load(
            write(
                """
        routes:
          - name: r
            targets:
              - name: checked
                type: remote
                url: http://127.0.0.1:9001
                normalized: true
                model: {name: m, dimensions: 8, max_input_tokens: 16}
          - name: s
            targets:
              - name: unchecked
                type: remote
                url: http://127.0.0.1:9002
                model: {name: n, dimensions: 8, max_input_tokens: 16}
        """));
    assertTrue(((RemoteSpec) config.routes().get(0).targets().get(0).spec()).verifyUnitNorm());
    assertFalse(((RemoteSpec) config.routes().get(1).targets().get(0).spec()).verifyUnitNorm());
    ConfigException e =
        fails(
            """
        routes:
          - name: r
            targets:
              - name: a
                type: remote
                url: http://127.0.0.1:9001
                normalized: true
                model: {name: m, dimensions: 8, max_input_tokens: 16, normalized: false}
        """);
    assertEquals("routes[0].targets[0].normalized", e.key());
    assertTrue(e.reason().contains("model.normalized"), e.reason());
  }

  @Test
  void rejectsSameModelWithOtherDimensionsOrNormalisation() throws IOException {
    ConfigException e =
        fails(
            """
        routes:
          - name: r
            targets:
        """
                + REMOTE_A
                + """
            - name: b
              type: remote
              url: http://127.0.0.1:9002
              model: {name: qwen3-embedding-0.6b, dimensions: 1024, max_input_tokens: 32768,
                      normalized: false}
        """);
    assertEquals("routes[0].targets[1]", e.key());
    assertTrue(e.reason().contains("not normalised"), e.reason());
  }

  @Test
  void modelNamesCompareWithoutCaseOrOrganisation() throws IOException {
    GatewayConfig config =
        GatewayConfig.load(
            write(
                """
        routes:
          - name: r
            targets:
        """
                    + REMOTE_A
                    + """
            - name: b
              type: remote
              url: http://127.0.0.1:9002
              model: {name: Qwen/Qwen3-Embedding-0.6B, dimensions: 1024, max_input_tokens: 32768}
        """));
    assertEquals(2, config.routes().get(0).targets().size());
  }

  @Test
  void modelNamesAndTargetNamesAreUnique() throws IOException {
    ConfigException alias =
        fails(
            """
        routes:
          - name: r
            targets:
        """
                + REMOTE_A
                + """
          - name: s
            aliases: [r]
            targets:
              - name: b
                type: remote
                url: http://127.0.0.1:9002
                model: {name: m, dimensions: 8, max_input_tokens: 512}
        """);
    assertEquals("routes[1].aliases[0]", alias.key());
    assertTrue(alias.reason().contains("routes[0].name"), alias.reason());
    ConfigException target =
        fails(
            """
        routes:
          - name: r
            targets:
        """
                + REMOTE_A
                + """
          - name: s
            targets:
        """
                + REMOTE_A);
    assertEquals("routes[1].targets[0].name", target.key());
  }

  @Test
  void shadowMustNameAnExistingRouteOrATarget() throws IOException {
    ConfigException unknown =
        fails(
            """
        routes:
          - name: r
            shadow: {route: nowhere, fraction: 0.1}
            targets:
        """
                + REMOTE_A);
    assertEquals("routes[0].shadow.route", unknown.key());
    ConfigException neither =
        fails(
            """
        routes:
          - name: r
            shadow: {fraction: 0.1}
            targets:
        """
                + REMOTE_A);
    assertEquals("routes[0].shadow", neither.key());
    ConfigException fraction =
        fails(
            """
        routes:
          - name: r
            shadow: {route: r2, fraction: 1.5}
            targets:
        """
                + REMOTE_A);
    assertEquals("routes[0].shadow.fraction", fraction.key());
    ConfigException weight =
        fails(
            """
        routes:
          - name: r
            shadow:
              fraction: 0.1
              target: {name: s, type: remote, weight: 0, url: "http://127.0.0.1:9",
                       model: {name: m, dimensions: 8, max_input_tokens: 512}}
            targets:
        """
                + REMOTE_A);
    assertEquals("routes[0].shadow.target.weight", weight.key());
  }

  @Test
  void otherMistakes() throws IOException {
    assertEquals(
        "routes[0].targets[0].type",
        fails(
                """
        routes:
          - name: r
            targets:
              - {name: a, type: gpu}
        """)
            .key());
    assertEquals("routes", fails("server: {port: 1}\n").key());
    assertEquals(
        "routes[0].targets",
        fails(
                """
        routes:
          - name: r
            targets:
              - name: a
                type: remote
                weight: 0
                url: http://127.0.0.1:9001
                model: {name: m, dimensions: 8, max_input_tokens: 512}
        """)
            .key());
    assertEquals(
        "routes[0].targets[0].url",
        fails(
                """
        routes:
          - name: r
            targets:
              - name: a
                type: remote
                url: localhost:9001
                model: {name: m, dimensions: 8, max_input_tokens: 512}
        """)
            .key());
    assertEquals(
        "routes[0].targets[0].model.matryoshka.max",
        fails(
                """
        routes:
          - name: r
            targets:
              - name: a
                type: remote
                url: http://127.0.0.1:9001
                model: {name: m, dimensions: 8, max_input_tokens: 512, matryoshka: {min: 4, max: 16}}
        """)
            .key());
    assertEquals(
        "routes[0].default_dimensions",
        fails(
                """
        routes:
          - name: r
            default_dimensions: 4096
            targets:
        """
                    + REMOTE_A)
            .key());
    assertEquals(
        "routes[0].instruction.template",
        fails(
                """
        routes:
          - name: r
            instruction: {task: t, template: "no placeholder"}
            targets:
        """
                    + REMOTE_A)
            .key());
    assertTrue(fails("routes: [\n").reason().startsWith("not valid YAML"));
  }

  @Test
  void emulatedTargetsReadTheirProfileAtLoad() throws IOException {
    ConfigException unknown =
        fails(
            """
        routes:
          - name: r
            targets:
              - {name: a, type: emulated, profile: no-such-profile}
        """);
    assertEquals("routes[0].targets[0].profile", unknown.key());
    assertTrue(unknown.reason().contains("bge-m3-a10g"), "lists what exists: " + unknown.reason());
    ConfigException missingFile =
        fails(
            """
        routes:
          - name: r
            targets:
              - {name: a, type: emulated, profile_file: nowhere.yaml}
        """);
    assertEquals("routes[0].targets[0].profile_file", missingFile.key());
    Files.copy(Path.of("..", "configs", "profiles", "bge-m3-a10g.yaml"), dir.resolve("mine.yaml"));
    GatewayConfig config =
        GatewayConfig.load(
            write(
                """
        routes:
          - name: r
            targets:
              - {name: a, type: emulated, profile_file: mine.yaml}
        """));
    EmulatedSpec spec = (EmulatedSpec) config.routes().get(0).targets().get(0).spec();
    assertEquals(dir.resolve("mine.yaml"), spec.profileFile());
    assertEquals("emulated:bge-m3", spec.declaredSpace().orElseThrow().model());
  }

  @Test
  void emulatedAndRealVectorsDoNotShareARoute() throws IOException {
    ConfigException e =
        fails(
            """
        routes:
          - name: r
            targets:
        """
                + REMOTE_A
                + """
            - {name: b, type: emulated, profile: qwen3-embedding-0.6b-a10g}
        """);
    assertEquals("routes[0].targets[1]", e.key());
    assertTrue(e.reason().contains("emulated:qwen3-embedding-0.6b"), e.reason());
  }

  @Test
  void defaultDimensionsAreCheckedAgainstTheProfile() throws IOException {
    ConfigException e =
        fails(
            """
        routes:
          - name: r
            default_dimensions: 256
            targets:
              - {name: a, type: emulated, profile: bge-m3-a10g}
        """);
    assertEquals("routes[0].default_dimensions", e.key());
    assertTrue(e.reason().contains("no Matryoshka range"), e.reason());
  }

  @Test
  void missingFileIsSaidSo() {
    Path missing = dir.resolve("nope.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.load(missing));
    assertEquals(missing, e.file());
    assertEquals("file does not exist", e.reason());
  }

  @Test
  void shippedConfigsLoad() {
    Path configs = Path.of("..", "configs");
    GatewayConfig demo = GatewayConfig.load(configs.resolve("gateway-demo.yaml"));
    assertEquals(
        List.of("qwen3-embedding-0.6b", "qwen3-embedding-8b", "bge-m3"),
        demo.routes().stream().map(RouteConfig::name).toList());
    assertEquals(8080, demo.server().port());
    assertTrue(
        demo.routes().stream()
            .allMatch(r -> r.targets().stream().allMatch(t -> t.spec() instanceof EmulatedSpec)));
    GatewayConfig example =
        GatewayConfig.load(
            configs.resolve("gateway-example.yaml"),
            Map.of("EMBEDBENCH_API_KEY", "k1", "UPSTREAM_KEY", "k2")::get);
    assertFalse(example.routes().isEmpty());
  }
}
