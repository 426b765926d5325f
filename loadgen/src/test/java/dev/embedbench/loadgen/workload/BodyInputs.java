package dev.embedbench.loadgen.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code input} array back out of a prepared body, for tests. */
final class BodyInputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BodyInputs() {}

  static List<String> of(PreparedRequest request) throws IOException {
    JsonNode input = JSON.readTree(request.body().getBytes()).get("input");
    List<String> inputs = new ArrayList<>();
    input.forEach(node -> inputs.add(node.asText()));
    return inputs;
  }
}
