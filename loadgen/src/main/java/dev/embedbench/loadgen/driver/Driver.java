package dev.embedbench.loadgen.driver;

import java.util.concurrent.CompletableFuture;

/** Dispatches a run's requests until its bounds are reached or it is stopped. */
public interface Driver {

  /**
   * Starts dispatching. The future completes once no further request will be dispatched, with the
   * end of the send window as an offset from the run's start: the schedule's end, the time the next
   * request was due when a request bound was reached, or the time of the stop.
   */
  CompletableFuture<Long> start();

  /** Stops dispatching as soon as possible; requests in flight go on. Any thread. */
  void stop();

  /** Requests dispatched and not yet finished. */
  long outstanding();
}
