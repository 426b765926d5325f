package dev.embedbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityTest {

  static Capacity lowerBound() {
    return new Capacity(
        20, 20, 20, 1, Bracket.LOWER_BOUND, null, 5000.0, List.of(20.0), 32, 1, "estimated");
  }

  static Capacity repeated() {
    return new Capacity(
        31.41,
        31.06,
        32.13,
        3,
        Bracket.BRACKETED,
        33.2,
        46.17,
        List.of(31.41, 32.13, 31.06),
        32,
        1,
        "exact");
  }

  @Test
  void aLowerBoundIsWrittenAsOneAndABracketedCapacityWithItsRange() {
    assertTrue(lowerBound().label().startsWith("≥ 20 req/s, a lower bound"), lowerBound().label());
    assertEquals(
        "31.41 req/s (median of 3: 31.06–32.13), bracketed below 33.20 req/s, at 32 tokens per input"
            + " (exact)",
        repeated().label());
  }

  @Test
  void jsonRoundTripKeepsTheNamesTheCostModelReads() throws Exception {
    for (Capacity capacity : List.of(lowerBound(), repeated())) {
      JsonNode json = ResultJson.MAPPER.valueToTree(capacity);
      for (String key :
          List.of(
              "requests_per_s",
              "min_requests_per_s",
              "max_requests_per_s",
              "repeats",
              "bracket",
              "upper_bracket_requests_per_s",
              "mean_tokens_per_input",
              "inputs_per_request",
              "token_count")) {
        assertTrue(json.has(key), key + " in " + json);
      }
      assertEquals(
          capacity.lowerBound() ? "lower_bound" : "bracketed", json.get("bracket").asText());
      assertEquals(capacity, ResultJson.MAPPER.treeToValue(json, Capacity.class));
    }
  }

  @Test
  void theRecordStatesItsRules() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Capacity(
                20, 20, 20, 1, Bracket.BRACKETED, null, null, List.of(20.0), 32, 1, "estimated"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Capacity(
                20, 20, 20, 1, Bracket.LOWER_BOUND, 25.0, null, List.of(20.0), 32, 1, "estimated"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Capacity(
                20,
                21,
                22,
                2,
                Bracket.LOWER_BOUND,
                null,
                null,
                List.of(21.0, 22.0),
                32,
                1,
                "estimated"));
    assertThrows(IllegalArgumentException.class, () -> Bracket.parse("sort of"));
    assertEquals(2.0, Capacity.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, Capacity.median(List.of(4.0, 1.0, 2.0, 3.0)));
  }

  @Test
  void aSloIsAtLeastAsStrictOnlyOnBothBounds() {
    Slo sweep = new Slo(200, 0.01);
    assertTrue(sweep.atLeastAsStrictAs(new Slo(200, 0.01)));
    assertTrue(sweep.atLeastAsStrictAs(new Slo(500, 0.05)));
    assertTrue(!sweep.atLeastAsStrictAs(new Slo(160, 0.05)));
    assertTrue(!sweep.atLeastAsStrictAs(new Slo(500, 0.001)));
    assertEquals("p99 <= 200 ms, errors <= 1%", sweep.label());
  }
}
