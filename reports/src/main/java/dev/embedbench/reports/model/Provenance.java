package dev.embedbench.reports.model;

import dev.embedbench.results.TargetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a model's figures came from. Rendered beside every figure so that an emulated profile or a
 * synthetic checkpoint is never mistaken for a measurement of the real model on real hardware.
 *
 * @param detail free text such as the emulated profile's name or the GPU ({@code "A10G profile"});
 *     may be empty
 */
public record Provenance(TargetKind kind, WeightsSource weights, Device device, String detail) {

  public Provenance {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(weights, "weights must not be null");
    Objects.requireNonNull(device, "device must not be null");
    detail = detail == null ? "" : detail.strip();
  }

  /**
   * A short label such as {@code "emulated · GPU · A10G profile"} or {@code "in-process · synthetic
   * weights · CPU"}.
   */
  public String label() {
    List<String> parts = new ArrayList<>();
    parts.add(kind.label());
    // Weights only mean something when our own backend loaded them; a remote server's weights are
    // its own.
    if (kind == TargetKind.IN_PROCESS || weights != WeightsSource.UNKNOWN) {
      parts.add(weights.label());
    }
    parts.add(device.label());
    if (!detail.isEmpty()) {
      parts.add(detail);
    }
    return String.join(" · ", parts);
  }

  /** True when the figures do not come from the real model running on real hardware. */
  public boolean isStandIn() {
    return kind == TargetKind.EMULATED || weights == WeightsSource.SYNTHETIC;
  }
}
