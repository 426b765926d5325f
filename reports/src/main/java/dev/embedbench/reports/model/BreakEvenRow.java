package dev.embedbench.reports.model;

/**
 * A demand where rounding to whole instances changes the sign of a model's saving.
 *
 * @param modelName the model whose saving changes
 * @param requestsPerDay the lowest demand of the new state
 * @param savingBelowPercent the saving just below it
 * @param savingAbovePercent the saving from it on
 * @param change in words: a saving appears, the saving vanishes...
 */
public record BreakEvenRow(
    String modelName,
    double requestsPerDay,
    double savingBelowPercent,
    double savingAbovePercent,
    String change) {}
