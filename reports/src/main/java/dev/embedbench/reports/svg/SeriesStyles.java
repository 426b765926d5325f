package dev.embedbench.reports.svg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gives each model one style for the whole report, so a model looks the same in every chart. */
public final class SeriesStyles {

  private final Map<String, SeriesStyle> byModel = new LinkedHashMap<>();

  /**
   * @param modelNames every model the report shows, in the order styles are handed out
   */
  public SeriesStyles(List<String> modelNames) {
    for (String name : modelNames) {
      byModel.computeIfAbsent(name, key -> SeriesStyle.of(byModel.size()));
    }
  }

  SeriesStyle of(String modelName) {
    SeriesStyle style = byModel.get(modelName);
    if (style == null) {
      throw new IllegalArgumentException(
          "no style for model '" + modelName + "'; known: " + byModel.keySet());
    }
    return style;
  }
}
