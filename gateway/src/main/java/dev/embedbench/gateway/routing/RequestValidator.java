package dev.embedbench.gateway.routing;

import dev.embedbench.backends.EmbeddingInput;
import dev.embedbench.backends.MatryoshkaRange;
import dev.embedbench.backends.TokenEstimator;
import dev.embedbench.backends.wire.ApiError;
import dev.embedbench.backends.wire.ApiException;
import dev.embedbench.backends.wire.EmbeddingsRequest;
import dev.embedbench.gateway.config.InstructionConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request against what its route can serve and applies the route's instruction: 400 for a
 * {@code dimensions} the model cannot give, for token ids the backends cannot read, and for an
 * input over the model's token limit (estimated for text unless every target checks exactly).
 */
final class RequestValidator {

  private final String routeName;
  private final RouteModel model;
  private final Integer defaultDimensions;

  /** The instruction split around the text, or null. */
  private final String instructionPrefix;

  private final String instructionSuffix;

  RequestValidator(
      String routeName,
      RouteModel model,
      Integer defaultDimensions,
      InstructionConfig instruction) {
    this.routeName = routeName;
    this.model = model;
    this.defaultDimensions = defaultDimensions;
    if (instruction == null) {
      this.instructionPrefix = null;
      this.instructionSuffix = null;
    } else {
      String[] parts = instruction.prefixAndSuffix();
      this.instructionPrefix = parts[0];
      this.instructionSuffix = parts[1];
    }
  }

  /**
   * @param withInstruction false when the client addressed one of the route's document aliases
   * @throws ApiException 400 naming the field at fault
   */
  PreparedRequest prepare(EmbeddingsRequest request, boolean withInstruction) {
    if (request.inputs().isEmpty()) {
      throw ApiException.invalid("'input' must not be empty.", "input");
    }
    Integer dimensions = dimensions(request.dimensions());
    boolean instruct = withInstruction && instructionPrefix != null;
    List<EmbeddingInput> inputs = new ArrayList<>(request.inputs().size());
    for (int i = 0; i < request.inputs().size(); i++) {
      EmbeddingInput input = request.inputs().get(i);
      if (input instanceof EmbeddingInput.TokenIds ids) {
        if (model.tokenizer() == null) {
          throw new ApiException(
              ApiError.invalidRequest(
                  "Model '"
                      + routeName
                      + "' accepts text"
                      + " input only: its backends do not declare a tokenizer whose ids they accept.",
                  "input",
                  "token_ids_not_supported"));
        }
        checkTokens(i, ids.ids().length, "has");
        inputs.add(input);
      } else {
        String text = ((EmbeddingInput.Text) input).text();
        if (instruct) {
          text = instructionPrefix + text + instructionSuffix;
        }
        if (!model.exactTokenLimits()) {
          checkTokens(i, TokenEstimator.estimate(text), "has an estimated");
        }
        inputs.add(instruct ? new EmbeddingInput.Text(text) : input);
      }
    }
    return new PreparedRequest(inputs, dimensions);
  }

  private Integer dimensions(Integer requested) {
    if (requested == null) {
      return defaultDimensions;
    }
    MatryoshkaRange range = model.matryoshka();
    if (range == null) {
      throw new ApiException(
          ApiError.invalidRequest(
              "Model '"
                  + routeName
                  + "' does not support"
                  + " 'dimensions': it has no Matryoshka range and always returns "
                  + model.dimensions()
                  + " dimensions.",
              "dimensions",
              "invalid_dimensions"));
    }
    if (!range.contains(requested)) {
      throw new ApiException(
          ApiError.invalidRequest(
              "'dimensions' for model '"
                  + routeName
                  + "' must be between "
                  + range.minDimensions()
                  + " and "
                  + range.maxDimensions()
                  + ", was "
                  + requested
                  + ".",
              "dimensions",
              "invalid_dimensions"));
    }
    return requested;
  }

  private void checkTokens(int index, int tokens, String how) {
    if (tokens > model.maxInputTokens()) {
      throw new ApiException(
          ApiError.invalidRequest(
              "Input "
                  + index
                  + " "
                  + how
                  + " "
                  + tokens
                  + " tokens, over the limit of "
                  + model.maxInputTokens()
                  + " for model '"
                  + routeName
                  + "'.",
              "input",
              "context_length_exceeded"));
    }
  }
}
