package dev.embedbench.loadgen.workload;

import java.util.List;

/**
 * One line of a workload: a single text (a text line or {@code {"text": ...}}), or the exact inputs
 * of one request ({@code {"input": [...]}}), which are sent as they are.
 */
public record WorkloadEntry(List<String> inputs, boolean wholeRequest) {

  public WorkloadEntry {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a workload entry needs at least one input");
    }
    if (!wholeRequest && inputs.size() != 1) {
      throw new IllegalArgumentException(
          "a single-text entry holds exactly one input, got " + inputs.size());
    }
  }

  public static WorkloadEntry text(String text) {
    return new WorkloadEntry(List.of(text), false);
  }
}
