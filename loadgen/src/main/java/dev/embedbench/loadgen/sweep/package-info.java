/**
 * SLO sweeps: one load run per rate, on the calling thread, until the highest rate that meets the
 * SLO is bracketed. The interval listener that stops an over-saturated step runs on the reporter
 * thread and only calls {@code LoadRun.stop}, which any thread may call.
 */
package dev.embedbench.loadgen.sweep;
