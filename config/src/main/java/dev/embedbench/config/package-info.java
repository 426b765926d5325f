/**
 * The one reader of embedbench's YAML and JSON files ({@link dev.embedbench.config.ConfigNode}) and
 * the one duration grammar ({@link dev.embedbench.config.DurationText}), so that a value is written
 * and checked the same way in a gateway file, an emulator profile, a comparison, a cost scenario or
 * a result file. Every error names the file, the dotted key and the reason; unknown keys are
 * errors. A leaf module: it depends on Jackson only, and every module that reads a file depends on
 * it.
 *
 * <p>Threads: files are read on the caller's thread ({@code main} or a worker, never an event loop,
 * since reading blocks); nodes are not shared.
 */
package dev.embedbench.config;
