/**
 * The gateway's YAML configuration: immutable records and the loader that validates them.
 *
 * <p>Loading reads a file and so blocks: call {@link
 * dev.embedbench.gateway.config.GatewayConfig#load} from {@code main} or a worker thread, never
 * from an event loop. Every rule broken is reported as a {@link
 * dev.embedbench.config.ConfigException} naming the file, the key path and the reason. The records
 * are immutable and safe to share between threads.
 */
package dev.embedbench.gateway.config;
