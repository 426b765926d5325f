package dev.embedbench.cli.compare;

import dev.embedbench.loadgen.sweep.SweepPlan;
import java.time.Duration;
import java.util.Objects;

/**
 * One model of a comparison: the route name clients (and the load generator) use, what serves it,
 * and how its sweep raises the rate.
 *
 * @param name the gateway route and the model name in every result
 * @param emulatedProfile a built-in emulator profile, or null for the in-process model
 * @param inProcess the in-process model's settings, or null for an emulated one; exactly one is set
 * @param deployment the cost scenario's deployment whose capacity the measurement replaces, or null
 *     to leave the model unpriced
 * @param gpu the catalog GPU to price it on, or null for the deployment's own
 * @param sweep the rate steps and the time budget of this model's sweep
 * @param stepDuration this model's measured time per step, or null for the comparison's: a slow
 *     model needs longer steps for as many samples
 */
public record ModelPlan(
    String name,
    String emulatedProfile,
    InProcessPlan inProcess,
    String deployment,
    String gpu,
    SweepPlan sweep,
    Duration stepDuration) {

  public ModelPlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sweep, "sweep");
    if ((emulatedProfile == null) == (inProcess == null)) {
      throw new IllegalArgumentException(
          "model '" + name + "' needs exactly one of emulated and in_process");
    }
    if (!name.matches("[A-Za-z0-9._-]{1,60}")) {
      throw new IllegalArgumentException(
          "model name must be 1-60 letters, digits, '.', '_' or '-', was '" + name + "'");
    }
  }

  public boolean emulated() {
    return emulatedProfile != null;
  }
}
