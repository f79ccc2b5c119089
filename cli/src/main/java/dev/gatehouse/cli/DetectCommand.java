package dev.gatehouse.cli;

import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.ModelSettings;
import dev.gatehouse.output.DetectionWriter;
import dev.gatehouse.output.JsonLinesWriter;
import dev.gatehouse.output.TableWriter;
import dev.gatehouse.run.BatchRun;
import dev.gatehouse.run.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the {@code ssh_external_internal} model over Zeek logs once and writes the detections. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
        "Finds successful SSH logins from external sources to internal hosts in Zeek ssh.log and"
            + " conn.log files (TSV or JSON lines; plain, gzip or zstd).",
        "Detections go to standard output, the run summary to standard error."})
final class DetectCommand implements Callable<Integer> {

  /** The output formats. */
  enum Format { jsonl, table }

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Zeek log files or directories (searched recursively), or - for standard input.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--site", paramLabel = "FILE",
      description = "Site file (YAML) with the internal networks and model thresholds.")
  Path site;

  @Option(names = "--internal", paramLabel = "CIDR",
      description = "An internal network, added to the site file's; repeatable. With neither, the"
          + " RFC 1918, RFC 6598, loopback, link-local and ULA ranges are internal.")
  List<String> internal = new ArrayList<>();

  @Option(names = "--min-certainty", paramLabel = "LEVEL", defaultValue = "likely",
      description = "Weakest certainty reported: confirmed, likely, unknown or failed (default: ${DEFAULT-VALUE}).")
  String minCertainty;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "jsonl or table (default: table on a terminal, jsonl otherwise).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write detections to FILE instead of standard output.")
  Path output;

  @Option(names = "--max-evidence", paramLabel = "N",
      description = "Evidence sessions listed per detection (default: the site file's, else 10).")
  Integer maxEvidence;

  @Option(names = "--fail-on-detection",
      description = "Exit with 1 when at least one detection is found.")
  boolean failOnDetection;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Certainty minimum;
    try {
      minimum = Certainty.parse(minCertainty);
    } catch (IllegalArgumentException e) {
      err.println("gatehouse detect: --min-certainty " + e.getMessage());
      return ExitCodes.USAGE;
    }
    SiteSettings siteSettings = SiteSettings.resolve(site, internal, err);
    if (siteSettings == null) {
      return ExitCodes.USAGE;
    }
    int evidence = maxEvidence != null ? maxEvidence : siteSettings.maxEvidence();
    if (evidence < 0) {
      err.println("gatehouse detect: --max-evidence is " + evidence + ", expected 0 or more");
      return ExitCodes.USAGE;
    }
    ModelSettings settings = new ModelSettings(siteSettings.likely(), minimum, evidence);

    boolean interactive = Terminals.isInteractive();
    BatchRun.Progress progress = interactive && !quiet ? new ProgressLine(err) : BatchRun.Progress.NONE;
    RunResult result = new BatchRun(siteSettings.networks(), settings, progress).run(paths);
    if (progress instanceof ProgressLine line) {
      line.clear();
    }

    Format chosen = format != null ? format : (interactive && output == null ? Format.table : Format.jsonl);
    writeDetections(result.detections(), chosen);
    if (!quiet) {
      new RunSummary(result, siteSettings, minimum).print(err);
    }
    err.flush();
    if (result.unreadableSources() > 0) {
      return ExitCodes.INPUT_UNREADABLE;
    }
    if (failOnDetection && !result.detections().isEmpty()) {
      return ExitCodes.DETECTIONS_FOUND;
    }
    return ExitCodes.OK;
  }

  private void writeDetections(List<Detection> detections, Format chosen) throws IOException {
    if (output == null) {
      Writer out = spec.commandLine().getOut();
      writer(chosen, out).write(detections);
      return;
    }
    try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      writer(chosen, out).write(detections);
    }
  }

  private static DetectionWriter writer(Format chosen, Writer out) {
    return chosen == Format.table ? new TableWriter(out) : new JsonLinesWriter(out);
  }
}
