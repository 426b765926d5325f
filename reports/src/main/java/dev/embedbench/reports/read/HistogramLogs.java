package dev.embedbench.reports.read;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads HdrHistogram interval logs ({@code HistogramLogWriter} format) into one total histogram.
 */
final class HistogramLogs {

  private HistogramLogs() {}

  /** Adds up every interval of the log; an empty log gives an empty histogram. */
  static Histogram readTotal(Path log) {
    Histogram total = new Histogram(3);
    try {
      HistogramLogReader reader = new HistogramLogReader(log.toFile());
      try {
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
          if (!(interval instanceof Histogram)) {
            throw RunDirectoryException.at(
                log,
                "",
                "holds "
                    + interval.getClass().getSimpleName()
                    + " intervals; expected integer histograms (HdrHistogram Histogram)");
          }
          total.add((Histogram) interval);
        }
      } finally {
        reader.close();
      }
    } catch (FileNotFoundException e) {
      throw RunDirectoryException.at(log, "", "file not found");
    } catch (RuntimeException e) {
      if (e instanceof RunDirectoryException) {
        throw e;
      }
      throw new RunDirectoryException(log + ": not a readable HdrHistogram interval log: " + e, e);
    }
    return total;
  }
}
