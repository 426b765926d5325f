package dev.embedbench.costmodel.catalog;

import java.util.Objects;

/**
 * Where a figure comes from and when it was read there.
 *
 * @param source who published it (a datasheet, a price page, a model card, an article section)
 * @param asOf when it was listed or read, as written in the catalog (for example {@code 2024-06})
 * @param approximate true when the figure is remembered or rounded rather than copied from the
 *     source
 */
public record SourceNote(String source, String asOf, boolean approximate) {

  public SourceNote {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asOf, "asOf");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    if (asOf.isBlank()) {
      throw new IllegalArgumentException("asOf must not be blank");
    }
  }

  /** One line for tables: the source, its date, and "approx." when it is approximate. */
  public String label() {
    return source + ", " + asOf + (approximate ? " (approx.)" : "");
  }
}
