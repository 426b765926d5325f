package dev.embedbench.cli;

import dev.embedbench.loadgen.ConsoleSummary;
import dev.embedbench.results.RunMerger;
import dev.embedbench.results.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code embedbench merge}: one result from the runs of several load processes, latencies merged
 * exactly.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merge the run directories of load processes that ran side by side: HdrHistogram logs are",
      "added exactly, counts and rates summed. Exit status: 0 merged, 2 bad input."
    })
public final class MergeCommand implements Callable<Integer> {

  @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "Run directories to merge")
  List<Path> runs;

  @Option(names = "--out", required = true, description = "Directory for the merged run")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RunSummary merged;
    try {
      merged = RunMerger.merge(runs, out, LoadCommand.commandLine(spec));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("embedbench merge: " + e.getMessage());
      return LoadCommand.EXIT_USAGE;
    }
    ConsoleSummary.lines(merged, out).forEach(System.out::println);
    return 0;
  }
}
