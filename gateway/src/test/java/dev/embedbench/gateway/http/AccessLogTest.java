package dev.embedbench.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.gateway.config.ServerConfig;
import dev.embedbench.testsupport.console.CapturedConsole;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One access-log line per request with the route, target, kind, status, latency, inputs and tokens;
 * never the input text or the API key; none at all when switched off. slf4j-simple writes to the
 * current {@code System.err}, which the test captures.
 */
class AccessLogTest extends GatewayHttpTestBase {

  static final String SECRET_TEXT = "confidential patient note 4711";
  static final String KEY = "sk-never-log-me";

  final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  CapturedConsole stderr;

  @BeforeEach
  void captureStderr() {
    stderr = CapturedConsole.stderrInto(captured);
  }

  @AfterEach
  void restoreStderr() {
    stderr.close();
  }

  void startWithAccessLog(boolean accessLog) {
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1", 0, List.of(KEY), MAX_BODY_BYTES, Duration.ofSeconds(5), accessLog);
    server =
        await(
            GatewayServer.start(
                vertx, service, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 1));
  }

  void postWithKey(String key) {
    await(
        client
            .post(server.port(), "127.0.0.1", "/v1/embeddings")
            .putHeader("Authorization", "Bearer " + key)
            .sendBuffer(
                Buffer.buffer(
                    "{\"model\":\"fake-alias\",\"input\":[\"" + SECRET_TEXT + "\",\"b\"]}")));
  }

  List<String> accessLines() {
    return captured
        .toString(StandardCharsets.UTF_8)
        .lines()
        .filter(line -> line.contains("embedbench.access"))
        .toList();
  }

  @Test
  void oneLinePerRequestWithoutTextOrKey() {
    startWithAccessLog(true);
    postWithKey(KEY);
    postWithKey("sk-wrong-key");
    await(client.get(server.port(), "127.0.0.1", "/health").send());
    await(server.shutdown());
    server = null;

    List<String> lines = accessLines();
    assertEquals(3, lines.size(), captured.toString(StandardCharsets.UTF_8));
    String served = lines.get(0);
    for (String field :
        List.of(
            "method=POST",
            "path=/v1/embeddings",
            "route=fake-embed",
            "target=fake-target",
            "kind=emulated",
            "status=200",
            "inputs=2",
            "tokens=")) {
      assertTrue(served.contains(field), field + " in " + served);
    }
    assertTrue(served.matches(".*latencyMicros=\\d+.*"), served);
    assertTrue(lines.get(1).contains("status=401"), lines.get(1));
    assertTrue(lines.get(2).contains("path=/health") && lines.get(2).contains("status=200"));
    String all = captured.toString(StandardCharsets.UTF_8);
    assertFalse(all.contains(SECRET_TEXT), "input text is never logged");
    assertFalse(all.contains(KEY) || all.contains("sk-wrong-key"), "keys are never logged");
  }

  @Test
  void switchedOffLogsNothing() {
    startWithAccessLog(false);
    postWithKey(KEY);
    await(server.shutdown());
    server = null;
    assertTrue(accessLines().isEmpty(), captured.toString(StandardCharsets.UTF_8));
  }
}
