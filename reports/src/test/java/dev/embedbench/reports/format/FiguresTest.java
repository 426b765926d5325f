package dev.embedbench.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void threeSignificantDigitsBelowAThousandWholeNumbersAbove() {
    assertEquals("65.2", Figures.number(65.2345));
    assertEquals("320", Figures.number(320.4));
    assertEquals("3.14", Figures.number(3.14159));
    assertEquals("0.00018", Figures.number(0.00018));
    assertEquals("58,400", Figures.number(58_400.4));
    assertEquals("1,532", Figures.number(1531.6));
    assertEquals("0", Figures.number(0));
    assertEquals("n/a", Figures.number(Double.NaN));
  }

  @Test
  void moneyAndPercentages() {
    assertEquals("$58,400", Figures.usd(58_400));
    assertEquals("$0.95", Figures.usd(0.95));
    assertEquals("-$1.5", Figures.usd(-1.5));
    assertEquals("45.0%", Figures.percent(0.45));
    assertEquals("57.3%", Figures.percent(0.5725));
  }

  @Test
  void parseReadsBackWhatWasWritten() {
    assertEquals(58_400, Figures.parse(Figures.usd(58_400)));
    assertEquals(45.0, Figures.parse(Figures.percent(0.45)));
    assertEquals(65.2, Figures.parse(Figures.millis(65.2)));
  }
}
