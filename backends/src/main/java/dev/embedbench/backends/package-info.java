/**
 * The backend SPI: what the gateway asks of any embedding backend, whatever it runs on.
 *
 * <p>{@link dev.embedbench.backends.EmbeddingBackend#embed} is called on a Vert.x event loop and
 * must not block it: in-process backends hand work to their own inference thread, remote backends
 * use the non-blocking Web Client. Every backend states its {@link
 * dev.embedbench.backends.BackendKind}, which travels into metrics, results and reports so that no
 * emulated figure passes for a measured one.
 */
package dev.embedbench.backends;
