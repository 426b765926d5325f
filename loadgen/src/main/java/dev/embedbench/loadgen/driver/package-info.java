/**
 * Drivers: open-loop (schedule-driven) and closed-loop (fixed concurrency) dispatch to a {@link
 * dev.embedbench.loadgen.driver.Sender} per event loop: {@link
 * dev.embedbench.loadgen.driver.Http1Sender} over the lean client's pool, or {@link
 * dev.embedbench.loadgen.driver.RequestSender} over a Vert.x {@code HttpClient}, each holding the
 * loop's share of {@code --connections}.
 *
 * <p>Each driver of a {@link dev.embedbench.loadgen.driver.LoopGroup} runs on its own {@link
 * dev.embedbench.loadgen.driver.DispatchLoop} and owns its connections, so its responses are read
 * and validated on its thread. Nothing here blocks: recording goes to wait-free recorders shared by
 * the loops.
 */
package dev.embedbench.loadgen.driver;
