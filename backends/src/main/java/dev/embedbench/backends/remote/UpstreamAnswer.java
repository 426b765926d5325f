package dev.embedbench.backends.remote;

/**
 * What an upstream answered to one call, read whole (within its cap).
 *
 * @param retryAfter the {@code Retry-After} header as sent, or null
 */
record UpstreamAnswer(int status, String retryAfter, byte[] body) {}
