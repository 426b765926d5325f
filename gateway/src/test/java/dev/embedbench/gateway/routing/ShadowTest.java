package dev.embedbench.gateway.routing;

import static dev.embedbench.gateway.routing.GatewayHarness.request;
import static dev.embedbench.gateway.routing.Yaml.config;
import static dev.embedbench.gateway.routing.Yaml.lines;
import static dev.embedbench.gateway.routing.Yaml.route;
import static dev.embedbench.gateway.routing.Yaml.target;
import static dev.embedbench.gateway.routing.Yaml.targetOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.wire.ApiError;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shadow traffic must never touch the client's answer or latency. Latency bounds here are generous
 * (3 s for a 20 ms primary beside a 6 s shadow): they catch waiting on the shadow, not jitter.
 */
@ExtendWith(VertxExtension.class)
class ShadowTest {

  @TempDir Path dir;
  private GatewayHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private GatewayHarness start(Vertx vertx, String yaml) {
    harness = new GatewayHarness(vertx, dir, yaml).started();
    return harness;
  }

  private static void eventually(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 5 s: " + what);
      }
      Thread.sleep(5);
    }
  }

  private String shadowOf(String shadowLines, String shadowTarget) {
    return config(
        route("primary", lines("shadow: " + shadowLines), target("p")),
        route("candidate", shadowTarget));
  }

  @Test
  void failingShadowLeavesTheAnswerAlone(Vertx vertx) throws InterruptedException {
    GatewayHarness h =
        start(
            vertx,
            shadowOf(
                "{route: candidate, fraction: 1}",
                target("s", "circuit_breaker: {consecutive_failures: 100, minimum_calls: 100}")));
    h.backend("s").behave(ScriptedBackend.failing(ApiError.upstream("shadow down")));
    for (int i = 0; i < 20; i++) {
      EmbeddingsOutcome outcome = h.embed(request("primary", "q" + i));
      assertEquals("p", outcome.target());
      assertArrayEquals(
          ScriptedBackend.vectorFor(new EmbeddingInput.Text("q" + i), 8),
          outcome.response().vectors().get(0));
    }
    eventually(
        "20 shadow errors",
        () ->
            h.counter(
                    "embedbench.shadow.requests",
                    "route",
                    "primary",
                    "shadow",
                    "candidate",
                    "outcome",
                    "error")
                == 20);
    assertEquals(20, h.backend("s").calls.size(), "one attempt per shadow request, no retries");
  }

  @Test
  void slowShadowLeavesTheLatencyAlone(Vertx vertx) throws InterruptedException {
    GatewayHarness h =
        start(
            vertx,
            shadowOf(
                "{route: candidate, fraction: 1, timeout: 300ms}", target("s", "timeout: 10s")));
    h.backend("p").behave(ScriptedBackend.delayed(vertx, 20));
    h.backend("s").behave(ScriptedBackend.delayed(vertx, 6_000));
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      EmbeddingsOutcome outcome = h.embed(request("primary", "q" + i));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals("p", outcome.target());
      assertTrue(millis < 3_000, "answered in " + millis + " ms beside a 6 s shadow");
    }
    eventually(
        "shadow timeouts recorded",
        () ->
            h.counter(
                    "embedbench.shadow.requests",
                    "route",
                    "primary",
                    "shadow",
                    "candidate",
                    "outcome",
                    "timeout")
                == 5);
  }

  @Test
  void saturatedShadowIsDroppedNotQueued(Vertx vertx) throws InterruptedException {
    GatewayHarness h =
        start(vertx, shadowOf("{route: candidate, fraction: 1, max_concurrency: 2}", target("s")));
    h.backend("s").behave(ScriptedBackend::hang);
    for (int i = 0; i < 5; i++) {
      assertEquals("p", h.embed(request("primary", "q" + i)).target());
    }
    assertEquals(2, h.backend("s").calls.size());
    assertEquals(
        3,
        h.counter(
            "embedbench.shadow.requests",
            "route",
            "primary",
            "shadow",
            "candidate",
            "outcome",
            "dropped"));
    h.backend("s").releasePending();
    eventually(
        "slots freed",
        () ->
            h.counter(
                    "embedbench.shadow.requests",
                    "route",
                    "primary",
                    "shadow",
                    "candidate",
                    "outcome",
                    "success")
                == 2);
    h.backend("s").behave(ScriptedBackend::vectors);
    h.embed(request("primary", "again"));
    eventually("a new shadow runs", () -> h.backend("s").calls.size() == 3);
  }

  @Test
  void sameSpaceRecordsCosineAgreement(Vertx vertx) throws InterruptedException {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "primary",
                    lines(
                        "shadow: {fraction: 1, target: {name: twin, type: remote, url: 'http://127.0.0.1:9',"
                            + " model: "
                            + Yaml.SMALL_MODEL
                            + "}}"),
                    target("p"))));
    for (int i = 0; i < 10; i++) {
      h.embed(request("primary", "q" + i, "r" + i));
    }
    eventually(
        "10 agreements",
        () ->
            h.registry
                    .find("embedbench.shadow.cosine")
                    .tags("route", "primary", "shadow", "twin")
                    .summary()
                    .count()
                == 10);
    assertEquals(1.0, h.registry.find("embedbench.shadow.cosine").summary().mean(), 1e-6);
    assertEquals(10, h.backend("twin").calls.size());
  }

  @Test
  void otherSpaceRecordsNoCosine(Vertx vertx) throws InterruptedException {
    GatewayHarness h =
        start(
            vertx,
            shadowOf(
                "{route: candidate, fraction: 1}",
                targetOf("s", "{name: other-model, dimensions: 8, max_input_tokens: 64}")));
    for (int i = 0; i < 5; i++) {
      h.embed(request("primary", "q" + i));
    }
    eventually(
        "5 shadow successes",
        () ->
            h.counter(
                    "embedbench.shadow.requests",
                    "route",
                    "primary",
                    "shadow",
                    "candidate",
                    "outcome",
                    "success")
                == 5);
    assertEquals(0, h.registry.find("embedbench.shadow.cosine").summary().count());
  }

  @Test
  void mirrorsTheConfiguredFraction(Vertx vertx) throws InterruptedException {
    GatewayHarness h = start(vertx, shadowOf("{route: candidate, fraction: 0.25}", target("s")));
    for (int i = 0; i < 2000; i++) {
      h.embed(request("primary", "q" + i));
    }
    int mirrored = h.backend("s").calls.size();
    assertTrue(Math.abs(mirrored - 500) < 75, "mirrored " + mirrored + " of 2000 at 0.25");
  }

  @Test
  void shadowRouteKeepsItsOwnDimensionsAndInstruction(Vertx vertx) throws InterruptedException {
    GatewayHarness h =
        start(
            vertx,
            config(
                route("primary", lines("shadow: {route: candidate, fraction: 1}"), target("p")),
                route(
                    "candidate",
                    lines("instruction: {task: T}"),
                    targetOf("s", "{name: big, dimensions: 16, max_input_tokens: 64}"))));
    EmbeddingsOutcome outcome =
        h.embed(request("primary", 4, List.of(new EmbeddingInput.Text("hi"))));
    assertEquals(4, outcome.response().vectors().get(0).length);
    eventually(
        "shadow ran",
        () ->
            h.counter(
                    "embedbench.shadow.requests",
                    "route",
                    "primary",
                    "shadow",
                    "candidate",
                    "outcome",
                    "success")
                == 1);
    assertEquals(
        new EmbeddingInput.Text("Instruct: T\nQuery:hi"),
        h.backend("s").calls.get(0).inputs().get(0));
  }
}
