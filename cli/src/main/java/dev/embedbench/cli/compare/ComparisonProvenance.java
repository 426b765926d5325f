package dev.embedbench.cli.compare;

import dev.embedbench.backends.qwen3.Qwen3Embedder;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Checkpoint;
import dev.embedbench.backends.qwen3.checkpoint.Qwen3Config;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.results.TargetKind;
import java.nio.file.Path;

/** Where each compared model's figures come from, as every output labels them. */
final class ComparisonProvenance {

  private ComparisonProvenance() {}

  /** An emulated route: a GPU's behaviour from a profile, no model weights. */
  static Provenance emulated(ModelPlan model) {
    return new Provenance(
        TargetKind.EMULATED,
        WeightsSource.UNKNOWN,
        Device.GPU,
        "profile " + model.emulatedProfile());
  }

  /**
   * The in-process model from its checkpoint. The report has no notes section, so an unpriced model
   * says so in its label, wherever it appears.
   */
  static Provenance inProcess(ModelPlan model, Path dir) {
    InProcessPlan plan = model.inProcess();
    boolean synthetic = Qwen3Config.read(dir.resolve(Qwen3Checkpoint.CONFIG)).synthetic();
    boolean gpu = Qwen3Embedder.resolveDevice(plan.device()).isGpu();
    String detail =
        synthetic && plan.modelPath() == null
            ? plan.synthetic().description()
            : "checkpoint " + dir.getFileName();
    if (model.deployment() == null) {
      detail += gpu ? "; not priced" : "; not priced: a CPU is not a GPU";
    }
    return new Provenance(
        TargetKind.IN_PROCESS,
        synthetic ? WeightsSource.SYNTHETIC : WeightsSource.REAL,
        gpu ? Device.GPU : Device.CPU,
        detail);
  }
}
