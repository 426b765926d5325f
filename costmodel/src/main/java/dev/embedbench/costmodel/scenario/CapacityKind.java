package dev.embedbench.costmodel.scenario;

/**
 * How a replica's capacity was obtained; {@link #measured()} separates measurements from
 * statements, {@link #label()} names the route within each.
 */
public enum CapacityKind {
  /** The highest rate that met the SLO in a load-generator sweep ({@code sweep.json}). */
  MEASURED_SWEEP("sweep", true),
  /** The achieved rate of one load-generator run that met its SLO ({@code summary.json}). */
  MEASURED_RUN("run", true),
  /** A stated throughput (requests or inputs per second per replica). */
  STATED_THROUGHPUT("throughput", false),
  /**
   * A stated mean latency at a stated concurrency, turned into a rate by Little's law (rate = N /
   * W).
   */
  STATED_LATENCY("latency", false),
  /**
   * A stated cost per request at the deployment's price: rate = price per second / cost per
   * request.
   */
  STATED_COST_PER_REQUEST("cost per request", false);

  private final String label;
  private final boolean measured;

  CapacityKind(String label, boolean measured) {
    this.label = label;
    this.measured = measured;
  }

  public String label() {
    return label;
  }

  public boolean measured() {
    return measured;
  }
}
