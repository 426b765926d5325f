package dev.embedbench.costmodel.scenario;

import dev.embedbench.costmodel.audit.ArticleClaims;
import dev.embedbench.costmodel.catalog.GpuCatalog;
import dev.embedbench.costmodel.catalog.ModelCatalog;
import dev.embedbench.costmodel.catalog.SourceNote;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one cost comparison needs.
 *
 * @param name short name, printed in every output
 * @param file where it was read from
 * @param description one paragraph on what it models
 * @param source where its demand and claims come from
 * @param demand the traffic
 * @param policy utilisation target, minimum replicas, scaling, SLO
 * @param qualityBenchmark the catalog benchmark used for cost per quality point (such as {@code
 *     mmteb})
 * @param baselineId the deployment savings are measured against
 * @param deployments the options compared
 * @param claims a published claim table to audit, or null
 * @param gpus the GPU catalog the deployments were resolved in
 * @param models the model catalog the deployments were resolved in
 */
public record Scenario(
    String name,
    String file,
    String description,
    SourceNote source,
    Demand demand,
    Policy policy,
    String qualityBenchmark,
    String baselineId,
    List<Deployment> deployments,
    ArticleClaims claims,
    GpuCatalog gpus,
    ModelCatalog models) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(qualityBenchmark, "qualityBenchmark");
    Objects.requireNonNull(baselineId, "baselineId");
    Objects.requireNonNull(gpus, "gpus");
    Objects.requireNonNull(models, "models");
    deployments = List.copyOf(deployments);
    if (deployments.isEmpty()) {
      throw new IllegalArgumentException("deployments must list at least one deployment");
    }
    Set<String> ids = new HashSet<>();
    for (Deployment d : deployments) {
      if (!ids.add(d.id())) {
        throw new IllegalArgumentException(
            "deployment ids must be unique; '" + d.id() + "' repeats");
      }
    }
    if (!ids.contains(baselineId)) {
      throw new IllegalArgumentException(
          "baseline must name a deployment, one of "
              + deployments.stream().map(Deployment::id).toList()
              + ", not '"
              + baselineId
              + "'");
    }
    if (policy.scaling() == Scaling.HOURLY && !demand.hasHourlyProfile()) {
      throw new IllegalArgumentException("scaling 'hourly' needs demand.hourlyProfile");
    }
  }

  public Optional<ArticleClaims> articleClaims() {
    return Optional.ofNullable(claims);
  }

  public Optional<Deployment> deployment(String id) {
    return deployments.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Scenario withDeployments(List<Deployment> newDeployments, String newBaselineId) {
    return new Scenario(
        name,
        file,
        description,
        source,
        demand,
        policy,
        qualityBenchmark,
        newBaselineId,
        newDeployments,
        claims,
        gpus,
        models);
  }

  public Scenario withDemand(Demand newDemand) {
    return new Scenario(
        name,
        file,
        description,
        source,
        newDemand,
        policy,
        qualityBenchmark,
        baselineId,
        deployments,
        claims,
        gpus,
        models);
  }

  public Scenario withPolicy(Policy newPolicy) {
    return new Scenario(
        name,
        file,
        description,
        source,
        demand,
        newPolicy,
        qualityBenchmark,
        baselineId,
        deployments,
        claims,
        gpus,
        models);
  }
}
