package dev.embedbench.loadgen.record;

import dev.embedbench.results.LatencyHistograms;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * Where the drivers record every request. Latencies of the measured phase go to three {@link
 * PerThreadRecorder}s (each event loop writes its own HdrHistogram without waiting; the reporter
 * swaps the interval histograms out and adds them up), counts to lock-free counters, each phase
 * apart. All values are nanoseconds.
 *
 * <ul>
 *   <li>response time: from the intended send time to the end of the response (corrected for
 *       coordinated omission, as wrk2 does);
 *   <li>service time: from the actual send (a connection obtained, the request written) to the end;
 *   <li>schedule lag: actual dispatch minus intended send time, the generator's own lateness.
 * </ul>
 *
 * Latencies are recorded for successful requests only; failures are counted by class.
 */
public final class RunRecorder {

  /** Values above this are clamped (and the clamp is visible as a max at this value). */
  public static final long HIGHEST_TRACKABLE_NANOS = LatencyHistograms.HIGHEST_TRACKABLE_NANOS;

  public static final int SIGNIFICANT_DIGITS = LatencyHistograms.SIGNIFICANT_DIGITS;

  private final PerThreadRecorder responseTime = new PerThreadRecorder();
  private final PerThreadRecorder serviceTime = new PerThreadRecorder();
  private final PerThreadRecorder scheduleLag = new PerThreadRecorder();
  private final OutcomeCounters warmup = new OutcomeCounters();
  private final OutcomeCounters measured = new OutcomeCounters();
  private final ConcurrentHashMap<String, String> failureSamples = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public static Histogram newHistogram() {
    return LatencyHistograms.newHistogram();
  }

  private OutcomeCounters counters(Phase phase) {
    return phase == Phase.MEASURE ? measured : warmup;
  }

  /** The schedule reached a request that the generator will not send (too many outstanding). */
  public void notSent(Phase phase) {
    if (!closed) {
      counters(phase).notSent.increment();
    }
  }

  /** An open-loop request dispatched {@code lagNanos} after its intended send time. */
  public void sent(Phase phase, long lagNanos) {
    if (closed) {
      return;
    }
    counters(phase).sent.increment();
    if (phase == Phase.MEASURE) {
      scheduleLag.recordValue(clamp(lagNanos));
    }
  }

  /**
   * A closed-loop request: sent when its predecessor ended, so there is no schedule to lag behind.
   */
  public void sentUnscheduled(Phase phase) {
    if (!closed) {
      counters(phase).sent.increment();
    }
  }

  public void ok(
      Phase phase, long intendedNanos, long sendNanos, long endNanos, int inputs, int tokens) {
    if (closed) {
      return;
    }
    OutcomeCounters counters = counters(phase);
    if (phase == Phase.MEASURE) {
      responseTime.recordValue(clamp(endNanos - intendedNanos));
      serviceTime.recordValue(clamp(endNanos - sendNanos));
    }
    counters.inputsOk.add(inputs);
    counters.tokensOk.add(tokens);
    counters.ok.increment();
  }

  /**
   * @param detail what went wrong, kept for the first failure of each class only
   */
  public void failed(Phase phase, String failureClass, String detail) {
    if (!closed) {
      counters(phase).fail(failureClass);
      if (failureSamples.size() < 64) {
        failureSamples.putIfAbsent(failureClass, detail);
      }
    }
  }

  /**
   * The first failure's detail for each class seen, so that results say why, not just how often.
   */
  public Map<String, String> failureSamples() {
    return new TreeMap<>(failureSamples);
  }

  /** Stops recording: outcomes that arrive later (requests abandoned at the end) are ignored. */
  public void close() {
    closed = true;
  }

  public Counts counts(Phase phase) {
    return counters(phase).snapshot();
  }

  PerThreadRecorder responseTime() {
    return responseTime;
  }

  PerThreadRecorder serviceTime() {
    return serviceTime;
  }

  PerThreadRecorder scheduleLag() {
    return scheduleLag;
  }

  private static long clamp(long nanos) {
    return Math.max(0, Math.min(nanos, HIGHEST_TRACKABLE_NANOS));
  }
}
