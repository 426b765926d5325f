package dev.embedbench.costmodel.render;

import dev.embedbench.costmodel.CostAnalysis;
import dev.embedbench.costmodel.cost.BoundKind;
import dev.embedbench.costmodel.cost.CostReport;
import dev.embedbench.costmodel.cost.DemandPoint;
import dev.embedbench.costmodel.cost.DeploymentCost;
import dev.embedbench.costmodel.cost.UnitCost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets, tables separated by a blank line: the unit cost at capacity (the answer),
 * the whole-instance fleet, the fleet across demand, the break-even demands, the audit findings,
 * the sensitivity cases. Column names say their units ({@code usdPerYear}). A figure computed from
 * a capacity that is a lower bound is written as the bound it is ({@code ≤ $0.54}, {@code ≥ 93.4%},
 * {@code unknown}), never plain.
 */
public final class CsvRenderer {

  private CsvRenderer() {}

  public static String render(CostAnalysis analysis) {
    CostReport r = analysis.report();
    StringBuilder out = new StringBuilder();
    unitCosts(out, r);
    out.append("\r\n");
    boolean baselineBound = r.deployment(r.baselineId()).capacityLowerBound();
    table(
        out,
        r.deployments(),
        Map.of(
            "savingsVsBaselinePercent",
                d -> {
                  DeploymentCost c = (DeploymentCost) d;
                  return c.deploymentId().equals(r.baselineId())
                      ? ""
                      : Bounds.fleetSaving(
                          c.savingsVsBaselinePercent(), c.capacityLowerBound(), baselineBound);
                },
            "usdPerYear",
                d ->
                    bounded(
                        ((DeploymentCost) d).usdPerYear(),
                        ((DeploymentCost) d).capacityLowerBound()),
            "usdPerHour",
                d ->
                    bounded(
                        ((DeploymentCost) d).usdPerHour(),
                        ((DeploymentCost) d).capacityLowerBound()),
            "usdPerMillionRequests",
                d ->
                    bounded(
                        ((DeploymentCost) d).usdPerMillionRequests(),
                        ((DeploymentCost) d).capacityLowerBound()),
            "usdPerMillionTokens",
                d ->
                    bounded(
                        ((DeploymentCost) d).usdPerMillionTokens(),
                        ((DeploymentCost) d).capacityLowerBound()),
            "capacityRequestsPerSecPerReplica",
                d ->
                    (((DeploymentCost) d).capacityLowerBound() ? ">= " : "")
                        + ((DeploymentCost) d).capacityRequestsPerSecPerReplica()));
    out.append("\r\n");
    demandCurve(out, r);
    if (!r.demandCurve().breakEvens().isEmpty()) {
      out.append("\r\n");
      table(out, r.demandCurve().breakEvens(), Map.of());
    }
    if (!analysis.audit().isEmpty()) {
      out.append("\r\n");
      table(out, analysis.audit(), Map.of());
    }
    out.append("\r\n");
    table(out, r.sensitivity(), Map.of());
    return out.toString();
  }

  private static Object bounded(double value, boolean lowerBound) {
    return lowerBound ? "<= " + value : value;
  }

  private static void unitCosts(StringBuilder out, CostReport r) {
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(
          "deploymentId",
          "modelName",
          "gpuId",
          "priceLabel",
          "pricePerGpuHourUsd",
          "capacityRequestsPerSec",
          "capacityMinRequestsPerSec",
          "capacityMaxRequestsPerSec",
          "capacityRepeats",
          "capacityBound",
          "capacityProvenance",
          "tokensPerInput",
          "tokensStated",
          "targetUtilisation",
          "usdPerMillionRequests",
          "usdPerMillionTokens",
          "savingVsBaseline",
          "savingBasis",
          "usdPerMillionRequestsValue",
          "savingVsBaselineValue");
      for (UnitCost u : r.unitCosts()) {
        printer.printRecord(
            u.deploymentId(),
            u.modelName(),
            u.gpuId(),
            u.priceLabel(),
            u.pricePerGpuHourUsd(),
            Bounds.capacity(
                u.capacityRequestsPerSec(),
                u.capacityMinRequestsPerSec(),
                u.capacityMaxRequestsPerSec(),
                u.capacityRepeats(),
                u.capacityLowerBound()),
            u.capacityMinRequestsPerSec(),
            u.capacityMaxRequestsPerSec(),
            u.capacityRepeats(),
            u.capacityLowerBound() ? "lower bound" : "",
            u.capacityProvenance(),
            u.tokensPerInput(),
            u.tokensStated(),
            u.targetUtilisation(),
            Bounds.usd(u.usdPerMillionRequests()),
            Bounds.usd(u.usdPerMillionTokens()),
            u.savingVsBaseline() == null
                ? ""
                : Bounds.saving(u.savingVsBaseline(), u.savingBasis()),
            u.savingBasis(),
            u.usdPerMillionRequests().kind() == BoundKind.EXACT
                ? u.usdPerMillionRequests().value()
                : "",
            Bounds.plain(u.savingVsBaseline()) ? u.savingVsBaseline().value() : "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One row per demand: requests per day, then per deployment its replicas, yearly cost and saving.
   */
  private static void demandCurve(StringBuilder out, CostReport r) {
    List<String> header = new ArrayList<>(List.of("demandMultiplier", "requestsPerDay"));
    for (UnitCost u : r.unitCosts()) {
      header.add(u.deploymentId() + ".replicasAtPeak");
      header.add(u.deploymentId() + ".usdPerYear");
      header.add(u.deploymentId() + ".savingsVsBaselinePercent");
    }
    boolean baselineBound = r.unitCost(r.baselineId()).capacityLowerBound();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      for (DemandPoint p : r.demandCurve().points()) {
        List<Object> row = new ArrayList<>(List.of(p.demandMultiplier(), p.requestsPerDay()));
        for (UnitCost u : r.unitCosts()) {
          String id = u.deploymentId();
          row.add(p.replicasById().get(id));
          row.add(bounded(p.usdPerYearById().get(id), u.capacityLowerBound()));
          row.add(
              id.equals(r.baselineId())
                  ? ""
                  : Bounds.fleetSaving(
                      p.savingPercentById().get(id), u.capacityLowerBound(), baselineBound));
        }
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One header row of component names, then one row per record; {@code overrides} write chosen
   * columns.
   */
  static void table(
      StringBuilder out,
      List<? extends Record> records,
      Map<String, Function<Record, Object>> overrides) {
    if (records.isEmpty()) {
      return;
    }
    RecordComponent[] components = records.get(0).getClass().getRecordComponents();
    List<String> header = new ArrayList<>();
    for (RecordComponent c : components) {
      header.add(c.getName());
    }
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      for (Record r : records) {
        List<Object> row = new ArrayList<>();
        for (RecordComponent c : components) {
          Function<Record, Object> override = overrides.get(c.getName());
          row.add(override != null ? override.apply(r) : c.getAccessor().invoke(r));
        }
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read a record component: " + e.getMessage(), e);
    }
  }
}
