package dev.embedbench.costmodel.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.embedbench.costmodel.CostAnalysis;

/** JSON for programs: the {@link CostAnalysis} tree as it is, field names with their units. */
public final class JsonRenderer {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonRenderer() {}

  public static String render(CostAnalysis analysis) {
    try {
      return MAPPER.writeValueAsString(analysis);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the analysis as JSON: " + e.getMessage(), e);
    }
  }
}
