package dev.gatehouse.cli;

import dev.gatehouse.core.assess.Alert;
import dev.gatehouse.core.assess.AssessmentResult;
import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.ModelSettings;
import dev.gatehouse.ingest.SourceStats;
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
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs the {@code ssh_external_internal} model over Zeek logs once, assesses the detections
 * (enrichment, scoring, triage) and writes them.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
        "Finds successful SSH logins from external sources to internal hosts in Zeek ssh.log and"
            + " conn.log files (TSV or JSON lines; plain, gzip or zstd), and scores each with its"
            + " reasons. A dns.log named on the command line names internal hosts.",
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
      description = "Site file (YAML) with the internal networks, model thresholds, data sources,"
          + " scoring thresholds, novelty state file and triage rules.")
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
      description = "Exit with 1 when at least one detection is found that no triage rule suppressed.")
  boolean failOnDetection;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary on standard error.")
  boolean quiet;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads that read the inputs (default: the available processors, at most 8)."
          + " The detections and the summary do not depend on it.")
  Integer threads;

  @Option(names = "--show-suppressed",
      description = "Also write the detections that a triage rule suppressed, with the rule's id and"
          + " reason. Without it they are only counted in the summary.")
  boolean showSuppressed;

  @Option(names = "--no-state",
      description = "Neither read nor write the novelty state file that the site file sets, so no"
          + " source is judged new or known.")
  boolean noState;

  /** Decides which triage rules have expired; tests replace it. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Certainty minimum;
    try {
      minimum = Certainty.parse(minCertainty);
    } catch (IllegalArgumentException e) {
      err.println("gatehouse: --min-certainty " + e.getMessage());
      return ExitCodes.USAGE;
    }
    SiteSettings siteSettings = SiteSettings.resolve(site, internal, err);
    if (siteSettings == null) {
      return ExitCodes.USAGE;
    }
    int evidence = maxEvidence != null ? maxEvidence : siteSettings.maxEvidence();
    if (evidence < 0) {
      err.println("gatehouse: --max-evidence is " + evidence + ", expected 0 or more");
      return ExitCodes.USAGE;
    }
    ModelSettings settings = new ModelSettings(siteSettings.likely(), minimum, evidence);
    if (threads != null && threads < 1) {
      err.println("gatehouse: --threads is " + threads + ", expected 1 or more");
      return ExitCodes.USAGE;
    }
    String outputProblem = outputProblem();
    if (outputProblem != null) {
      err.println("gatehouse: " + outputProblem);
      return ExitCodes.USAGE;
    }

    try (AssessmentStage stage = AssessmentStage.open(siteSettings.assessment(), siteSettings.networks(),
        noState, err)) {
      if (stage == null) {
        return ExitCodes.USAGE;
      }
      return run(settings, siteSettings, minimum, stage, err);
    }
  }

  private int run(ModelSettings settings, SiteSettings siteSettings, Certainty minimum, AssessmentStage stage,
      PrintWriter err) throws IOException {
    boolean interactive = Terminals.isInteractive();
    BatchRun.Progress progress = interactive && !quiet ? new ProgressLine(err) : BatchRun.Progress.NONE;
    BatchRun batch = new BatchRun(siteSettings.networks(), settings, progress)
        .withDnsSink(stage.dnsNames());
    if (threads != null) {
      batch.withThreads(threads);
    }
    RunResult result = batch.run(paths);
    if (progress instanceof ProgressLine line) {
      line.clear();
    }

    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    AssessmentResult assessment = stage.assess(result.detections(), today);
    List<Alert> written = assessment.alerts().stream()
        .filter(alert -> showSuppressed || !alert.suppressed())
        .toList();
    Format chosen = format != null ? format
        : (interactive && writesToStandardOutput() ? Format.table : Format.jsonl);
    writeAlerts(written, chosen);
    boolean saved = stage.saveState(err);
    RunSummary summary = new RunSummary(result, siteSettings, minimum)
        .withAssessment(stage, assessment, showSuppressed);
    if (quiet) {
      summary.printProblemsOnly(err);
    } else {
      summary.print(err);
    }
    err.flush();
    boolean partlyRead = result.sources().stream().anyMatch(SourceStats::truncated);
    if (result.unreadableSources() > 0 || partlyRead) {
      return ExitCodes.INPUT_UNREADABLE;
    }
    if (!saved) {
      return ExitCodes.USAGE;
    }
    boolean anyNotSuppressed = assessment.alerts().stream().anyMatch(alert -> !alert.suppressed());
    if (failOnDetection && anyNotSuppressed) {
      return ExitCodes.DETECTIONS_FOUND;
    }
    return ExitCodes.OK;
  }

  private void writeAlerts(List<Alert> alerts, Format chosen) throws IOException {
    if (writesToStandardOutput()) {
      Writer out = spec.commandLine().getOut();
      writer(chosen, out).writeAlerts(alerts);
      return;
    }
    // Written beside the target and moved over it, so a failed run never leaves half a file.
    Path target = output.toAbsolutePath();
    Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        writer(chosen, out).writeAlerts(alerts);
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private boolean writesToStandardOutput() {
    return output == null || output.toString().equals("-");
  }

  /**
   * Returns why {@code --output} cannot be written, or {@code null} when it can. Checked before
   * any input is read, and an output that is also an input is rejected, since it would be lost.
   */
  private String outputProblem() {
    if (writesToStandardOutput()) {
      return null;
    }
    Path target = output.toAbsolutePath().normalize();
    Path directory = target.getParent();
    if (Files.isDirectory(target)) {
      return "--output " + output + " is a directory; name a file such as " + output + "/detections.jsonl";
    }
    if (directory == null || !Files.isDirectory(directory)) {
      return "--output " + output + ": the directory " + directory + " does not exist; create it first";
    }
    if (!Files.isWritable(directory)) {
      return "--output " + output + ": the directory " + directory + " is not writable";
    }
    for (String path : paths) {
      if (!path.equals("-") && Path.of(path).toAbsolutePath().normalize().equals(target)) {
        return "--output " + output + " is also an input; writing it would destroy the log";
      }
    }
    return null;
  }

  private static DetectionWriter writer(Format chosen, Writer out) {
    return chosen == Format.table ? new TableWriter(out) : new JsonLinesWriter(out);
  }
}
