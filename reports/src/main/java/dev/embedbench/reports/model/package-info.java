/**
 * The report's input: an immutable tree {@code ReportInput -> ModelReport -> Sweep -> SweepStep},
 * plus cost rows and claim-audit findings. Every model carries its {@link
 * dev.embedbench.reports.model.Provenance} so that no figure loses its label on the way to a chart.
 * Values only; built once by the reader on the calling thread and then shared read-only.
 */
package dev.embedbench.reports.model;
