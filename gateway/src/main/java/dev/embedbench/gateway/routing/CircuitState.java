package dev.embedbench.gateway.routing;

/**
 * A circuit breaker's state; {@link #gaugeValue} is what {@code embedbench.circuit.state} shows.
 */
public enum CircuitState {
  /** Calls flow. */
  CLOSED(0),
  /** One probe call is allowed; its result closes or reopens the circuit. */
  HALF_OPEN(1),
  /** No calls until the cool-down ends. */
  OPEN(2);

  private final int gaugeValue;

  CircuitState(int gaugeValue) {
    this.gaugeValue = gaugeValue;
  }

  public int gaugeValue() {
    return gaugeValue;
  }
}
