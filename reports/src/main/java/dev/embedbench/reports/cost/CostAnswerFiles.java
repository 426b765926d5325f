package dev.embedbench.reports.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.embedbench.reports.model.CostAnswer;
import dev.embedbench.reports.read.RunDirectoryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code cost-answer.json}: the {@link CostAnswer} of a priced run, the record tree as it is (field
 * names carry their units), stored beside {@code cost-report.json} so that a report rebuilt later
 * shows the same answer without re-running the cost model.
 */
public final class CostAnswerFiles {

  public static final String FILE = "cost-answer.json";

  /** As deep below a given directory as run directories are looked for. */
  static final int MAX_DEPTH = 3;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CostAnswerFiles() {}

  public static Path write(CostAnswer answer, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    MAPPER.writeValue(file.toFile(), answer);
    return file;
  }

  /** The answer in or up to three levels below the given directories; at most one may hold one. */
  public static Optional<CostAnswer> find(List<Path> dirs) {
    List<Path> found = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir, MAX_DEPTH + 1)) {
        files
            .filter(f -> f.getFileName().toString().equals(FILE) && Files.isRegularFile(f))
            .sorted()
            .forEach(found::add);
      } catch (IOException e) {
        throw new RunDirectoryException(dir + ": cannot list: " + e.getMessage(), e);
      }
    }
    if (found.size() > 1) {
      throw new RunDirectoryException(
          "cost answers in more than one directory ("
              + found
              + "); a report shows one comparison: pass the directories of one comparison");
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(read(found.get(0)));
  }

  static CostAnswer read(Path file) {
    try {
      return MAPPER.readValue(file.toFile(), CostAnswer.class);
    } catch (JsonProcessingException e) {
      throw new RunDirectoryException(file + ": not a cost answer: " + e.getOriginalMessage(), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new RunDirectoryException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
