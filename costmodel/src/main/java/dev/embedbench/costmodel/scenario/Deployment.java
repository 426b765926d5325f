package dev.embedbench.costmodel.scenario;

import dev.embedbench.costmodel.catalog.GpuPrice;
import dev.embedbench.costmodel.catalog.GpuSpec;
import dev.embedbench.costmodel.catalog.ModelSpec;
import java.util.Objects;

/**
 * One option to cost: a model on a GPU, at a price, with a capacity per replica (one replica = one
 * GPU).
 *
 * @param id the scenario's name for this option (row key in every table)
 * @param model the model served
 * @param gpu the GPU it runs on
 * @param price the on-demand price used
 * @param capacity what one replica sustains, with its provenance
 */
public record Deployment(
    String id, ModelSpec model, GpuSpec gpu, GpuPrice price, Capacity capacity) {

  public Deployment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(gpu, "gpu");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(capacity, "capacity");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (!gpu.prices().contains(price)) {
      throw new IllegalArgumentException("price must be one of " + gpu.id() + "'s catalog prices");
    }
  }

  public Deployment withCapacity(Capacity newCapacity) {
    return new Deployment(id, model, gpu, price, newCapacity);
  }
}
