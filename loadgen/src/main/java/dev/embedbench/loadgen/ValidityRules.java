package dev.embedbench.loadgen;

import dev.embedbench.loadgen.record.Counts;
import dev.embedbench.loadgen.schedule.ArrivalProcess;
import dev.embedbench.results.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a run's figures describe the server rather than the generator: an open loop must have sent
 * every scheduled request, close to its intended time, at its target rate. A closed loop has no
 * schedule to keep, so it is always valid.
 */
final class ValidityRules {

  private ValidityRules() {}

  /** The rules, applied to the measured window; each broken rule is one reason. */
  static List<String> invalidReasons(
      LoadConfig config, Counts measured, double achievedRate, Percentiles scheduleLag) {
    List<String> reasons = new ArrayList<>();
    if (!(config.mode() instanceof OpenLoop open)) {
      return reasons;
    }
    if (measured.notSent() > 0) {
      reasons.add(
          measured.notSent()
              + " scheduled requests were not sent (over "
              + open.maxOutstanding()
              + " outstanding)");
    }
    double budgetMillis = open.maxLagP99().toNanos() / 1e6;
    if (scheduleLag.p99() > budgetMillis) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "schedule lag p99 %.3f ms is over the %.3f ms budget: the generator could not keep the schedule",
              scheduleLag.p99(),
              budgetMillis));
    }
    // One request of rounding is allowed: a 12 s window at 0.6/s holds 7 fire times, not 7.2.
    double allowingOneMore = achievedRate * (measured.sent() + 1) / Math.max(1, measured.sent());
    if (open.arrival() == ArrivalProcess.CONSTANT
        && allowingOneMore < 0.99 * open.ratePerSecond()) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "achieved rate %.2f/s is under 99%% of the target %.2f/s",
              achievedRate,
              open.ratePerSecond()));
    }
    return reasons;
  }
}
