/**
 * The HTTP/1.1 client the drivers send through on plain {@code http://} targets, lean in the way of
 * Hyperfoil's: every request's bytes (request line, headers and body) are encoded once before the
 * run and written as they are; responses are decoded by Netty's {@code HttpResponseDecoder} and
 * streamed, chunk by chunk, to a {@link dev.embedbench.loadgen.http.ResponseListener}, with no copy
 * into a whole body.
 *
 * <p>One {@link dev.embedbench.loadgen.http.Http1Pool} per driver event loop: its connections are
 * registered on that loop, and every method of the pool, its connections and the listeners runs on
 * that loop's thread, so nothing here locks. Only {@code close()} may be called from elsewhere; it
 * hops.
 */
package dev.embedbench.loadgen.http;
