package dev.embedbench.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * A query instruction applied by the gateway to every text input of a route, so that backends which
 * ignore prompts still get it. Documents must be embedded without it: clients send them to one of
 * {@code documentAliases}, which reach the same targets untouched.
 *
 * @param task the task description put in place of {@code {task}}
 * @param template contains {@code {text}} once and usually {@code {task}}
 * @param documentAliases model names that reach the route without the instruction
 */
public record InstructionConfig(String task, String template, List<String> documentAliases) {

  /** Qwen3-Embedding's query form, as its model card writes it (no space after {@code Query:}). */
  public static final String QWEN3_TEMPLATE = "Instruct: {task}\nQuery:{text}";

  public InstructionConfig {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(template, "template");
    documentAliases = List.copyOf(documentAliases);
    int first = template.indexOf("{text}");
    if (first < 0 || template.indexOf("{text}", first + 1) >= 0) {
      throw new IllegalArgumentException("template must contain {text} exactly once");
    }
  }

  /** The template with the task filled in, split around {@code {text}}: prefix then suffix. */
  public String[] prefixAndSuffix() {
    String withTask = template.replace("{task}", task);
    int at = withTask.indexOf("{text}");
    return new String[] {withTask.substring(0, at), withTask.substring(at + "{text}".length())};
  }
}
