package dev.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gatehouse} command; it only dispatches to its subcommands. */
@Command(
    name = "gatehouse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds successful SSH logins from external sources to internal hosts in Zeek logs.",
    subcommands = {
        DetectCommand.class,
        ExplainCommand.class,
        CheckSiteCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done",
        "1:done and detections found (only with --fail-on-detection)",
        "2:usage or configuration error",
        "3:some input could not be read (the rest was processed)"})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** Returns the command line with gatehouse's exit codes for usage and unexpected errors. */
  static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExitCodeExceptionMapper(error -> ExitCodes.USAGE);
    commandLine.setParameterExceptionHandler((error, args) -> {
      CommandLine failed = error.getCommandLine();
      failed.getErr().println("gatehouse: " + error.getMessage());
      failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
      return ExitCodes.USAGE;
    });
    return commandLine;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: detect, explain or check-site");
  }
}
