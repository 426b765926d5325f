package dev.embedbench.results;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sweep's answer, {@code sweep.json}'s {@code capacity}: the highest request rate that met the
 * SLO.
 *
 * @param requestsPerS the median over the searches (one search unless {@code --repeat})
 * @param minRequestsPerS the lowest search's figure
 * @param maxRequestsPerS the highest search's figure
 * @param repeats how many searches were made
 * @param bracket {@link Bracket#BRACKETED} when every search had a failing step above its figure
 * @param upperBracketRequestsPerS the median over the searches of the lowest failing rate above
 *     each; null for a lower bound
 * @param saturationRequestsPerS what the closed-loop probe completed per second (the first rate
 *     tried); null when the probe was not usable
 * @param searchesRequestsPerS each search's figure, in the order they ran
 * @param meanTokensPerInput tokens per input of the workload the capacity was measured at
 * @param inputsPerRequest texts per request of that workload
 * @param tokenCount how the tokens were counted: {@code exact} or {@code estimated}
 */
public record Capacity(
    double requestsPerS,
    double minRequestsPerS,
    double maxRequestsPerS,
    int repeats,
    Bracket bracket,
    Double upperBracketRequestsPerS,
    Double saturationRequestsPerS,
    List<Double> searchesRequestsPerS,
    double meanTokensPerInput,
    int inputsPerRequest,
    String tokenCount) {

  public Capacity {
    Objects.requireNonNull(bracket, "bracket");
    searchesRequestsPerS =
        searchesRequestsPerS == null ? List.of() : List.copyOf(searchesRequestsPerS);
    if (!(requestsPerS > 0)) {
      throw new IllegalArgumentException(
          "capacity requests_per_s must be > 0, got " + requestsPerS);
    }
    if (!(minRequestsPerS <= requestsPerS && requestsPerS <= maxRequestsPerS)) {
      throw new IllegalArgumentException(
          "capacity requests_per_s "
              + requestsPerS
              + " must lie in [min, max] = ["
              + minRequestsPerS
              + ", "
              + maxRequestsPerS
              + "]");
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("capacity repeats must be >= 1, got " + repeats);
    }
    if ((bracket == Bracket.BRACKETED) != (upperBracketRequestsPerS != null)) {
      throw new IllegalArgumentException(
          "upper_bracket_requests_per_s is given exactly when the capacity is bracketed");
    }
  }

  /** The median of the searches' figures (the mean of the middle two for an even count). */
  public static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public boolean lowerBound() {
    return bracket == Bracket.LOWER_BOUND;
  }

  /**
   * The capacity as every console line writes it: {@code ≥ X req/s} for a lower bound, else {@code
   * X req/s} with the bracket above it and, for repeats, the range.
   */
  public String label() {
    StringBuilder out = new StringBuilder();
    out.append(lowerBound() ? "≥ " : "").append(rate(requestsPerS)).append(" req/s");
    if (repeats > 1) {
      out.append(
          String.format(
              Locale.ROOT,
              " (median of %d: %s–%s)",
              repeats,
              rate(minRequestsPerS),
              rate(maxRequestsPerS)));
    }
    if (lowerBound()) {
      out.append(", a lower bound: no valid step above it failed");
    } else {
      out.append(", bracketed below ").append(rate(upperBracketRequestsPerS)).append(" req/s");
    }
    out.append(
        String.format(
            Locale.ROOT, ", at %s tokens per input (%s)", rate(meanTokensPerInput), tokenCount));
    return out.toString();
  }

  static String rate(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
