package dev.embedbench.costmodel.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The models, found by id, published name or alias. */
public record ModelCatalog(String source, List<ModelSpec> models) {

  public ModelCatalog {
    models = List.copyOf(models);
    Set<String> ids = new HashSet<>();
    for (ModelSpec model : models) {
      if (!ids.add(model.id().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "model ids must be unique; '" + model.id() + "' repeats");
      }
    }
  }

  public Optional<ModelSpec> find(String idOrName) {
    return models.stream().filter(m -> m.answersTo(idOrName)).findFirst();
  }

  public List<String> ids() {
    return models.stream().map(ModelSpec::id).toList();
  }
}
