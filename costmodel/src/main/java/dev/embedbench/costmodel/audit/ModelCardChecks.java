package dev.embedbench.costmodel.audit;

import static dev.embedbench.costmodel.audit.AuditNumbers.n;
import static dev.embedbench.costmodel.audit.AuditNumbers.pct;

import dev.embedbench.costmodel.catalog.ModelSpec;
import dev.embedbench.costmodel.catalog.QualityScore;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The article's quality scores, parameters, memory and dimensions against the models' published
 * cards, and the like-for-like quality drop and index memory the cards give.
 */
final class ModelCardChecks {

  /** Scores are printed to two decimals: anything further apart is another number. */
  private static final double SCORE_TOLERANCE_POINTS = 0.005;

  /** The benchmark of the article's "MTEB Chinese subset". */
  private static final String CHINESE_BENCHMARK = "cmteb";

  private static final double FLOAT32_BYTES = 4;

  private final AuditCatalogs catalogs;

  ModelCardChecks(AuditCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  void quality(ArticleClaims c, FindingJudge judge, List<AuditFinding> out) {
    ClaimedModel b = c.baseline();
    ClaimedModel k = c.candidate();
    double drop = b.qualityScore() - k.qualityScore();
    out.add(
        judge.absolute(
            "quality.drop-points",
            "quality drop in points",
            n(c.qualityDropPoints()) + " points",
            c.qualityDropPoints(),
            n(b.qualityScore()) + " - " + n(k.qualityScore()),
            drop,
            "points",
            SCORE_TOLERANCE_POINTS * 2,
            "the table's own scores"));
    out.add(
        judge.absolute(
            "quality.drop-percent",
            "relative quality drop",
            n(c.qualityDropPercent()) + "%",
            c.qualityDropPercent(),
            n(drop) + " / " + n(b.qualityScore()),
            drop / b.qualityScore() * 100,
            "%",
            0.05,
            "the table's own scores; claimed to one decimal"));
    for (ClaimedModel m : c.models()) {
      QualityScore nearest = nearestScore(catalogs.model(m.modelId()), m.qualityScore());
      boolean match =
          nearest != null && Math.abs(nearest.score() - m.qualityScore()) <= SCORE_TOLERANCE_POINTS;
      out.add(
          new AuditFinding(
              "quality." + m.modelId() + ".card",
              catalogs.name(m) + " score against its" + " published scores",
              n(m.qualityScore()) + " (" + m.qualityAsClaimed() + ")",
              m.qualityScore(),
              nearest == null
                  ? "no published score in the catalog"
                  : "nearest published: "
                      + nearest.benchmarkName()
                      + " ("
                      + nearest.source().label()
                      + ")",
              nearest == null ? null : nearest.score(),
              "points",
              nearest == null ? null : pct(nearest.score(), m.qualityScore()),
              "equal to two decimals",
              nearest == null
                  ? Verdict.CANNOT_DERIVE
                  : match ? Verdict.CONSISTENT : Verdict.INCONSISTENT,
              "published: " + scores(catalogs.model(m.modelId()))));
    }
    QualityScore baseCard = nearestScore(catalogs.model(b.modelId()), b.qualityScore());
    if (baseCard != null
        && Math.abs(baseCard.score() - b.qualityScore()) <= SCORE_TOLERANCE_POINTS) {
      catalogs
          .model(k.modelId())
          .quality(baseCard.benchmark())
          .ifPresent(
              kCard ->
                  out.add(
                      judge.absolute(
                          "quality.drop-like-for-like",
                          "quality drop on one benchmark (" + baseCard.benchmarkName() + ")",
                          n(c.qualityDropPoints()) + " points",
                          c.qualityDropPoints(),
                          n(baseCard.score()) + " - " + n(kCard.score()) + " (model cards)",
                          baseCard.score() - kCard.score(),
                          "points",
                          SCORE_TOLERANCE_POINTS * 2,
                          "the baseline's score is its "
                              + baseCard.benchmarkName()
                              + "; on the same benchmark the "
                              + "drop is "
                              + n((baseCard.score() - kCard.score()) / baseCard.score() * 100)
                              + "% relative, not "
                              + n(c.qualityDropPercent())
                              + "%")));
    }
  }

  /**
   * The candidate's score is claimed on the Chinese subset; the drop on that benchmark for both
   * models (C-MTEB on the model cards), and the index memory when the baseline's full output is
   * kept.
   */
  void likeForLike(ArticleClaims c, FindingJudge judge, List<AuditFinding> out) {
    ModelSpec base = catalogs.model(c.baseline().modelId());
    ModelSpec cand = catalogs.model(c.candidate().modelId());
    base.quality(CHINESE_BENCHMARK)
        .ifPresent(
            b ->
                cand.quality(CHINESE_BENCHMARK)
                    .ifPresent(
                        k -> {
                          double drop = b.score() - k.score();
                          out.add(
                              judge.absolute(
                                  "quality.drop-" + CHINESE_BENCHMARK,
                                  "quality drop on "
                                      + b.benchmarkName()
                                      + " for both (the article scores the candidate on its Chinese subset)",
                                  n(c.qualityDropPoints())
                                      + " points ("
                                      + n(c.qualityDropPercent())
                                      + "%)",
                                  c.qualityDropPoints(),
                                  n(b.score()) + " - " + n(k.score()) + " (model cards)",
                                  drop,
                                  "points",
                                  SCORE_TOLERANCE_POINTS * 2,
                                  "like for like the drop is "
                                      + n(drop)
                                      + " points, "
                                      + n(drop / b.score() * 100)
                                      + "% relative ("
                                      + b.source().label()
                                      + ")"));
                        }));
    double bytesPerMillion = 1e6 * FLOAT32_BYTES / 1e9;
    out.add(
        new AuditFinding(
            "memory.index-per-million-vectors",
            "vector index memory: "
                + base.name()
                + " at its full "
                + base.dimensions()
                + " dimensions against "
                + cand.name()
                + " at "
                + cand.dimensions(),
            "not stated (the article does not say whether the baseline's output was truncated)",
            null,
            "10^6 vectors × "
                + base.dimensions()
                + " × 4 bytes = "
                + n(base.dimensions() * bytesPerMillion)
                + " GB vs "
                + cand.dimensions()
                + " × 4 bytes = "
                + n(cand.dimensions() * bytesPerMillion)
                + " GB",
            base.dimensions() * bytesPerMillion,
            "GB per million vectors",
            null,
            "no claim to compare",
            Verdict.DERIVED,
            "float32, no index overhead: the baseline's untruncated vectors need "
                + n((double) base.dimensions() / cand.dimensions())
                + "x the memory (and bandwidth per search) of the"
                + " candidate's "
                + n(cand.dimensions() * bytesPerMillion)
                + " GB; truncating it (Matryoshka) to "
                + cand.dimensions()
                + " removes that difference"));
  }

  void parameters(ClaimedModel m, FindingJudge judge, List<AuditFinding> out) {
    ModelSpec spec = catalogs.model(m.modelId());
    out.add(
        judge.relative(
            "params." + m.modelId(),
            catalogs.name(m) + " parameter count",
            n(m.parametersBillions()) + "B parameters",
            m.parametersBillions(),
            "model card: "
                + n(spec.statedParameters() / 1e9)
                + "B ("
                + spec.cardSource().label()
                + ")",
            spec.statedParameters() / 1e9,
            "billion",
            "computed from the config.json shapes: " + n(spec.shape().parameters() / 1e9) + "B"));
  }

  void memory(ClaimedModel m, List<AuditFinding> out) {
    ModelSpec spec = catalogs.model(m.modelId());
    double weights = spec.weightsGb();
    out.add(
        new AuditFinding(
            "memory." + m.modelId(),
            catalogs.name(m) + " GPU memory against its weights",
            n(m.gpuMemoryGb()) + " GB",
            m.gpuMemoryGb(),
            n(spec.shape().parameters() / 1e9)
                + "B parameters × "
                + n(spec.weightBytesPerParameter())
                + " bytes",
            weights,
            "GB",
            pct(m.gpuMemoryGb(), weights),
            "claimed must be >= weights",
            m.gpuMemoryGb() >= weights ? Verdict.CONSISTENT : Verdict.INCONSISTENT,
            "the rest is activations, KV/attention buffers and the runtime; only a lower bound checks"));
  }

  void dimensions(ArticleClaims c, List<AuditFinding> out) {
    if (c.candidateDimensions().isEmpty()) {
      return;
    }
    ModelSpec spec = catalogs.model(c.candidateModelId());
    List<Integer> outside =
        c.candidateDimensions().stream()
            .filter(d -> d < spec.minDimensions() || d > spec.dimensions())
            .toList();
    int largest = c.candidateDimensions().stream().max(Comparator.naturalOrder()).orElseThrow();
    out.add(
        new AuditFinding(
            "dimensions." + spec.id(),
            spec.name() + " output dimensions",
            c.candidateDimensions().stream().map(String::valueOf).collect(Collectors.joining("/")),
            (double) largest,
            "model card: " + spec.minDimensions() + " to " + spec.dimensions(),
            (double) spec.dimensions(),
            "dimensions",
            pct(spec.dimensions(), largest),
            "every claimed size within the card's range",
            outside.isEmpty() ? Verdict.CONSISTENT : Verdict.INCONSISTENT,
            outside.isEmpty()
                ? "all within range"
                : outside
                    + " outside "
                    + spec.minDimensions()
                    + ".."
                    + spec.dimensions()
                    + " ("
                    + spec.cardSource().label()
                    + ")"));
  }

  private static QualityScore nearestScore(ModelSpec model, double score) {
    return model.quality().stream()
        .min(Comparator.comparingDouble(q -> Math.abs(q.score() - score)))
        .orElse(null);
  }

  private static String scores(ModelSpec model) {
    return model.quality().stream()
        .map(q -> q.benchmark() + " " + n(q.score()))
        .collect(Collectors.joining(", "));
  }
}
