/**
 * Open-loop arrival schedules: pure functions from a request's index to its intended send time.
 *
 * <p>Each sequence is owned by the one event-loop thread that dispatches the run's requests; none
 * depends on responses, so a slow server can never slide the schedule (no coordinated omission).
 */
package dev.embedbench.loadgen.schedule;
