/**
 * The cost model: catalogs of GPUs and models, a demand and a policy, capacities (measured or
 * stated) turned into replicas, GPU-hours and dollars, and an audit of published claims.
 *
 * <p>Plain Java with no I/O beyond reading YAML and JSON files: everything here runs on the
 * caller's thread (the CLI's main thread, or a reports builder), and every value is an immutable
 * record.
 */
package dev.embedbench.costmodel;
