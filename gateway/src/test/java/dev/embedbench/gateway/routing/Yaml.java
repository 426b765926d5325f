package dev.embedbench.gateway.routing;

/** Builds gateway YAML for tests: routes of scripted remote targets. */
final class Yaml {

  /** A model with a Matryoshka range and a 64-token limit. */
  static final String SMALL_MODEL =
      "{name: m, dimensions: 8, max_input_tokens: 64, matryoshka: {min: 2, max: 8}}";

  private Yaml() {}

  static String config(String... routes) {
    return "routes:\n" + String.join("", routes);
  }

  /**
   * @param lines route keys such as {@code "aliases: [x]"}, written at route level
   */
  static String route(String name, String[] lines, String... targets) {
    StringBuilder b = new StringBuilder("  - name: ").append(name).append('\n');
    for (String line : lines) {
      b.append("    ").append(line).append('\n');
    }
    b.append("    targets:\n");
    for (String target : targets) {
      b.append(target);
    }
    return b.toString();
  }

  static String route(String name, String... targets) {
    return route(name, new String[0], targets);
  }

  static String target(String name, String... lines) {
    return targetOf(name, SMALL_MODEL, lines);
  }

  static String targetOf(String name, String model, String... lines) {
    StringBuilder b =
        new StringBuilder("      - name: ")
            .append(name)
            .append('\n')
            .append("        type: remote\n")
            .append("        url: http://127.0.0.1:9\n")
            .append("        model: ")
            .append(model)
            .append('\n');
    for (String line : lines) {
      b.append("        ").append(line).append('\n');
    }
    return b.toString();
  }

  static String[] lines(String... lines) {
    return lines;
  }
}
