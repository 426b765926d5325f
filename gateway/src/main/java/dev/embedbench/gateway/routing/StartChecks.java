package dev.embedbench.gateway.routing;

import dev.embedbench.backends.EmbeddingSpace;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.ModelInfo;
import dev.embedbench.config.ConfigException;
import dev.embedbench.gateway.config.RouteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The configuration rules that need the started backends' own {@link ModelInfo}: the loader checks
 * what the file declares, these check what the backends say they serve (an emulator's profile, an
 * in-process model's config).
 */
final class StartChecks {

  private StartChecks() {}

  static void check(Path file, String routeKey, RouteConfig route, List<Target> targets) {
    if (!route.allowMixedModels()) {
      EmbeddingSpace first = space(targets.get(0));
      for (int i = 1; i < targets.size(); i++) {
        EmbeddingSpace space = space(targets.get(i));
        if (!space.equals(first)) {
          throw new ConfigException(
              file,
              routeKey + ".targets[" + i + "]",
              "serves "
                  + space
                  + " but targets[0] serves "
                  + first
                  + "; vectors from another embedding space are"
                  + " silently wrong for the caller. Set allow_mixed_models: true on the route if this"
                  + " is intended");
        }
      }
    }
    Integer dimensions = route.defaultDimensions();
    if (dimensions != null) {
      for (int i = 0; i < targets.size(); i++) {
        MatryoshkaRange range = targets.get(i).info().matryoshka();
        if (range == null || !range.contains(dimensions)) {
          throw new ConfigException(
              file,
              routeKey + ".default_dimensions",
              "target '"
                  + targets.get(i).name()
                  + "' serves "
                  + targets.get(i).info().model()
                  + ", which "
                  + (range == null
                      ? "has no Matryoshka range"
                      : "supports "
                          + range.minDimensions()
                          + " to "
                          + range.maxDimensions()
                          + " dimensions, not "
                          + dimensions));
        }
      }
    }
  }

  /** The space a target serves: what its backend says, normalisation as its config declares. */
  static EmbeddingSpace space(Target target) {
    return EmbeddingSpace.of(target.info(), target.config().spec().normalized());
  }

  /** The one space all of a route's targets serve, or empty for a mixed route. */
  static Optional<EmbeddingSpace> commonSpace(Route route) {
    EmbeddingSpace first = space(route.targets().get(0));
    for (Target target : route.targets()) {
      if (!space(target).equals(first)) {
        return Optional.empty();
      }
    }
    return Optional.of(first);
  }
}
