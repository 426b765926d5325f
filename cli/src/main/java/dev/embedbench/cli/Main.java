package dev.embedbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: each job of embedbench is a subcommand. */
@Command(
    name = "embedbench",
    mixinStandardHelpOptions = true,
    version = "embedbench 0.1.0",
    description =
        "Serve text embeddings, compare embedding models under load, and know what each costs.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ServeCommand.class,
      EmulateCommand.class,
      EmbedCommand.class,
      LoadCommand.class,
      SweepCommand.class,
      MergeCommand.class,
      CostCommand.class,
      ReportCommand.class,
      CompareCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
