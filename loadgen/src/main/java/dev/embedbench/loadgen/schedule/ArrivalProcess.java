package dev.embedbench.loadgen.schedule;

import java.util.Locale;

/** The open-loop arrival processes, as named on the command line ({@code --arrival}). */
public enum ArrivalProcess {
  CONSTANT,
  POISSON;

  public FireTimeSequence sequence(double ratePerSecond, long seed) {
    return this == CONSTANT
        ? new ConstantRateSequence(ratePerSecond)
        : new PoissonSequence(ratePerSecond, seed);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ArrivalProcess parse(String text) {
    for (ArrivalProcess process : values()) {
      if (process.label().equalsIgnoreCase(text.trim())) {
        return process;
      }
    }
    throw new IllegalArgumentException(
        "arrival must be 'constant' or 'poisson', got '" + text + "'");
  }
}
