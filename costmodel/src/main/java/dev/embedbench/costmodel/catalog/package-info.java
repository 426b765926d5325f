/**
 * The GPU and model catalogs: prices with their cloud, instance type, source and date; peak dense
 * FLOP/s and memory; transformer shapes from which parameters and FLOPs per token are computed; and
 * quality scores with their sources. Loaded once on the caller's thread, immutable afterwards.
 */
package dev.embedbench.costmodel.catalog;
