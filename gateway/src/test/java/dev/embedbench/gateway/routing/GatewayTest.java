package dev.embedbench.gateway.routing;

import static dev.embedbench.gateway.routing.GatewayHarness.request;
import static dev.embedbench.gateway.routing.Yaml.config;
import static dev.embedbench.gateway.routing.Yaml.lines;
import static dev.embedbench.gateway.routing.Yaml.route;
import static dev.embedbench.gateway.routing.Yaml.target;
import static dev.embedbench.gateway.routing.Yaml.targetOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.backends.BackendKind;
import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.EmbeddingResult;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.config.ConfigException;
import dev.embedbench.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class GatewayTest {

  @TempDir Path dir;
  private GatewayHarness harness;

  private GatewayHarness start(Vertx vertx, String yaml) {
    harness = new GatewayHarness(vertx, dir, yaml).started();
    return harness;
  }

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void weightedSplitFollowsWeights(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    target("a", "weight: 3"),
                    target("b", "weight: 1"),
                    target("c", "weight: 0"))));
    for (int i = 0; i < 4000; i++) {
      h.embed(request("r", "x" + i));
    }
    int a = h.backend("a").calls.size();
    int b = h.backend("b").calls.size();
    assertEquals(4000, a + b);
    assertEquals(0, h.backend("c").calls.size(), "a weight-0 fallback takes no first attempts");
    assertTrue(Math.abs(a - 3000) < 150, "a got " + a + " of 4000 at weight 3:1");
  }

  @Test
  void answersInOrderWithRouteNameAndTarget(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", lines("aliases: [R-alias]"), target("a"))));
    EmbeddingsOutcome outcome = h.embed(request("R-alias", "one", "two", "three"));
    assertEquals("r", outcome.response().model());
    assertEquals("r", outcome.route());
    assertEquals("a", outcome.target());
    assertEquals(BackendKind.REMOTE, outcome.kind());
    assertEquals(3, outcome.inputs());
    List<String> texts = List.of("one", "two", "three");
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(
          ScriptedBackend.vectorFor(new EmbeddingInput.Text(texts.get(i)), 8),
          outcome.response().vectors().get(i));
    }
    assertTrue(outcome.promptTokens() > 0);
    assertEquals(outcome.promptTokens(), outcome.response().promptTokens());
  }

  @Test
  void unknownModelIs404(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a"))));
    ApiException e = h.embedFails(request("nope", "x"));
    assertEquals(404, e.error().httpStatus());
    assertEquals("model_not_found", e.error().code());
  }

  @Test
  void emptyInputIs400(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a"))));
    ApiException e = h.embedFails(request("r"));
    assertEquals(400, e.error().httpStatus());
    assertEquals("input", e.error().param());
  }

  @Test
  void failsOverOnServerError(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a"), target("b", "weight: 0"))));
    h.backend("a").behave(ScriptedBackend.failing(ApiError.upstream("boom")));
    EmbeddingsOutcome outcome = h.embed(request("r", "x"));
    assertEquals("b", outcome.target());
    assertEquals(
        1, h.timerCount("embedbench.upstream.latency", "target", "a", "outcome", "server_error"));
    assertEquals(
        1, h.timerCount("embedbench.upstream.latency", "target", "b", "outcome", "success"));
  }

  @Test
  void failsOverOnOverloadedTarget(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a"), target("b", "weight: 0"))));
    h.backend("a").behave(ScriptedBackend.failing(ApiError.overloaded("queue full")));
    assertEquals("b", h.embed(request("r", "x")).target());
  }

  @Test
  void failsOverOnTimeout(Vertx vertx) {
    GatewayHarness h =
        start(vertx, config(route("r", target("a", "timeout: 50ms"), target("b", "weight: 0"))));
    h.backend("a").behave(ScriptedBackend::hang);
    assertEquals("b", h.embed(request("r", "x")).target());
    assertEquals(
        1, h.timerCount("embedbench.upstream.latency", "target", "a", "outcome", "timeout"));
    assertEquals(
        1.0,
        h.gauge("embedbench.target.inflight", "target", "a"),
        "the slot stays taken while the timed-out call is still running upstream");
    h.backend("a").releasePending();
    GatewayHarness.await(Future.future(p -> vertx.setTimer(20, id -> p.complete())));
    assertEquals(0.0, h.gauge("embedbench.target.inflight", "target", "a"));
  }

  @Test
  void timeoutWithoutFallbackIs504(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a", "timeout: 30ms"))));
    h.backend("a").behave(ScriptedBackend::hang);
    assertEquals(504, h.embedFails(request("r", "x")).error().httpStatus());
    h.backend("a").releasePending();
  }

  @Test
  void neverFailsOverOnClientError(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a"), target("b", "weight: 0"))));
    h.backend("a")
        .behave(ScriptedBackend.failing(ApiError.invalidRequest("bad input", "input", null)));
    ApiException e = h.embedFails(request("r", "x"));
    assertEquals(400, e.error().httpStatus());
    assertEquals("bad input", e.error().message());
    assertEquals(0, h.backend("b").calls.size());
  }

  @Test
  void maxAttemptsBoundsFailover(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    lines("retry: {max_attempts: 2}"),
                    target("a"),
                    target("b", "weight: 0"),
                    target("c", "weight: 0"))));
    for (String t : List.of("a", "b", "c")) {
      h.backend(t).behave(ScriptedBackend.failing(ApiError.upstream("down " + t)));
    }
    ApiException e = h.embedFails(request("r", "x"));
    assertEquals(502, e.error().httpStatus());
    assertEquals("down b", e.error().message(), "the last attempt's error is the one shown");
    assertEquals(0, h.backend("c").calls.size());
  }

  @Test
  void retryBudgetRunsOut(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    lines("retry: {budget_ratio: 0, budget_min_retries: 2, budget_window: 10s}"),
                    target("a", "circuit_breaker: {consecutive_failures: 100, minimum_calls: 100}"),
                    target("b", "weight: 0"))));
    h.backend("a").behave(ScriptedBackend.failing(ApiError.upstream("a is down")));
    assertEquals("b", h.embed(request("r", "1")).target());
    assertEquals("b", h.embed(request("r", "2")).target());
    ApiException spent = h.embedFails(request("r", "3"));
    assertEquals("a is down", spent.error().message());
    assertEquals(2, h.backend("b").calls.size());
    h.advance(11_000);
    assertEquals(
        "b", h.embed(request("r", "4")).target(), "the budget refills as the window slides");
  }

  @Test
  void retryBudgetGrowsWithTraffic(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    lines("retry: {budget_ratio: 0.1, budget_min_retries: 0}"),
                    target(
                        "a", "circuit_breaker: {consecutive_failures: 1000, minimum_calls: 1000}"),
                    target("b", "weight: 0"))));
    for (int i = 0; i < 100; i++) {
      h.embed(request("r", "ok" + i));
    }
    h.backend("a").behave(ScriptedBackend.failing(ApiError.upstream("down")));
    int answered = 0;
    for (int i = 0; i < 30; i++) {
      try {
        h.embed(request("r", "f" + i));
        answered++;
      } catch (AssertionError expected) {
        // the budget is spent
      }
    }
    // 100 good + the failing ones count as requests; retries may reach 10% of them.
    assertTrue(answered >= 10 && answered <= 13, "retries allowed: " + answered);
  }

  @Test
  void circuitOpensProbesAndCloses(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    target("a", "circuit_breaker: {consecutive_failures: 2, open_duration: 10s}"),
                    target("b", "weight: 0"))));
    ScriptedBackend a = h.backend("a");
    a.behave(ScriptedBackend.failing(ApiError.upstream("down")));
    h.embed(request("r", "1"));
    assertEquals(0.0, h.gauge("embedbench.circuit.state", "target", "a"));
    h.embed(request("r", "2"));
    assertEquals(2.0, h.gauge("embedbench.circuit.state", "target", "a"), "open after 2 failures");
    assertEquals("b", h.embed(request("r", "3")).target());
    assertEquals(2, a.calls.size(), "an open circuit takes no calls");

    h.advance(10_000);
    assertEquals(
        1.0, h.gauge("embedbench.circuit.state", "target", "a"), "half-open after cool-down");
    assertEquals("b", h.embed(request("r", "4")).target(), "a failed probe fails over");
    assertEquals(3, a.calls.size());
    assertEquals(2.0, h.gauge("embedbench.circuit.state", "target", "a"), "failed probe reopens");

    h.advance(10_000);
    a.behave(ScriptedBackend::vectors);
    assertEquals("a", h.embed(request("r", "5")).target(), "the probe goes to a");
    assertEquals(0.0, h.gauge("embedbench.circuit.state", "target", "a"), "success closes");
    assertEquals("a", h.embed(request("r", "6")).target());
  }

  @Test
  void circuitOpensOnFailureRate(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    target(
                        "a",
                        "circuit_breaker: {consecutive_failures: 100, failure_rate: 0.5, minimum_calls: 4}"))));
    ScriptedBackend a = h.backend("a");
    h.embed(request("r", "ok1"));
    a.behave(ScriptedBackend.failing(ApiError.upstream("down")));
    h.embedFails(request("r", "f1"));
    a.behave(ScriptedBackend::vectors);
    h.embed(request("r", "ok2"));
    a.behave(ScriptedBackend.failing(ApiError.upstream("down")));
    h.embedFails(request("r", "f2"));
    assertEquals(2.0, h.gauge("embedbench.circuit.state", "target", "a"), "2 of 4 failed");
    ApiException e = h.embedFails(request("r", "x"));
    assertEquals(503, e.error().httpStatus(), "no other target: 503");
    assertFalse(h.gateway.ready());
  }

  @Test
  void concurrencyLimitTriesAnotherTargetThen429(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route("r", target("a", "max_concurrency: 1"), target("b", "max_concurrency: 1"))));
    h.backend("a").behave(ScriptedBackend::hang);
    h.backend("b").behave(ScriptedBackend::hang);
    Future<EmbeddingsOutcome> first = h.gateway.embed(request("r", "1"));
    Future<EmbeddingsOutcome> second = h.gateway.embed(request("r", "2"));
    assertEquals(1, h.backend("a").calls.size());
    assertEquals(1, h.backend("b").calls.size());
    ApiException e = h.embedFails(request("r", "3"));
    assertEquals(429, e.error().httpStatus());
    assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
    assertTrue(h.gateway.ready(), "full is not unready");
    h.backend("a").releasePending();
    h.backend("b").releasePending();
    GatewayHarness.await(first);
    GatewayHarness.await(second);
    h.backend("a").behave(ScriptedBackend::vectors);
    h.backend("b").behave(ScriptedBackend::vectors);
    h.embed(request("r", "4"));
  }

  @Test
  void noReadyTargetIs503(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a"), target("b", "weight: 0"))));
    assertTrue(h.gateway.ready());
    h.backend("a").ready(false);
    assertEquals("b", h.embed(request("r", "x")).target());
    h.backend("b").ready(false);
    assertFalse(h.gateway.ready());
    ApiException e = h.embedFails(request("r", "x"));
    assertEquals(503, e.error().httpStatus());
    assertEquals("no_ready_backend", e.error().code());
  }

  @Test
  void tokenIdsNeedADeclaredTokenizer(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route("text-only", target("a")),
                route(
                    "ids",
                    targetOf(
                        "b", "{name: q, dimensions: 8, max_input_tokens: 64, tokenizer: qwen3}"))));
    List<EmbeddingInput> ids = List.of(new EmbeddingInput.TokenIds(new int[] {1, 2, 3}));
    ApiException e = h.embedFails(request("text-only", null, ids));
    assertEquals(400, e.error().httpStatus());
    assertEquals("input", e.error().param());
    h.embed(request("ids", null, ids));
    assertEquals(ids, h.backend("b").calls.get(0).inputs());
  }

  @Test
  void inputOverTheTokenLimitIs400(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    targetOf(
                        "a", "{name: q, dimensions: 8, max_input_tokens: 64, tokenizer: qwen3}"))));
    ApiException text = h.embedFails(request("r", "short", "x".repeat(400)));
    assertEquals(400, text.error().httpStatus());
    assertEquals("input", text.error().param());
    assertTrue(text.error().message().startsWith("Input 1 "), text.error().message());
    ApiException ids =
        h.embedFails(request("r", null, List.of(new EmbeddingInput.TokenIds(new int[65]))));
    assertEquals(400, ids.error().httpStatus());
    h.embed(request("r", "x".repeat(200)));
    assertEquals(1, h.backend("a").calls.size());
  }

  @Test
  void inProcessTargetsCountTextTokensThemselves(Vertx vertx) {
    harness =
        new GatewayHarness(
                vertx,
                dir,
                config(
                    route(
                        "r",
                        targetOf(
                            "a",
                            "{name: q, dimensions: 8, max_input_tokens: 64, tokenizer: qwen3}"))),
                (target, info) ->
                    new ModelInfo(
                        info.model(), 8, 64, null, "qwen3", BackendKind.IN_PROCESS, "test"))
            .started();
    harness.embed(request("r", "x".repeat(400)));
    assertEquals(
        1, harness.backend("a").calls.size(), "the exact tokenizer decides, not the estimate");
    ApiException ids =
        harness.embedFails(request("r", null, List.of(new EmbeddingInput.TokenIds(new int[65]))));
    assertEquals(400, ids.error().httpStatus(), "token ids are counted exactly anyway");
  }

  @Test
  void mixedRouteOffersOnlyWhatEveryTargetCan(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    lines("allow_mixed_models: true"),
                    target("a"),
                    targetOf(
                        "b",
                        "{name: big, dimensions: 16, max_input_tokens: 32, matryoshka: {min: 4, max: 16}}"))));
    assertEquals(
        400,
        h.embedFails(request("r", 3, List.of(new EmbeddingInput.Text("x")))).error().httpStatus());
    assertEquals(
        400,
        h.embedFails(request("r", 12, List.of(new EmbeddingInput.Text("x")))).error().httpStatus());
    assertEquals(
        6,
        h.embed(request("r", 6, List.of(new EmbeddingInput.Text("x"))))
            .response()
            .vectors()
            .get(0)
            .length);
    assertEquals(32, h.gateway.models().get(0).maxInputTokens());
  }

  @Test
  void dimensionsTruncateAndRenormalise(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route("mrl", target("a")),
                route(
                    "bge", targetOf("b", "{name: bge-m3, dimensions: 8, max_input_tokens: 64}"))));
    EmbeddingInput input = new EmbeddingInput.Text("hello");
    EmbeddingsOutcome outcome = h.embed(request("mrl", 4, List.of(input)));
    float[] full = ScriptedBackend.vectorFor(input, 8);
    assertArrayEquals(Matryoshka.truncate(full, 4), outcome.response().vectors().get(0));
    ApiException below = h.embedFails(request("mrl", 1, List.of(input)));
    assertEquals(400, below.error().httpStatus());
    assertEquals("dimensions", below.error().param());
    assertTrue(below.error().message().contains("between 2 and 8"), below.error().message());
    ApiException none = h.embedFails(request("bge", 8, List.of(input)));
    assertEquals(400, none.error().httpStatus());
    assertEquals("dimensions", none.error().param());
    assertEquals(
        8, h.embed(request("bge", null, List.of(input))).response().vectors().get(0).length);
  }

  @Test
  void defaultDimensionsApplyWhenTheRequestGivesNone(Vertx vertx) {
    GatewayHarness h =
        start(vertx, config(route("r", lines("default_dimensions: 4"), target("a"))));
    assertEquals(4, h.embed(request("r", "x")).response().vectors().get(0).length);
    assertEquals(
        6,
        h.embed(request("r", 6, List.of(new EmbeddingInput.Text("x"))))
            .response()
            .vectors()
            .get(0)
            .length);
  }

  @Test
  void instructionAppliesToQueriesNotDocuments(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    lines("instruction: {task: Find passages, document_aliases: [r-docs]}"),
                    targetOf(
                        "a", "{name: q, dimensions: 8, max_input_tokens: 64, tokenizer: qwen3}"))));
    h.embed(request("r", "hello"));
    h.embed(request("r-docs", "hello"));
    h.embed(request("r", null, List.of(new EmbeddingInput.TokenIds(new int[] {7}))));
    ScriptedBackend a = h.backend("a");
    assertEquals(
        new EmbeddingInput.Text("Instruct: Find passages\nQuery:hello"),
        a.calls.get(0).inputs().get(0));
    assertEquals(new EmbeddingInput.Text("hello"), a.calls.get(1).inputs().get(0));
    assertEquals(new EmbeddingInput.TokenIds(new int[] {7}), a.calls.get(2).inputs().get(0));
  }

  @Test
  void customInstructionTemplate(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    lines("instruction: {task: T, template: \"query: {text} ({task})\"}"),
                    target("a"))));
    h.embed(request("r", "{task} x"));
    assertEquals(
        new EmbeddingInput.Text("query: {task} x (T)"),
        h.backend("a").calls.get(0).inputs().get(0),
        "text is never searched for placeholders");
  }

  @Test
  void splitRequestsAreReassembledInOrder(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a", "max_batch_inputs: 3"))));
    // Later batches answer first, so arrival order is the reverse of input order.
    h.backend("a")
        .behave(
            (backend, batch) -> {
              int first = Integer.parseInt(((EmbeddingInput.Text) batch.inputs().get(0)).text());
              return ScriptedBackend.delayed(vertx, 5 + 40 - first * 4).answer(backend, batch);
            });
    String[] texts = new String[10];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = Integer.toString(i);
    }
    EmbeddingsOutcome outcome = h.embed(request("r", texts));
    assertEquals(List.of(3, 3, 3, 1), h.backend("a").calls.stream().map(c -> c.size()).toList());
    for (int i = 0; i < texts.length; i++) {
      assertArrayEquals(
          ScriptedBackend.vectorFor(new EmbeddingInput.Text(texts[i]), 8),
          outcome.response().vectors().get(i),
          "vector " + i);
    }
  }

  @Test
  void oneFailingBatchFailsTheAttemptOver(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(route("r", target("a", "max_batch_inputs: 2"), target("b", "weight: 0"))));
    h.backend("a")
        .behave(
            (backend, batch) ->
                batch.inputs().get(0).equals(new EmbeddingInput.Text("3"))
                    ? Future.failedFuture(new ApiException(ApiError.upstream("x")))
                    : ScriptedBackend.vectors(backend, batch));
    EmbeddingsOutcome outcome = h.embed(request("r", "1", "2", "3", "4"));
    assertEquals("b", outcome.target());
    assertEquals(4, outcome.response().vectors().size());
  }

  @Test
  void wrongShapedAnswerIs502(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a"))));
    h.backend("a")
        .behave(
            (backend, batch) ->
                Future.succeededFuture(new EmbeddingResult(List.of(new float[3]), 1)));
    ApiException e = h.embedFails(request("r", "x"));
    assertEquals(502, e.error().httpStatus());
  }

  @Test
  void nonApiFailureIs500WithoutDetail(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a"))));
    h.backend("a")
        .behave(
            (backend, batch) -> {
              throw new IllegalStateException("secret internals");
            });
    ApiException e = h.embedFails(request("r", "x"));
    assertEquals(500, e.error().httpStatus());
    assertFalse(e.error().message().contains("secret"));
  }

  @Test
  void listsModels(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route("r", lines("aliases: [r1]", "owned_by: acme"), target("a")),
                route("s", targetOf("b", "{name: s, dimensions: 16, max_input_tokens: 512}"))));
    List<ModelListing> models = h.gateway.models();
    assertEquals(2, models.size());
    ModelListing r = models.get(0);
    assertEquals("r", r.id());
    assertEquals(List.of("r1"), r.aliases());
    assertEquals("acme", r.ownedBy());
    assertEquals(8, r.dimensions());
    assertEquals(64, r.maxInputTokens());
    assertEquals(BackendKind.REMOTE, r.kind());
    assertTrue(r.created() > 1_700_000_000L);
    assertEquals(16, models.get(1).dimensions());
    assertEquals("embedbench", models.get(1).ownedBy());
  }

  @Test
  void startRejectsABackendServingAnotherModel(Vertx vertx) {
    // Only target b is changed: its backend claims a different model.
    GatewayHarness other =
        new GatewayHarness(
            vertx,
            dir,
            config(route("r", target("a"), target("b"))),
            (target, info) ->
                target.equals("b")
                    ? new ModelInfo("other", 8, 64, null, null, info.kind(), info.source())
                    : info);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                other
                    .startFuture
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS));
    ConfigException config = (ConfigException) e.getCause();
    assertEquals("routes[0].targets[1]", config.key());
    assertTrue(config.reason().contains("other"), config.reason());
    assertTrue(other.backend("a").closed(), "what started is closed again");
    assertNull(other.registry.find("embedbench.upstream.latency").timer());
  }

  @Test
  void emulatedVectorsAreASpaceOfTheirOwn(Vertx vertx) {
    GatewayHarness mixed =
        new GatewayHarness(
            vertx,
            dir,
            config(route("r", target("a"), target("b"))),
            (target, info) ->
                target.equals("b")
                    ? new ModelInfo(
                        info.model(),
                        8,
                        64,
                        info.matryoshka(),
                        null,
                        BackendKind.EMULATED,
                        "emulated: test")
                    : info);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                mixed
                    .startFuture
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS));
    assertTrue(
        ((ConfigException) e.getCause()).reason().contains("emulated:m"),
        e.getCause().getMessage());
  }

  @Test
  void startFailureNamesTheTarget(Vertx vertx) throws Exception {
    Files.writeString(dir.resolve("g.yaml"), config(route("r", target("a"))));
    GatewayConfig config = GatewayConfig.load(dir.resolve("g.yaml"));
    Future<Gateway> start =
        Gateway.start(
            vertx,
            config,
            new SimpleMeterRegistry(),
            GatewayOptions.defaults()
                .withBackends(
                    (v, t) -> Future.failedFuture(new IllegalStateException("port in use"))));
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> start.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
    ConfigException ce = (ConfigException) e.getCause();
    assertEquals("routes[0].targets[0]", ce.key());
    assertTrue(ce.reason().contains("'a' could not start: port in use"), ce.reason());
  }

  @Test
  void closeClosesBackendsAndRemovesMeters(Vertx vertx) {
    GatewayHarness h = start(vertx, config(route("r", target("a"))));
    h.embed(request("r", "x"));
    assertTrue(h.registry.find("embedbench.target.inflight").gauge() != null);
    GatewayHarness.await(h.gateway.close());
    harness = null;
    assertTrue(h.backend("a").closed());
    assertNull(h.registry.find("embedbench.target.inflight").gauge());
    assertNull(h.registry.find("embedbench.circuit.state").gauge());
  }

  @Test
  void concurrentRequestsFromManyEventLoops(Vertx vertx) {
    GatewayHarness h =
        start(
            vertx,
            config(
                route(
                    "r",
                    target("a", "max_concurrency: 10000"),
                    target("b", "max_concurrency: 10000"))));
    h.backend("a").behave(ScriptedBackend.delayed(vertx, 1));
    h.backend("b").behave(ScriptedBackend.delayed(vertx, 1));
    List<Future<EmbeddingsOutcome>> all = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Promise<EmbeddingsOutcome> p = Promise.promise();
      int n = i;
      vertx.runOnContext(v -> h.gateway.embed(request("r", "t" + n)).onComplete(p));
      all.add(p.future());
    }
    GatewayHarness.await(Future.all(all));
    assertEquals(400, h.backend("a").calls.size() + h.backend("b").calls.size());
    assertEquals(0.0, h.gauge("embedbench.target.inflight", "target", "a"));
    assertEquals(0.0, h.gauge("embedbench.target.inflight", "target", "b"));
  }
}
