package dev.embedbench.costmodel.audit;

import static dev.embedbench.costmodel.audit.Verdict.CANNOT_DERIVE;
import static dev.embedbench.costmodel.audit.Verdict.CONSISTENT;
import static dev.embedbench.costmodel.audit.Verdict.INCONSISTENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.catalog.SourceNote;
import dev.embedbench.costmodel.scenario.Scenario;
import dev.embedbench.costmodel.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClaimAuditTest {

  static Scenario article;
  static Map<String, AuditFinding> findings;

  @BeforeAll
  static void auditTheArticle() {
    article = ScenarioLoader.load(Path.of("../configs/scenarios/article-qwen3.yaml"));
    List<AuditFinding> list =
        new ClaimAudit(article.models(), article.gpus())
            .audit(article.articleClaims().orElseThrow());
    findings =
        list.stream()
            .collect(
                Collectors.toMap(
                    AuditFinding::id,
                    f -> f,
                    (a, b) -> {
                      throw new AssertionError("duplicate finding id " + a.id());
                    },
                    LinkedHashMap::new));
  }

  static double derived(String id) {
    return findings.get(id).derivedValue();
  }

  @Test
  void everyVerdictOnTheArticle() {
    Map<String, Verdict> expected = new LinkedHashMap<>();
    expected.put("cost-per-request.bge-m3.latency", INCONSISTENT);
    expected.put("cost-per-request.qwen3-embedding-8b.latency", INCONSISTENT);
    expected.put("cost-per-request.qwen3-embedding-0.6b.latency", INCONSISTENT);
    expected.put("annual.qwen3-embedding-8b.per-request", INCONSISTENT);
    expected.put("annual.qwen3-embedding-8b.gpu-time", INCONSISTENT);
    expected.put("annual.qwen3-embedding-8b.whole-instances", INCONSISTENT);
    expected.put("annual.qwen3-embedding-0.6b.per-request", INCONSISTENT);
    expected.put("annual.qwen3-embedding-0.6b.gpu-time", CONSISTENT);
    expected.put("annual.qwen3-embedding-0.6b.whole-instances", CONSISTENT);
    expected.put("savings.annual", CONSISTENT);
    expected.put("savings.per-request", INCONSISTENT);
    expected.put("savings.latency", INCONSISTENT);
    expected.put("savings.whole-instances", INCONSISTENT);
    expected.put("savings.utilisation", Verdict.CONTRADICTED); // the article kept the fleet
    expected.put("reproduce.volume", INCONSISTENT);
    expected.put("reproduce.candidate-cost", INCONSISTENT);
    expected.put("reproduce.candidate-annual", INCONSISTENT);
    expected.put("utilisation.qwen3-embedding-8b", INCONSISTENT);
    expected.put("utilisation.qwen3-embedding-0.6b", INCONSISTENT);
    expected.put("speedup.latency", Verdict.UNDERSTATED); // 320/65 = 4.9x, claimed "about 4x"
    expected.put("throughput.cost-per-request", INCONSISTENT);
    expected.put("throughput.littles-law", CANNOT_DERIVE);
    expected.put("throughput.roofline", CONSISTENT);
    expected.put("compute.qwen3-embedding-8b.utilisation", Verdict.DERIVED);
    expected.put("compute.qwen3-embedding-0.6b.utilisation", Verdict.DERIVED);
    expected.put("compute.saving-at-equal-utilisation", INCONSISTENT);
    expected.put("throughput.whole-demand", INCONSISTENT);
    expected.put("quality.drop-points", CONSISTENT);
    expected.put("quality.drop-percent", CONSISTENT);
    expected.put("quality.bge-m3.card", INCONSISTENT);
    expected.put("quality.qwen3-embedding-8b.card", CONSISTENT);
    expected.put("quality.qwen3-embedding-0.6b.card", INCONSISTENT);
    expected.put("quality.drop-like-for-like", INCONSISTENT);
    expected.put("params.bge-m3", INCONSISTENT);
    expected.put("memory.bge-m3", CONSISTENT);
    expected.put("params.qwen3-embedding-8b", CONSISTENT);
    expected.put("memory.qwen3-embedding-8b", CONSISTENT);
    expected.put("params.qwen3-embedding-0.6b", CONSISTENT);
    expected.put("memory.qwen3-embedding-0.6b", CONSISTENT);
    expected.put("dimensions.qwen3-embedding-0.6b", INCONSISTENT);
    expected.put("quality.drop-cmteb", INCONSISTENT);
    expected.put("memory.index-per-million-vectors", Verdict.DERIVED);
    Map<String, Verdict> actual = new LinkedHashMap<>();
    findings.forEach((id, f) -> actual.put(id, f.verdict()));
    assertEquals(expected, actual);
  }

  @Test
  void annualCostsFromCostPerRequestAreTenTimesTheClaims() {
    assertEquals(0.00032 * 5_000_000 * 365, derived("annual.qwen3-embedding-8b.per-request"), 1e-6);
    assertEquals(584_000, derived("annual.qwen3-embedding-8b.per-request"), 1e-6);
    assertEquals(182_500, derived("annual.qwen3-embedding-0.6b.per-request"), 1e-6);
    assertEquals(
        900.0, findings.get("annual.qwen3-embedding-8b.per-request").differencePercent(), 1e-9);
  }

  @Test
  void theFortyFivePercentAndItsOtherRoutes() {
    assertEquals((1 - 32_120.0 / 58_400) * 100, derived("savings.annual"), 1e-9); // 45.0
    assertEquals((1 - 0.00010 / 0.00032) * 100, derived("savings.per-request"), 1e-9); // 68.75
    assertEquals((1 - 65.0 / 320) * 100, derived("savings.latency"), 1e-9); // 79.69
    // 5M/day = 57.87/s: x 0.065 s = 3.76 -> 4 instances, x 0.320 s = 18.5 -> 19 instances
    assertEquals((1 - 4.0 / 19) * 100, derived("savings.whole-instances"), 1e-9);
    assertEquals((1 - 45.0 / 85) * 100, derived("savings.utilisation"), 1e-9); // 47.06
  }

  @Test
  void assumptionsUnderWhichFortyFivePercentHolds() {
    // $58,400 / 365 / $0.00032 = 500,000 requests/day: a tenth of the stated 5M
    assertEquals(500_000, derived("reproduce.volume"), 1e-6);
    // 45% needs the 0.6B at $0.00032 x 0.55 = $0.000176 per request, not $0.00010
    assertEquals(0.000176, derived("reproduce.candidate-cost"), 1e-12);
    // at 500,000/day the 0.6B's own cost per request gives $18,250, not $32,120
    assertEquals(18_250, derived("reproduce.candidate-annual"), 1e-6);
  }

  @Test
  void ratesImpliedByTheTable() {
    // $0.95/h / 3600 x 0.065 s
    assertEquals(
        0.95 / 3600 * 0.065, derived("cost-per-request.qwen3-embedding-0.6b.latency"), 1e-15);
    assertEquals(320.0 / 65, derived("speedup.latency"), 1e-12); // 4.92, not "about 4"
    // utilisation law: (0.95/3600/0.00032 requests/s) x 0.320 s
    assertEquals(
        0.95 / 3600 / 0.00032 * 0.320 * 100, derived("utilisation.qwen3-embedding-8b"), 1e-9);
    assertEquals(180 * 0.065, derived("throughput.littles-law"), 1e-12); // 11.7 in flight
    assertEquals(0.95 / 3600 / 180, derived("throughput.cost-per-request"), 1e-15);
    // 180 x 128 tokens/s x 895,598,592 FLOP/token / 70e12 FLOP/s (A10G)
    assertEquals(180 * 128 * 895_598_592.0 / 70e12 * 100, derived("throughput.roofline"), 1e-9);
  }

  @Test
  void factualSlipsAgainstTheCatalogs() {
    assertEquals(0.568, derived("params.bge-m3"), 1e-12); // card 568M, claimed 1.3B
    assertEquals(1024, derived("dimensions.qwen3-embedding-0.6b")); // claimed 2048
    assertEquals(66.33, derived("quality.qwen3-embedding-0.6b.card")); // nearest: C-MTEB
    assertEquals(70.58 - 64.33, derived("quality.drop-like-for-like"), 1e-9); // MMTEB to MMTEB
    assertEquals(70.58 - 67.32, derived("quality.drop-points"), 1e-9); // the table's own arithmetic
  }

  @Test
  void aSelfConsistentTableIsNotFlagged() {
    // $1/h, 4 requests/s (345,600/day). 8B: 500 ms -> 2 busy GPUs, $1/3600 x 0.5 per request,
    // $17,520
    // a year. 0.6B: 250 ms -> 1 busy GPU, $8,760 a year. Every route gives a 50% saving.
    double baselineCost = 1.0 / 3600 * 0.5;
    double candidateCost = 1.0 / 3600 * 0.25;
    ArticleClaims claims =
        new ArticleClaims(
            "consistent",
            new SourceNote("test", "2026", false),
            1.0,
            345_600,
            "qwen3-embedding-8b",
            "qwen3-embedding-0.6b",
            List.of(
                new ClaimedModel(
                    "qwen3-embedding-8b", 8, 16.5, 500, baselineCost, 70.58, "MMTEB", 17_520.0),
                new ClaimedModel(
                    "qwen3-embedding-0.6b", 0.6, 3.1, 250, candidateCost, 64.33, "MMTEB", 8_760.0)),
            50,
            6.25,
            8.86,
            2,
            new ThroughputClaim("qwen3-embedding-0.6b", "A10G", 4, 128, 300),
            null,
            null,
            List.of(512, 1024),
            5);
    List<AuditFinding> audit = new ClaimAudit(article.models(), article.gpus()).audit(claims);
    List<String> flagged =
        audit.stream().filter(AuditFinding::flagged).map(AuditFinding::id).toList();
    // What the table cannot make consistent: the compute the models need (a 50% saving means the
    // 0.6B fleet
    // is far less busy than the 8B's) and the model cards' own C-MTEB gap (73.84 vs 66.33).
    assertEquals(List.of("compute.saving-at-equal-utilisation", "quality.drop-cmteb"), flagged);
  }

  @Test
  void newDerivationsByHand() {
    double tokensPerSec = 5_000_000 / 86_400.0 * 128;
    double flops8b = 2 * 36 * 192_937_984.0 + 4 * 36 * 32 * 128 * 64.5; // Qwen3-8B at 128 tokens
    double gpus8b = 58_400 / (0.95 * 8760);
    assertEquals(
        tokensPerSec * flops8b / (gpus8b * 70e12) * 100,
        derived("compute.qwen3-embedding-8b.utilisation"),
        1e-3);
    double flops06 = 880_803_840.0 + 14_794_752.0; // docs/costmodel.md's hand check
    assertEquals(
        (1 - flops06 / flops8b) * 100, derived("compute.saving-at-equal-utilisation"), 1e-3);
    // 57.87 requests/s on 180/s: one A10G a third busy, a year at the article's $0.95/h
    assertEquals(0.95 * 8760, derived("throughput.whole-demand"), 1e-9);
    assertTrue(findings.get("throughput.whole-demand").note().contains("32.15%"));
    assertEquals(73.84 - 66.33, derived("quality.drop-cmteb"), 1e-9);
    assertEquals(1e6 * 4096 * 4 / 1e9, derived("memory.index-per-million-vectors"), 1e-9);
  }

  @Test
  void directionalVerdictsTellUnderstatedFromOverstated() {
    assertEquals(Verdict.UNDERSTATED, findings.get("speedup.latency").verdict());
    assertTrue(findings.get("speedup.latency").flagged());
    assertEquals(Verdict.CONTRADICTED, findings.get("savings.utilisation").verdict());
    assertTrue(findings.get("savings.utilisation").note().contains("never reached the bill"));
  }

  @Test
  void claimsValidateTheirRows() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ClaimedModel("m", 1, 1, 0, 1, 1, "MTEB", null));
    assertEquals("meanLatencyMillis must be > 0, was 0.0", e.getMessage());
    assertTrue(findings.values().stream().filter(AuditFinding::flagged).count() >= 20);
  }
}
