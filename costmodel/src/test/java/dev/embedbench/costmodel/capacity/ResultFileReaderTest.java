package dev.embedbench.costmodel.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embedbench.costmodel.config.ConfigException;
import dev.embedbench.results.Slo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFileReaderTest {

  /** A sweep.json as the load generator writes it (schema_version 1, snake_case), trimmed. */
  static final String SWEEP =
      """
      {
        "schema_version": 1,
        "name": "sweep-0.6b",
        "target": {"url": "http://127.0.0.1:8080/v1", "model": "Qwen3-Embedding-0.6B", "kind": "emulated"},
        "slo": {"p99_ms": 200.0, "max_error_rate": 0.01},
        "plan": {"start_rate": 25.0, "max_rate": 2000.0},
        "steps": [
          {"step": 1, "stage": "ramp", "rate": 25.0, "pass": true, "reasons": [], "achieved_rate": 24.9,
           "p50_ms": 11.0, "p99_ms": 40.0, "error_rate": 0.0,
           "summary": {"workload": {"inputs_per_request": 4}}},
          {"step": 2, "stage": "ramp", "rate": 50.0, "pass": true, "reasons": [], "achieved_rate": 49.8,
           "p50_ms": 12.0, "p99_ms": 150.0, "error_rate": 0.0},
          {"step": 3, "stage": "ramp", "rate": 100.0, "pass": false, "reasons": ["p99 900 ms > 200 ms"],
           "achieved_rate": 97.0, "p50_ms": 400.0, "p99_ms": 900.0, "error_rate": 0.0},
          {"step": 4, "stage": "bisect", "rate": 75.0, "pass": true, "reasons": [], "achieved_rate": 74.7,
           "p50_ms": 30.0, "p99_ms": 190.0, "error_rate": 0.001}
        ],
        "best_rate": 75.0,
        "first_failing_rate": 100.0,
        "partial": false
      }
      """;

  @TempDir Path dir;

  Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json);
  }

  @Test
  void sweepGivesTheHighestPassingRateWithKindAndModel() throws IOException {
    write("sweep.json", SWEEP);
    MeasuredCapacity m = ResultFileReader.read(dir); // a run directory
    assertEquals(75.0, m.requestsPerSec());
    assertEquals("emulated", m.backendKind());
    assertEquals("Qwen3-Embedding-0.6B", m.model());
    assertEquals(4.0, m.inputsPerRequest());
    assertTrue(m.fromSweep());
    assertTrue(m.basis().contains("3 of 4 sweep steps"), m.basis());
  }

  @Test
  void aStricterScenarioSloRejudgesTheSteps() throws IOException {
    Path file = write("sweep.json", SWEEP);
    // step 4 (75/s) has p99 190 ms: it passed the sweep's 200 ms, not the scenario's 160 ms
    assertEquals(50.0, ResultFileReader.read(file, new Slo(160, 0.01)).requestsPerSec());
    // step 4 also had 0.1% errors
    assertEquals(50.0, ResultFileReader.read(file, new Slo(500, 0.0)).requestsPerSec());
    ConfigException e =
        assertThrows(ConfigException.class, () -> ResultFileReader.read(file, new Slo(10, 0.01)));
    assertEquals("steps", e.key());
    assertTrue(e.reason().startsWith("no step met the SLO"), e.reason());
  }

  @Test
  void sweepWithoutStepsUsesBestRateAndRefusesNull() throws IOException {
    Path file = write("sweep.json", "{\"best_rate\": 42.5, \"target\": {\"kind\": \"remote\"}}");
    assertEquals(42.5, ResultFileReader.read(file).requestsPerSec());
    assertEquals("remote", ResultFileReader.read(file).backendKind());
    Path none = write("none.json", "{\"best_rate\": 0, \"slo\": {\"p99_ms\": 100}}");
    ConfigException e = assertThrows(ConfigException.class, () -> ResultFileReader.read(none));
    assertEquals("best_rate", e.key());
    assertTrue(e.reason().contains("no rate that met its SLO p99 <= 100.0 ms"), e.reason());
    Path nothing = write("null.json", "{\"best_rate\": null}");
    assertEquals(
        "best_rate",
        assertThrows(ConfigException.class, () -> ResultFileReader.read(nothing)).key());
  }

  @Test
  void summaryOfOneRunIsJudgedAgainstTheScenarioSlo() throws IOException {
    write(
        "summary.json",
        """
        {"schema_version": 1, "target": {"model": "bge-m3", "kind": "unknown"},
         "achieved_rate": 30.0, "error_rate": 0.0, "response_time_ms": {"p50": 20.0, "p99": 70.0},
         "valid": true, "workload": {"inputs_per_request": 1}}
        """);
    MeasuredCapacity m = ResultFileReader.read(dir, new Slo(80, 0.01));
    assertEquals(30.0, m.requestsPerSec());
    assertEquals("unstated", m.backendKind()); // "unknown" is not a kind we can label a figure with
    assertFalse(m.fromSweep());
    ConfigException e =
        assertThrows(ConfigException.class, () -> ResultFileReader.read(dir, new Slo(50, 0.01)));
    assertTrue(e.reason().contains("missed the scenario's p99 <= 50 ms"), e.reason());
  }

  @Test
  void invalidRunIsRefused() throws IOException {
    Path file =
        write(
            "summary.json",
            "{\"achieved_rate\": 30, \"valid\": false, "
                + "\"invalid_reasons\": [\"schedule lag\"]}");
    ConfigException e = assertThrows(ConfigException.class, () -> ResultFileReader.read(file));
    assertEquals("valid", e.key());
  }

  @Test
  void fileWithNoRateSaysWhatItExpected() throws IOException {
    Path file = write("other.json", "{\"hello\": 1}");
    ConfigException e = assertThrows(ConfigException.class, () -> ResultFileReader.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.reason().contains("best_rate"), e.reason());
    assertNull(ResultFileReader.read(write("s.json", "{\"best_rate\": 3}")).model());
  }

  /** The capacity object the load generator writes, with the median of 3 searches and its range. */
  static final String CAPACITY =
      """
      , "capacity": {"requests_per_s": 70.0, "min_requests_per_s": 68.0, "max_requests_per_s": 74.0,
        "repeats": 3, "bracket": "bracketed", "upper_bracket_requests_per_s": 80.0,
        "saturation_requests_per_s": 110.0, "searches_requests_per_s": [68.0, 70.0, 74.0],
        "mean_tokens_per_input": 32.0, "inputs_per_request": 4, "token_count": "estimated"}}
      """;

  @Test
  void theCapacityObjectIsTheAnswerUnderASweepSloAtLeastAsStrictAsTheScenarios()
      throws IOException {
    Path file = write("sweep.json", SWEEP.substring(0, SWEEP.lastIndexOf('}')) + CAPACITY);
    for (Slo scenario : new Slo[] {null, new Slo(200, 0.01), new Slo(500, 0.05)}) {
      MeasuredCapacity m = ResultFileReader.read(file, scenario);
      assertEquals(70.0, m.requestsPerSec());
      assertEquals(68.0, m.minRequestsPerSec());
      assertEquals(74.0, m.maxRequestsPerSec());
      assertEquals(3, m.repeats());
      assertEquals(CapacityBound.BRACKETED, m.bound());
      assertEquals(80.0, m.upperBracketRequestsPerSec());
      assertEquals(32.0, m.meanTokensPerInput());
      assertTrue(m.basis().contains("median of 3 searches"), m.basis());
    }
    // A stricter scenario (160 ms < the sweep's 200 ms): the sweep's verdicts do not hold; its
    // steps are
    // judged again, and the basis says why.
    MeasuredCapacity rejudged = ResultFileReader.read(file, new Slo(160, 0.01));
    assertEquals(50.0, rejudged.requestsPerSec());
    assertTrue(rejudged.basis().contains("looser SLO"), rejudged.basis());
  }

  @Test
  void aLowerBoundCapacityStaysALowerBound() throws IOException {
    Path file =
        write(
            "sweep.json",
            SWEEP.substring(0, SWEEP.lastIndexOf('}'))
                + CAPACITY
                    .replace("\"bracketed\"", "\"lower_bound\"")
                    .replace(
                        "\"upper_bracket_requests_per_s\": 80.0",
                        "\"upper_bracket_requests_per_s\": null"));
    MeasuredCapacity m = ResultFileReader.read(file);
    assertEquals(CapacityBound.LOWER_BOUND, m.bound());
    assertTrue(m.lowerBoundOnly());
    assertNull(m.upperBracketRequestsPerSec());
    Path bad =
        write(
            "bad.json",
            SWEEP.substring(0, SWEEP.lastIndexOf('}')) + CAPACITY.replace("bracketed", "sort of"));
    assertEquals(
        "capacity", assertThrows(ConfigException.class, () -> ResultFileReader.read(bad)).key());
  }
}
