package dev.embedbench.costmodel.cost;

import static dev.embedbench.costmodel.cost.CostText.fmt;

import dev.embedbench.costmodel.scenario.Capacity;
import dev.embedbench.costmodel.scenario.Demand;
import dev.embedbench.costmodel.scenario.Deployment;
import dev.embedbench.costmodel.scenario.TokenRescale;

/**
 * A capacity holds at the token length it was measured at: taking it to the demand's length is an
 * explicit, labelled rescale or an error, never silent.
 */
final class TokenLengths {

  /** Token lengths closer than this are the same length (a measured mean is not a whole number). */
  static final double SAME_TOKENS = 0.5;

  private TokenLengths() {}

  /**
   * The capacity at the demand's token length: as it is when the lengths agree or the capacity
   * states none; rescaled by the policy's rule, and labelled, when they differ; refused when the
   * rule is none.
   */
  static Capacity atDemandTokens(Deployment d, Demand demand, TokenRescale rule) {
    Capacity c = d.capacity();
    Double tokens = c.tokensPerInput();
    if (tokens == null || Math.abs(tokens - demand.tokensPerInput()) < SAME_TOKENS) {
      return c;
    }
    if (rule == TokenRescale.NONE) {
      throw new IllegalArgumentException(
          d.id()
              + ": its capacity holds at "
              + fmt(tokens)
              + " tokens per input but the demand is priced at "
              + demand.tokensPerInput()
              + " tokens per input; measure it at "
              + demand.tokensPerInput()
              + " tokens, or set policy.tokenRescale:"
              + " linear ("
              + TokenRescale.LINEAR.rule()
              + ")");
    }
    return c.scaled(
            tokens / demand.tokensPerInput(), rescaleLabel(tokens, demand.tokensPerInput(), rule))
        .atTokens((double) demand.tokensPerInput());
  }

  /**
   * {@code rescaled 128→32 tokens (linear: ...)}: printed beside every figure that used a rescaled
   * capacity.
   */
  static String rescaleLabel(double from, double to, TokenRescale rule) {
    return "rescaled "
        + fmt(from)
        + "→"
        + fmt(to)
        + " tokens ("
        + rule.label()
        + ": "
        + rule.rule()
        + ")";
  }

  /** The capacity's label, with the token rescaling when one was applied. */
  static String provenance(Capacity original, Capacity used, Demand demand) {
    if (original.tokensPerInput() == null || used.equals(original)) {
      return original.provenance();
    }
    return original.provenance()
        + ", rescaled "
        + fmt(original.tokensPerInput())
        + "→"
        + demand.tokensPerInput()
        + " tokens (linear)";
  }

  /** The length a capacity was measured at, else the demand's. */
  static double tokensOf(Capacity c, Demand demand) {
    return c.tokensPerInput() != null ? c.tokensPerInput() : demand.tokensPerInput();
  }
}
