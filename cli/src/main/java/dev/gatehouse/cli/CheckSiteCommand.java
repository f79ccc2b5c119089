package dev.gatehouse.cli;

import dev.gatehouse.site.SiteConfigLoader;
import dev.gatehouse.site.SiteLoadResult;
import dev.gatehouse.site.SiteProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Validates a site file and prints every problem as {@code FILE:LINE: severity: message}, then a
 * one-line summary such as {@code site.yaml: 2 errors, 1 warning} or {@code site.yaml: valid, 3
 * internal networks}. Exits with 2 when the file has an error, and with 0 when it has only
 * warnings or none.
 */
@Command(
    name = "check-site",
    mixinStandardHelpOptions = true,
    description = {
        "Validates a site file, and the threat lists, inventory, GeoIP databases and novelty state"
            + " file it names, and lists every problem with its file and line number.",
        "Exits with 2 when the file has an error, and with 0 when it has only warnings or none."})
final class CheckSiteCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The site file (YAML) to check.")
  Path file;

  /** Decides which triage rules have expired; tests replace it. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String name = file.toString();
    SiteLoadResult result = SiteConfigLoader.load(file);
    for (SiteProblem problem : result.problems()) {
      out.println(problem.format(name));
    }

    int errors = result.errors().size();
    int warnings = result.warnings().size();
    SiteFiles.FileCheck named = null;
    if (errors == 0) {
      named = SiteFiles.checkNamedFiles(file, result.config(), LocalDate.now(clock), out);
      errors += named.errors();
      warnings += named.warnings();
    }
    if (errors > 0) {
      out.println(name + ": " + count(errors, "error") + ", " + count(warnings, "warning"));
      out.flush();
      return ExitCodes.USAGE;
    }

    int networks = result.config().internal().size();
    String summary = networks == 0
        ? "valid, no internal networks (the defaults are used)"
        : "valid, " + count(networks, "internal network");
    if (!named.loaded().equals("none")) {
      summary += "; " + named.loaded();
    }
    int rules = result.config().assessment().rules().size();
    if (rules > 0) {
      summary += "; " + count(rules, "triage rule");
    }
    if (warnings > 0) {
      summary += ", " + count(warnings, "warning");
    }
    out.println(name + ": " + summary);
    out.flush();
    return ExitCodes.OK;
  }

  private static String count(int number, String noun) {
    return number + " " + noun + (number == 1 ? "" : "s");
  }
}
