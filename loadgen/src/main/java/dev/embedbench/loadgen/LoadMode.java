package dev.embedbench.loadgen;

import java.util.Locale;

/**
 * Open loop: requests on a schedule, whatever the server does. Closed loop: a fixed concurrency.
 */
public enum LoadMode {
  OPEN,
  CLOSED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
