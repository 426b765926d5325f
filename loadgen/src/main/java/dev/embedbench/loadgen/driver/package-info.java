/**
 * Drivers: open-loop (schedule-driven) and closed-loop (fixed concurrency) dispatch over a Vert.x
 * {@code HttpClient} whose pool holds at most {@code --connections} connections.
 *
 * <p>Dispatch runs on one event-loop context; responses are read and validated on whichever event
 * loop owns their connection. Nothing here blocks: recording goes to wait-free recorders.
 */
package dev.embedbench.loadgen.driver;
