/**
 * The load generator's run directory as records, read once and merged once: {@link
 * dev.embedbench.results.RunSummary} ({@code summary.json}), {@link
 * dev.embedbench.results.SweepResult} ({@code sweep.json}, with its {@link
 * dev.embedbench.results.Capacity}), the one {@link dev.embedbench.results.Slo} and {@link
 * dev.embedbench.results.TargetKind} of every module, {@link dev.embedbench.results.ResultReader}
 * and {@link dev.embedbench.results.RunMerger}. Depends on no other embedbench module, so the load
 * generator, the cost model, the reports and the CLI share one definition.
 *
 * <p>Written by the thread that runs the load (the CLI's main thread or a sweep), after the drivers
 * stopped; read and merged on the caller's thread with blocking file I/O; never on an event loop.
 */
package dev.embedbench.results;
