/**
 * Text forms that every embedbench configuration shares, so that a value written one way in an
 * emulator profile is written the same way in a gateway file, a comparison file or on the command
 * line. It lives in {@code backends}, the lowest module that reads configuration, because {@code
 * gateway} and {@code cli} depend on it ({@code loadgen} depends on no module and keeps its own
 * parser).
 *
 * <p>Threads: pure functions without state, called by the configuration loaders on whatever thread
 * loads a file ({@code main} or a worker, never an event loop, since loading reads files).
 */
package dev.embedbench.backends.config;
