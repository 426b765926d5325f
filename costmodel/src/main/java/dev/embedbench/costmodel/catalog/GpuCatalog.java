package dev.embedbench.costmodel.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The GPUs by id, looked up case-insensitively. */
public record GpuCatalog(String source, List<GpuSpec> gpus) {

  public GpuCatalog {
    gpus = List.copyOf(gpus);
    Map<String, GpuSpec> seen = new LinkedHashMap<>();
    for (GpuSpec gpu : gpus) {
      if (seen.put(gpu.id().toLowerCase(Locale.ROOT), gpu) != null) {
        throw new IllegalArgumentException("gpu ids must be unique; '" + gpu.id() + "' repeats");
      }
    }
  }

  public Optional<GpuSpec> find(String id) {
    return gpus.stream().filter(g -> g.id().equalsIgnoreCase(id)).findFirst();
  }

  public List<String> ids() {
    return gpus.stream().map(GpuSpec::id).toList();
  }
}
