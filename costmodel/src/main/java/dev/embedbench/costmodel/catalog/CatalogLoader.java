package dev.embedbench.costmodel.catalog;

import dev.embedbench.config.ConfigNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds the catalogs from their YAML trees; every error names the file, the key and the reason.
 */
public final class CatalogLoader {

  private static final Set<String> GPU_KEYS =
      Set.of(
          "id",
          "name",
          "memoryGb",
          "denseFp16TflopsPerSec",
          "specSource",
          "specsOf",
          "prices",
          "note");
  private static final Set<String> PRICE_KEYS =
      Set.of(
          "cloud",
          "instanceType",
          "region",
          "gpusPerInstance",
          "instancePricePerHourUsd",
          "source",
          "asOf",
          "approximate",
          "note");
  private static final Set<String> SOURCE_KEYS = Set.of("source", "asOf", "approximate", "note");
  private static final Set<String> MODEL_KEYS =
      Set.of(
          "id",
          "name",
          "aliases",
          "architecture",
          "shape",
          "shapeSource",
          "statedParameters",
          "dimensions",
          "minDimensions",
          "maxTokens",
          "weightBytesPerParameter",
          "cardSource",
          "quality",
          "note");
  private static final Set<String> SHAPE_KEYS =
      Set.of(
          "hiddenSize",
          "layers",
          "attentionHeads",
          "keyValueHeads",
          "headDim",
          "intermediateSize",
          "vocabSize",
          "maxPositionEmbeddings",
          "tokenTypes",
          "pooler");
  private static final Set<String> QUALITY_KEYS =
      Set.of("benchmark", "benchmarkName", "score", "source", "asOf", "approximate", "note");

  private CatalogLoader() {}

  public static GpuCatalog gpus(ConfigNode root) {
    root.rejectUnknownKeys(Set.of("gpus", "note"));
    List<ConfigNode> entries = root.list("gpus");
    Map<String, ConfigNode> byId = new HashMap<>();
    for (ConfigNode entry : entries) {
      entry.rejectUnknownKeys(GPU_KEYS);
      if (byId.put(entry.text("id").toLowerCase(Locale.ROOT), entry) != null) {
        throw entry.error("id", "repeats an earlier GPU id '" + entry.text("id") + "'");
      }
    }
    List<GpuSpec> gpus = new ArrayList<>();
    for (ConfigNode entry : entries) {
      gpus.add(gpu(entry, byId));
    }
    return new GpuCatalog(root.file().toString(), gpus);
  }

  private static GpuSpec gpu(ConfigNode entry, Map<String, ConfigNode> byId) {
    ConfigNode specs = entry;
    String assumedFrom = null;
    if (entry.has("specsOf")) {
      assumedFrom = entry.text("specsOf");
      specs = byId.get(assumedFrom.toLowerCase(Locale.ROOT));
      if (specs == null || specs.has("specsOf")) {
        throw entry.error(
            "specsOf", "must name another GPU of this catalog that states its own specs");
      }
      if (entry.has("memoryGb") || entry.has("denseFp16TflopsPerSec")) {
        throw entry.error("specsOf", "cannot be combined with memoryGb or denseFp16TflopsPerSec");
      }
    }
    List<GpuPrice> prices = new ArrayList<>();
    for (ConfigNode price : entry.list("prices")) {
      prices.add(price(price));
    }
    if (prices.isEmpty()) {
      throw entry.error("prices", "must list at least one on-demand price");
    }
    String id = entry.text("id");
    String name = entry.text("name");
    double memoryGb = specs.positive("memoryGb");
    double tflops = specs.positive("denseFp16TflopsPerSec");
    SourceNote specSource = sourceBlock(specs.object("specSource"));
    String assumed = assumedFrom;
    return build(entry, () -> new GpuSpec(id, name, memoryGb, tflops, specSource, assumed, prices));
  }

  private static GpuPrice price(ConfigNode node) {
    node.rejectUnknownKeys(PRICE_KEYS);
    int gpusPerInstance = node.has("gpusPerInstance") ? node.intValue("gpusPerInstance", 1) : 1;
    double price = node.positive("instancePricePerHourUsd");
    String region = node.optionalText("region").orElse("(any)");
    SourceNote source = source(node);
    return build(
        node,
        () ->
            new GpuPrice(
                node.text("cloud"),
                node.text("instanceType"),
                region,
                gpusPerInstance,
                price,
                source));
  }

  /** Reads a mapping that holds only the keys source, asOf, approximate and note. */
  public static SourceNote sourceBlock(ConfigNode node) {
    node.rejectUnknownKeys(SOURCE_KEYS);
    return source(node);
  }

  /** Reads {@code source}, {@code asOf} and optional {@code approximate} from a node. */
  public static SourceNote source(ConfigNode node) {
    String source = node.text("source");
    String asOf = node.text("asOf");
    boolean approximate = node.bool("approximate", false);
    return build(node, () -> new SourceNote(source, asOf, approximate));
  }

  public static ModelCatalog models(ConfigNode root) {
    root.rejectUnknownKeys(Set.of("models", "note"));
    List<ModelSpec> models = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ConfigNode entry : root.list("models")) {
      ModelSpec model = model(entry);
      if (!ids.add(model.id().toLowerCase(Locale.ROOT))) {
        throw entry.error("id", "repeats an earlier model id '" + model.id() + "'");
      }
      models.add(model);
    }
    return new ModelCatalog(root.file().toString(), models);
  }

  private static ModelSpec model(ConfigNode entry) {
    entry.rejectUnknownKeys(MODEL_KEYS);
    Architecture architecture;
    try {
      architecture = Architecture.fromLabel(entry.text("architecture"));
    } catch (IllegalArgumentException e) {
      throw entry.error("architecture", e.getMessage());
    }
    ConfigNode s = entry.object("shape");
    s.rejectUnknownKeys(SHAPE_KEYS);
    int heads = s.intValue("attentionHeads", 1);
    TransformerShape shape =
        build(
            s,
            () ->
                new TransformerShape(
                    architecture,
                    s.intValue("hiddenSize", 1),
                    s.intValue("layers", 1),
                    heads,
                    s.has("keyValueHeads") ? s.intValue("keyValueHeads", 1) : heads,
                    s.intValue("headDim", 1),
                    s.intValue("intermediateSize", 1),
                    s.intValue("vocabSize", 1),
                    s.intValue("maxPositionEmbeddings", 1),
                    s.has("tokenTypes") ? (int) s.nonNegative("tokenTypes") : 0,
                    s.bool("pooler", false)));
    List<QualityScore> quality = new ArrayList<>();
    for (ConfigNode q : entry.list("quality")) {
      q.rejectUnknownKeys(QUALITY_KEYS);
      double score = q.positive("score");
      if (score > 100) {
        throw q.error("score", "must be on the 0-100 scale, was " + score);
      }
      SourceNote source = source(q);
      quality.add(
          build(
              q,
              () -> new QualityScore(q.text("benchmark"), q.text("benchmarkName"), score, source)));
    }
    int dimensions = entry.intValue("dimensions", 1);
    int minDimensions =
        entry.has("minDimensions") ? entry.intValue("minDimensions", 1) : dimensions;
    if (minDimensions > dimensions) {
      throw entry.error(
          "minDimensions", "must be <= dimensions (" + dimensions + "), was " + minDimensions);
    }
    SourceNote shapeSource = sourceBlock(entry.object("shapeSource"));
    SourceNote cardSource = sourceBlock(entry.object("cardSource"));
    List<String> aliases = entry.has("aliases") ? entry.strings("aliases") : List.of();
    return build(
        entry,
        () ->
            new ModelSpec(
                entry.text("id"),
                entry.text("name"),
                aliases,
                shape,
                shapeSource,
                entry.positive("statedParameters"),
                dimensions,
                minDimensions,
                entry.intValue("maxTokens", 1),
                entry.positive("weightBytesPerParameter"),
                cardSource,
                quality));
  }

  /**
   * Runs a record constructor, turning its rule violation into an error that names the file and
   * key.
   */
  public static <T> T build(ConfigNode node, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }
}
