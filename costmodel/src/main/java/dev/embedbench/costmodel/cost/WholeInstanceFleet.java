package dev.embedbench.costmodel.cost;

import dev.embedbench.costmodel.scenario.Capacity;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.Policy;
import dev.embedbench.costmodel.scenario.Scaling;

/**
 * The whole instances a demand needs. A replica is planned to carry {@code capacity ×
 * targetUtilisation} requests/s; replicas in an hour = {@code max(minReplicas, ceil(rate /
 * planned))}. A fixed fleet runs the peak hour's replicas all day; an hourly fleet follows the
 * profile.
 *
 * @param peakReplicas replicas in the busiest hour
 * @param gpuHoursPerDay replicas summed over the day's hours
 */
record WholeInstanceFleet(int peakReplicas, double gpuHoursPerDay) {

  static final double DAYS_PER_YEAR = 365;

  static WholeInstanceFleet of(Capacity capacity, Demand demand, Policy policy) {
    double planned = capacity.requestsPerSecPerReplica() * policy.targetUtilisation();
    if (policy.scaling() == Scaling.FIXED) {
      int replicas = replicas(demand.peakRequestsPerSec(), planned, policy.minReplicas());
      return new WholeInstanceFleet(replicas, replicas * (double) Demand.HOURS_PER_DAY);
    }
    int peak = 0;
    double gpuHours = 0;
    for (int h = 0; h < Demand.HOURS_PER_DAY; h++) {
      int replicas = replicas(demand.requestsPerSecInHour(h), planned, policy.minReplicas());
      peak = Math.max(peak, replicas);
      gpuHours += replicas;
    }
    return new WholeInstanceFleet(peak, gpuHours);
  }

  /**
   * {@code max(minReplicas, ceil(rate / planned))}, forgiving float noise just above a whole
   * number.
   */
  static int replicas(double requestsPerSec, double plannedPerReplica, int minReplicas) {
    double needed = requestsPerSec / plannedPerReplica;
    return Math.max(minReplicas, (int) Math.ceil(needed - 1e-9));
  }

  /** Dollars a year at this price per GPU-hour; a year is 365 days. */
  double usdPerYear(double pricePerGpuHourUsd) {
    return gpuHoursPerDay * pricePerGpuHourUsd * DAYS_PER_YEAR;
  }
}
