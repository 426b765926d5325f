package dev.embedbench.reports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything measured for one model.
 *
 * @param headline the figures shown in the summary table: the best step that met the SLO for a
 *     sweep (or its first step when none did), or the single run
 * @param sweep the sweep, when the model was swept
 */
public record ModelReport(
    String modelName, Provenance provenance, RunStats headline, Optional<Sweep> sweep) {

  public ModelReport {
    if (modelName == null || modelName.isBlank()) {
      throw new IllegalArgumentException("modelName must not be blank");
    }
    Objects.requireNonNull(provenance, "provenance must not be null");
    Objects.requireNonNull(headline, "headline must not be null");
    Objects.requireNonNull(sweep, "sweep must not be null (use Optional.empty())");
  }

  /** The model's name with its provenance, as charts label a series. */
  public String seriesLabel() {
    return modelName + " [" + provenance.label() + "]";
  }
}
