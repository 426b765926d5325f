/**
 * Renders a {@link dev.embedbench.costmodel.CostAnalysis} for a console (aligned tables), for
 * spreadsheets (CSV) and for programs (JSON). Runs on the caller's thread and writes to the given
 * {@link java.lang.Appendable} or stream only.
 */
package dev.embedbench.costmodel.render;
