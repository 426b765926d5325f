/**
 * Turns the cost model's analysis ({@code dev.embedbench.costmodel.CostAnalysis}) into the report's
 * cost rows and audit findings, keeping every capacity's provenance label. Stateless; any thread.
 */
package dev.embedbench.reports.cost;
