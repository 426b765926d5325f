package dev.embedbench.gateway.http;

import io.vertx.ext.web.RoutingContext;

/**
 * What one request turned out to be, filled in by the handlers as they learn it and read once when
 * the response ends (metrics, access log). Touched only by the request's event loop.
 */
final class RequestFacts {

  static final String NONE = "none";
  private static final String KEY = RequestFacts.class.getName();

  private final long startNanos;
  private String model = NONE;
  private String target = NONE;
  private String kind = NONE;
  private int inputs;
  private int promptTokens;

  private RequestFacts(long startNanos) {
    this.startNanos = startNanos;
  }

  static RequestFacts start(RoutingContext ctx) {
    RequestFacts facts = new RequestFacts(System.nanoTime());
    ctx.put(KEY, facts);
    return facts;
  }

  /**
   * The facts of this request; a fresh empty set when the observer did not run (never in practice).
   */
  static RequestFacts of(RoutingContext ctx) {
    RequestFacts facts = ctx.get(KEY);
    return facts != null ? facts : start(ctx);
  }

  long startNanos() {
    return startNanos;
  }

  /** The model or route name: a bounded set of values, safe as a metric tag. */
  String model() {
    return model;
  }

  String target() {
    return target;
  }

  String kind() {
    return kind;
  }

  int inputs() {
    return inputs;
  }

  int promptTokens() {
    return promptTokens;
  }

  void model(String model) {
    this.model = model;
  }

  void inputs(int inputs) {
    this.inputs = inputs;
  }

  void served(String route, String target, String kind, int inputs, int promptTokens) {
    this.model = route;
    this.target = target;
    this.kind = kind;
    this.inputs = inputs;
    this.promptTokens = promptTokens;
  }
}
