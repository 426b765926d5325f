/**
 * How a kind of backend plugs in: a {@link dev.embedbench.backends.spi.BackendProvider} per target
 * {@code type} reads its own YAML keys at load and builds its backend at start; {@link
 * dev.embedbench.backends.spi.BackendProviders} finds them by type.
 *
 * <p>Threads: {@code read} runs where the configuration is loaded (a blocking caller, never an
 * event loop); {@code start} runs on the event loop that starts the gateway and moves blocking work
 * to workers.
 */
package dev.embedbench.backends.spi;
