package dev.embedbench.reports.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embedbench.config.ConfigFiles;
import dev.embedbench.config.ConfigNode;
import dev.embedbench.reports.model.Device;
import dev.embedbench.reports.model.Provenance;
import dev.embedbench.reports.model.WeightsSource;
import dev.embedbench.results.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code provenance.json}: what the load generator cannot know about a target (synthetic or real
 * weights, CPU or GPU, which emulated profile), written by whoever started the targets, e.g. {@code
 * compare}:
 *
 * <pre>
 * {"models": {"Qwen3-Embedding-0.6B": {"kind": "in-process", "weights": "synthetic", "device": "cpu",
 * "detail": "random weights, 0.6B shapes"}}}</pre>
 */
public final class ProvenanceFiles {

  public static final String FILE = "provenance.json";

  private ProvenanceFiles() {}

  /** Writes the provenance of each model into {@code dir/provenance.json}. */
  public static Path write(Map<String, Provenance> byModel, Path dir) throws IOException {
    ObjectNode root = ConfigFiles.json().createObjectNode();
    ObjectNode models = root.putObject("models");
    new TreeMap<>(byModel)
        .forEach(
            (model, provenance) -> {
              ObjectNode entry = models.putObject(model);
              // Unknowns are left out rather than written as empty strings, which the reader
              // rejects.
              if (provenance.kind() != TargetKind.UNKNOWN) {
                entry.put("kind", provenance.kind().label());
              }
              if (provenance.weights() != WeightsSource.UNKNOWN) {
                entry.put("weights", provenance.weights().name().toLowerCase(Locale.ROOT));
              }
              if (provenance.device() != Device.UNKNOWN) {
                entry.put("device", provenance.device().name().toLowerCase(Locale.ROOT));
              }
              if (!provenance.detail().isEmpty()) {
                entry.put("detail", provenance.detail());
              }
            });
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    ConfigFiles.json().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return file;
  }

  static Map<String, Provenance> read(Path dir) {
    Path file = dir.resolve(FILE);
    Map<String, Provenance> byModel = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return byModel;
    }
    ConfigNode models = ConfigFiles.read(file, RunDirectoryException::at).object("models");
    Iterator<String> names = models.raw().fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      ConfigNode entry = models.object(name);
      try {
        byModel.put(
            name,
            new Provenance(
                TargetKind.parse(entry.optionalText("kind").orElse("")),
                WeightsSource.parse(entry.optionalText("weights").orElse("")),
                Device.parse(entry.optionalText("device").orElse("")),
                entry.has("detail") ? entry.raw().get("detail").asText() : ""));
      } catch (IllegalArgumentException e) {
        throw models.error(name, e.getMessage());
      }
    }
    return byModel;
  }
}
