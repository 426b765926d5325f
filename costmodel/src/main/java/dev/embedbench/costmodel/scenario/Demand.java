package dev.embedbench.costmodel.scenario;

import dev.embedbench.costmodel.catalog.SourceNote;
import java.util.List;
import java.util.Objects;

/**
 * The traffic to serve.
 *
 * @param requestsPerDay embedding requests per day
 * @param hourlyShares the share of a day's requests in each UTC hour (24 values summing to 1), or a
 *     flat profile stretched by {@code peakToAverage} when only that was given
 * @param peakToAverage the busiest hour's rate over the day's mean rate (>= 1)
 * @param inputsPerRequest texts per request (the {@code input} array's length)
 * @param tokensPerInput mean tokens per text
 * @param source where these figures come from
 */
public record Demand(
    double requestsPerDay,
    List<Double> hourlyShares,
    double peakToAverage,
    double inputsPerRequest,
    int tokensPerInput,
    SourceNote source) {

  public static final int HOURS_PER_DAY = 24;
  public static final double SECONDS_PER_DAY = 86_400;

  public Demand {
    Objects.requireNonNull(source, "source");
    if (!(requestsPerDay > 0) || !Double.isFinite(requestsPerDay)) {
      throw new IllegalArgumentException("requestsPerDay must be > 0, was " + requestsPerDay);
    }
    if (!(peakToAverage >= 1) || !Double.isFinite(peakToAverage)) {
      throw new IllegalArgumentException("peakToAverage must be >= 1, was " + peakToAverage);
    }
    if (!(inputsPerRequest > 0)) {
      throw new IllegalArgumentException("inputsPerRequest must be > 0, was " + inputsPerRequest);
    }
    if (tokensPerInput < 1) {
      throw new IllegalArgumentException("tokensPerInput must be >= 1, was " + tokensPerInput);
    }
    if (hourlyShares != null) {
      hourlyShares = List.copyOf(hourlyShares);
      if (hourlyShares.size() != HOURS_PER_DAY) {
        throw new IllegalArgumentException(
            "hourlyProfile must have 24 values, had " + hourlyShares.size());
      }
      double sum = hourlyShares.stream().mapToDouble(Double::doubleValue).sum();
      if (hourlyShares.stream().anyMatch(s -> s < 0) || Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException(
            "hourly shares must be >= 0 and sum to 1, summed to " + sum);
      }
      double max = hourlyShares.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      if (Math.abs(max * HOURS_PER_DAY - peakToAverage) > 1e-9) {
        throw new IllegalArgumentException(
            "peakToAverage must equal the profile's peak share × 24 ("
                + max * HOURS_PER_DAY
                + "), was "
                + peakToAverage);
      }
    }
  }

  /** A demand with a flat day whose busiest hour runs at {@code peakToAverage} × the mean. */
  public static Demand withPeakFactor(
      double requestsPerDay,
      double peakToAverage,
      double inputsPerRequest,
      int tokensPerInput,
      SourceNote source) {
    return new Demand(
        requestsPerDay, null, peakToAverage, inputsPerRequest, tokensPerInput, source);
  }

  /** A demand shaped by 24 hourly weights (any non-negative scale; normalised to shares here). */
  public static Demand withHourlyProfile(
      double requestsPerDay,
      List<Double> hourlyWeights,
      double inputsPerRequest,
      int tokensPerInput,
      SourceNote source) {
    if (hourlyWeights.size() != HOURS_PER_DAY) {
      throw new IllegalArgumentException(
          "hourlyProfile must have 24 values, had " + hourlyWeights.size());
    }
    double sum = hourlyWeights.stream().mapToDouble(Double::doubleValue).sum();
    if (!(sum > 0) || hourlyWeights.stream().anyMatch(w -> w < 0)) {
      throw new IllegalArgumentException("hourlyProfile values must be >= 0 with a positive sum");
    }
    List<Double> shares = hourlyWeights.stream().map(w -> w / sum).toList();
    double peak =
        shares.stream().mapToDouble(Double::doubleValue).max().orElseThrow() * HOURS_PER_DAY;
    return new Demand(requestsPerDay, shares, peak, inputsPerRequest, tokensPerInput, source);
  }

  public double averageRequestsPerSec() {
    return requestsPerDay / SECONDS_PER_DAY;
  }

  public double peakRequestsPerSec() {
    return averageRequestsPerSec() * peakToAverage;
  }

  /**
   * The mean request rate during UTC hour {@code hour}; flat at the mean when no profile was given.
   */
  public double requestsPerSecInHour(int hour) {
    if (hour < 0 || hour >= HOURS_PER_DAY) {
      throw new IllegalArgumentException("hour must be in 0..23, was " + hour);
    }
    return hourlyShares == null
        ? averageRequestsPerSec()
        : requestsPerDay * hourlyShares.get(hour) / 3600.0;
  }

  public boolean hasHourlyProfile() {
    return hourlyShares != null;
  }

  public double tokensPerRequest() {
    return inputsPerRequest * tokensPerInput;
  }

  public double tokensPerDay() {
    return requestsPerDay * tokensPerRequest();
  }

  public Demand scaled(double volumeFactor, double peakFactorMultiplier) {
    if (hourlyShares != null && peakFactorMultiplier != 1) {
      throw new IllegalArgumentException("peakToAverage of an hourly profile cannot be scaled");
    }
    return new Demand(
        requestsPerDay * volumeFactor,
        hourlyShares,
        Math.max(1, peakToAverage * peakFactorMultiplier),
        inputsPerRequest,
        tokensPerInput,
        source);
  }
}
