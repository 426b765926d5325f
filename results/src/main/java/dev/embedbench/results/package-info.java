/**
 * Result files: the run directory's layout, {@code summary.json}'s schema, the environment record.
 *
 * <p>Written by the thread that runs the load (the CLI's main thread or a sweep), after the drivers
 * stopped; never on an event loop.
 */
package dev.embedbench.results;
