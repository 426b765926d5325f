/**
 * Drivers: open-loop (schedule-driven) and closed-loop (fixed concurrency) dispatch over Vert.x
 * {@code HttpClient}s, one per event loop, whose pools hold the loop's share of {@code
 * --connections}.
 *
 * <p>Each driver of a {@link dev.embedbench.loadgen.driver.LoopGroup} runs on its own event-loop
 * context and owns its connections, so its responses are read and validated on its thread. Nothing
 * here blocks: recording goes to wait-free recorders shared by the loops.
 */
package dev.embedbench.loadgen.driver;
