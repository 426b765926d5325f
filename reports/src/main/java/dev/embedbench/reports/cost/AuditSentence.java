package dev.embedbench.reports.cost;

import dev.embedbench.costmodel.audit.AuditFinding;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One sentence on the article's claimed saving, from the audit findings that derive it. */
final class AuditSentence {

  private AuditSentence() {}

  /** Empty when the audit lacks the findings the sentence is built from. */
  static String of(List<AuditFinding> findings) {
    Map<String, AuditFinding> byId =
        findings.stream()
            .collect(Collectors.toMap(AuditFinding::id, Function.identity(), (a, b) -> a));
    Optional<AuditFinding> annual = Optional.ofNullable(byId.get("savings.annual"));
    Optional<AuditFinding> perRequest = Optional.ofNullable(byId.get("savings.per-request"));
    Optional<AuditFinding> volume = Optional.ofNullable(byId.get("reproduce.volume"));
    Optional<AuditFinding> equal =
        Optional.ofNullable(byId.get("compute.saving-at-equal-utilisation"));
    if (annual.isEmpty() || perRequest.isEmpty() || volume.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "The article's %.0f%% is %s, its two annual figures; its own costs per "
                + "request give %.1f%%",
            annual.get().claimedValue(),
            annual.get().derivation(),
            perRequest.get().derivedValue()));
    equal.ifPresent(
        e ->
            s.append(
                String.format(
                    Locale.ROOT, ", equal GPU utilisation gives %.1f%%", e.derivedValue())));
    s.append(
        String.format(
            Locale.ROOT,
            ", and its baseline's annual figure holds only at %,.0f requests/day, not "
                + "the stated %,.0f (audit: %s, %s, %s%s).",
            volume.get().derivedValue(),
            volume.get().claimedValue(),
            annual.get().id(),
            perRequest.get().id(),
            volume.get().id(),
            equal.map(e -> ", " + e.id()).orElse("")));
    return s.toString();
  }
}
