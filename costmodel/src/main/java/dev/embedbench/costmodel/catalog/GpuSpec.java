package dev.embedbench.costmodel.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One GPU of the catalog.
 *
 * @param id the catalog key, such as {@code A10G}
 * @param name the full name
 * @param memoryGb GPU memory in GB (10^9 bytes, as vendors state it)
 * @param denseFp16TeraflopsPerSec peak dense (not 2:4 sparse) FP16/BF16 tensor throughput
 * @param specSource where the memory and FLOP/s figures come from
 * @param specsAssumedFrom the id of another GPU whose memory and FLOP/s were copied because this
 *     entry names only a price (the article's unnamed instance), or null
 * @param prices on-demand prices, the first being the default
 */
public record GpuSpec(
    String id,
    String name,
    double memoryGb,
    double denseFp16TeraflopsPerSec,
    SourceNote specSource,
    String specsAssumedFrom,
    List<GpuPrice> prices) {

  public GpuSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(specSource, "specSource");
    prices = List.copyOf(prices);
    if (!(memoryGb > 0)) {
      throw new IllegalArgumentException("memoryGb must be > 0, was " + memoryGb);
    }
    if (!(denseFp16TeraflopsPerSec > 0)) {
      throw new IllegalArgumentException(
          "denseFp16TeraflopsPerSec must be > 0, was " + denseFp16TeraflopsPerSec);
    }
    if (prices.isEmpty()) {
      throw new IllegalArgumentException("prices must list at least one on-demand price");
    }
  }

  public double denseFp16FlopsPerSec() {
    return denseFp16TeraflopsPerSec * 1e12;
  }

  public GpuPrice defaultPrice() {
    return prices.get(0);
  }

  /** The price whose instance type is {@code instanceType} (case-insensitive). */
  public Optional<GpuPrice> price(String instanceType) {
    return prices.stream().filter(p -> p.instanceType().equalsIgnoreCase(instanceType)).findFirst();
  }
}
