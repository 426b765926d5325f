package dev.embedbench.costmodel.audit;

import dev.embedbench.costmodel.catalog.GpuCatalog;
import dev.embedbench.costmodel.catalog.GpuSpec;
import dev.embedbench.costmodel.catalog.ModelCatalog;
import dev.embedbench.costmodel.catalog.ModelSpec;

/** The catalogs a claim is checked against; a claim naming an entry they lack is an error. */
record AuditCatalogs(ModelCatalog models, GpuCatalog gpus) {

  ModelSpec model(String id) {
    return models.find(id).orElseThrow(() -> new IllegalArgumentException("unknown model " + id));
  }

  GpuSpec gpu(String id) {
    return gpus.find(id).orElseThrow(() -> new IllegalArgumentException("unknown GPU " + id));
  }

  /** The catalog's name of a claimed model. */
  String name(ClaimedModel m) {
    return model(m.modelId()).name();
  }
}
