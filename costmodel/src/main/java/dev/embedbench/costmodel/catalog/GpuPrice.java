package dev.embedbench.costmodel.catalog;

import java.util.Objects;

/**
 * An on-demand price for an instance that carries one or more GPUs of one kind.
 *
 * @param cloud the provider as it names itself (AWS, Google Cloud, Lambda...)
 * @param instanceType the instance or machine type priced
 * @param region where the price applies
 * @param gpusPerInstance how many GPUs the instance carries; the price per GPU-hour divides by it
 * @param instancePricePerHourUsd the listed on-demand price of the whole instance
 * @param source where and when it was listed
 */
public record GpuPrice(
    String cloud,
    String instanceType,
    String region,
    int gpusPerInstance,
    double instancePricePerHourUsd,
    SourceNote source) {

  public GpuPrice {
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(instanceType, "instanceType");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(source, "source");
    if (gpusPerInstance < 1) {
      throw new IllegalArgumentException("gpusPerInstance must be >= 1, was " + gpusPerInstance);
    }
    if (!(instancePricePerHourUsd > 0) || !Double.isFinite(instancePricePerHourUsd)) {
      throw new IllegalArgumentException(
          "instancePricePerHourUsd must be > 0, was " + instancePricePerHourUsd);
    }
  }

  public double pricePerGpuHourUsd() {
    return instancePricePerHourUsd / gpusPerInstance;
  }

  /**
   * For tables: {@code AWS g5.xlarge us-east-1 $1.006/h}, with the share when the instance has
   * several GPUs.
   */
  public String label() {
    String share = gpusPerInstance == 1 ? "" : " (1/" + gpusPerInstance + " of the instance)";
    return cloud + " " + instanceType + " " + region + share;
  }
}
