/**
 * The gateway's YAML configuration: immutable records and the loader that validates them. The
 * loader reads what is the gateway's (server, routes, weights, breakers, retries, shadows, names)
 * and hands each target's section to the backends module's provider for its {@code type}, which
 * reads and checks the rest ({@code dev.embedbench.backends.spi.BackendProvider}).
 *
 * <p>Loading reads a file and so blocks: call {@link
 * dev.embedbench.gateway.config.GatewayConfig#load} from {@code main} or a worker thread, never
 * from an event loop. Every rule broken is reported as a {@link
 * dev.embedbench.config.ConfigException} naming the file, the key path and the reason. The records
 * are immutable and safe to share between threads.
 */
package dev.embedbench.gateway.config;
