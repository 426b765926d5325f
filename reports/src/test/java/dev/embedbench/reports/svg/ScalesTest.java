package dev.embedbench.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalesTest {

  @Test
  void inverseTailScaleSpacesTheNinesEvenly() {
    // Up to p99.9: three decades of 1/(1-q) over 300 px.
    InverseTailScale scale = new InverseTailScale(0.999, 0, 300);
    assertEquals(3, scale.nines());
    assertEquals(0, scale.pixel(0), 1e-9);
    assertEquals(100, scale.pixel(0.9), 1e-9);
    assertEquals(200, scale.pixel(0.99), 1e-9);
    assertEquals(300, scale.pixel(0.999), 1e-9);
    // The median sits at log10(2) of a decade.
    assertEquals(100 * Math.log10(2), scale.pixel(0.5), 1e-9);
    List<String> labels = scale.ticks().stream().map(Tick::label).toList();
    assertEquals(List.of("0%", "50%", "90%", "99%", "99.9%"), labels);
  }

  @Test
  void inverseTailScaleShowsAtLeastP99() {
    assertEquals(2, new InverseTailScale(0.5, 0, 100).nines());
    assertEquals(4, new InverseTailScale(0.9999, 0, 100).nines());
    assertEquals(5, new InverseTailScale(0.99991, 0, 100).nines());
  }

  @Test
  void linearScaleUsesRoundTicksAndCoversTheData() {
    LinearScale scale = new LinearScale(0, 853, true, 400, 0);
    assertEquals(0, scale.domainMin());
    assertEquals(1000, scale.domainMax());
    assertEquals(
        List.of("0", "200", "400", "600", "800", "1,000"),
        scale.ticks().stream().map(Tick::label).toList());
    assertEquals(400, scale.pixel(0), 1e-9);
    assertEquals(0, scale.pixel(1000), 1e-9);
    assertEquals(200, scale.pixel(500), 1e-9);
  }

  @Test
  void linearScaleWidensADegenerateRange() {
    LinearScale scale = new LinearScale(5, 5, false, 0, 100);
    assertTrue(scale.domainMin() < 5 && scale.domainMax() > 5);
  }

  @Test
  void logScaleSpansWholeDecades() {
    // 35 .. 19,931 spans the decades 10 .. 100,000: four decades of 75 px.
    LogScale scale = new LogScale(35, 19_931, 0, 300);
    assertEquals(0, scale.pixel(10), 1e-9);
    assertEquals(75, scale.pixel(100), 1e-9);
    assertEquals(300, scale.pixel(100_000), 1e-9);
    assertEquals(
        List.of("10", "100", "1,000", "10,000", "100,000"),
        scale.ticks().stream().map(Tick::label).toList());
    assertTrue(LogScale.suits(1, 100, 30));
    assertTrue(!LogScale.suits(10, 100, 30));
  }
}
