/**
 * An OpenAI-compatible embeddings server that behaves like a GPU model server under load, from a
 * latency profile: queueing for parallel slots or token-budget batches, service times drawn from a
 * distribution, injected failures, and deterministic unit vectors. It stands in for hardware this
 * machine lacks and labels itself emulated everywhere (model info, {@code /v1/models}, a response
 * header), so that no emulated figure passes for a measurement.
 *
 * <p>Threads: each server is one verticle; its HTTP handlers, scheduler and timers all run on that
 * verticle's event-loop context, so its state needs no locks. Service time is a timer, never a
 * sleep. Profiles are read from YAML on the caller's thread before the server starts.
 */
package dev.embedbench.backends.emulated;
