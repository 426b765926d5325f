package dev.embedbench.gateway.routing;

import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.gateway.config.RouteConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * A route at run time: its targets, how one is chosen and how failures fail over within the retry
 * budget.
 */
final class Route {

  /** Sent with 429 when every target is at its concurrency limit. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final RouteConfig config;
  private final List<Target> targets;
  private final TargetSelector selector;
  private final RetryBudget budget;
  private final RandomGenerator random;
  private final RouteModel model;
  private final RequestValidator validator;

  Route(RouteConfig config, List<Target> targets, RandomGenerator random, LongSupplier nanoClock) {
    this.config = config;
    this.targets = List.copyOf(targets);
    this.selector =
        new TargetSelector(targets.stream().mapToInt(t -> t.config().weight()).toArray());
    this.budget = new RetryBudget(config.retry(), nanoClock);
    this.random = random;
    this.model = RouteModel.of(targets.stream().map(Target::info).toList());
    this.validator =
        new RequestValidator(
            config.name(), model, config.defaultDimensions(), config.instruction());
  }

  String name() {
    return config.name();
  }

  RouteConfig config() {
    return config;
  }

  RouteModel model() {
    return model;
  }

  List<Target> targets() {
    return targets;
  }

  /** Whether some target could serve now (ready, circuit not open), full or not. */
  boolean ready() {
    for (Target target : targets) {
      if (target.serviceable()) {
        return true;
      }
    }
    return false;
  }

  PreparedRequest prepare(EmbeddingsRequest request, boolean withInstruction) {
    return validator.prepare(request, withInstruction);
  }

  /**
   * Sends the request to a target, failing over while attempts and the retry budget last.
   *
   * @param failover false for shadow traffic: one attempt, no budget spent
   */
  Future<Target.Answer> dispatch(PreparedRequest request, boolean failover) {
    return dispatch(request, failover, Promise.<Void>promise().future());
  }

  /**
   * @param abandoned completes when nobody waits for the answer any more: the attempt in progress
   *     is cancelled and no other is started
   */
  Future<Target.Answer> dispatch(
      PreparedRequest request, boolean failover, Future<Void> abandoned) {
    if (failover) {
      budget.recordRequest();
    }
    Promise<Target.Answer> result = Promise.promise();
    attempt(
        request,
        failover ? config.retry().maxAttempts() : 1,
        new boolean[targets.size()],
        null,
        abandoned,
        result);
    return result.future();
  }

  private void attempt(
      PreparedRequest request,
      int attemptsLeft,
      boolean[] tried,
      ApiException lastFailure,
      Future<Void> abandoned,
      Promise<Target.Answer> result) {
    Target target = acquire(tried, lastFailure == null);
    if (target == null) {
      result.fail(lastFailure != null ? lastFailure : noTarget());
      return;
    }
    if (lastFailure != null && !budget.tryRetry()) {
      target.release();
      result.fail(lastFailure);
      return;
    }
    target
        .call(request.inputs(), abandoned)
        .onComplete(
            done -> {
              if (done.succeeded()) {
                result.complete(done.result());
                return;
              }
              ApiException failure = (ApiException) done.cause();
              if (attemptsLeft > 1
                  && AttemptOutcome.of(failure).failover()
                  && !abandoned.isComplete()) {
                attempt(request, attemptsLeft - 1, tried, failure, abandoned, result);
              } else {
                result.fail(failure);
              }
            });
  }

  /** Picks and acquires an untried available target, marking it tried; null when none is left. */
  private Target acquire(boolean[] tried, boolean first) {
    while (true) {
      int i =
          first
              ? selector.pickFirst(t -> !tried[t] && available(t), random)
              : selector.nextInOrder(t -> !tried[t] && available(t));
      if (i < 0) {
        return null;
      }
      tried[i] = true;
      if (targets.get(i).tryAcquire()) {
        return targets.get(i);
      }
    }
  }

  private boolean available(int i) {
    return targets.get(i).availability() == Target.Availability.AVAILABLE;
  }

  /** 429 when some target could serve but is full; 503 when none is ready. */
  private ApiException noTarget() {
    for (Target target : targets) {
      if (target.serviceable()) {
        return new ApiException(
            ApiError.overloaded(
                "All targets of model '"
                    + config.name()
                    + "' are at their concurrency limit; retry later."),
            RETRY_AFTER);
      }
    }
    return new ApiException(
        ApiError.unavailable("No ready backend for model '" + config.name() + "'."), RETRY_AFTER);
  }
}
