package dev.gatehouse.cli;

import dev.gatehouse.core.assess.Alert;
import dev.gatehouse.core.assess.AssessmentResult;
import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.core.assess.TriageAction;
import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.ModelStats;
import dev.gatehouse.ingest.SourceStats;
import dev.gatehouse.run.RunResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The summary printed on standard error at the end of {@code gatehouse detect}. */
final class RunSummary {

  private final RunResult result;
  private final SiteSettings site;
  private final Certainty minimum;
  private AssessmentStage stage;
  private AssessmentResult assessment;
  private boolean showSuppressed;

  RunSummary(RunResult result, SiteSettings site, Certainty minimum) {
    this.result = result;
    this.site = site;
    this.minimum = minimum;
  }

  /**
   * Adds the assessment to the summary: the data sources, novelty, triage and the severities of
   * the alerts written, which include the suppressed ones when {@code showSuppressed} is set.
   */
  RunSummary withAssessment(AssessmentStage stage, AssessmentResult assessment, boolean showSuppressed) {
    this.stage = stage;
    this.assessment = assessment;
    this.showSuppressed = showSuppressed;
    return this;
  }

  void print(PrintWriter err) {
    double seconds = result.elapsedNanos() / 1e9;
    double megabytes = result.bytesRead() / 1e6;
    long ssh = result.sources().stream().mapToLong(SourceStats::sshRecords).sum();
    long conn = result.sources().stream().mapToLong(SourceStats::connRecords).sum();
    long other = result.sources().stream().mapToLong(SourceStats::otherRecords).sum();
    long truncated = result.sources().stream().filter(SourceStats::truncated).count();

    err.printf(Locale.ROOT, "gatehouse: %d files, %d lines, %.1f MB in %.2f s (%.1f MB/s)%n",
        result.sources().size(), result.linesRead(), megabytes, seconds,
        seconds > 0 ? megabytes / seconds : 0.0);
    err.println("  internal networks: " + site.description());
    err.printf(Locale.ROOT, "  records: ssh %d, conn %d, other log types %d%n", ssh, conn, other);
    ModelStats m = result.model();
    err.printf(Locale.ROOT, "  ssh sessions: %d external->internal, %d internal->internal, %d internal->external,"
            + " %d external->external, %d unroutable, %d duplicate uid%n",
        m.externalToInternal(), m.internalToInternal(), m.internalToExternal(),
        m.externalToExternal(), m.unroutable(), m.duplicateSessions());
    if (conn > 0) {
      err.printf(Locale.ROOT, "  conn.log rows joined to external->internal sessions: %d%n", m.connJoined());
    } else {
      err.println("  conn.log: none read, so bytes and duration are unknown and no session can be likely");
    }
    printProblems(err, result.diagnostics(), skippedRows(), truncated);
    if (assessment != null) {
      printAssessment(err);
    }
    printDetections(err);
    if (m.zeekLocalityDisagreements() > 0) {
      err.printf(Locale.ROOT, "  note: on %d rows Zeek's direction, local_orig or local_resp disagrees with"
          + " these internal networks; Zeek's Site::local_nets and the site file probably differ."
          + " gatehouse uses its own networks.%n", m.zeekLocalityDisagreements());
    }
  }

  /**
   * Prints only the problems, for {@code --quiet}: nothing when the input had none, so a quiet
   * run stays silent unless something was skipped or could not be read.
   */
  void printProblemsOnly(PrintWriter err) {
    if (!result.diagnostics().countsByReason().isEmpty()) {
      long truncated = result.sources().stream().filter(SourceStats::truncated).count();
      err.println("gatehouse:");
      printProblems(err, result.diagnostics(), skippedRows(), truncated);
    }
  }

  private long skippedRows() {
    return result.sources().stream().mapToLong(SourceStats::skippedRecords).sum();
  }

  private static void printProblems(PrintWriter err, Diagnostics diagnostics, long skippedRows,
      long truncated) {
    if (diagnostics.countsByReason().isEmpty()) {
      err.println("  problems: none");
      return;
    }
    String counts = diagnostics.countsByReason().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    err.printf(Locale.ROOT, "  problems: %s skipped, %s, %s (%s)%n",
        plural(skippedRows, "row"), plural(diagnostics.errors(), "error"),
        plural(diagnostics.warnings(), "warning"), counts);
    if (truncated > 0) {
      err.printf(Locale.ROOT, "  truncated or damaged compressed files: %d (rows before the break were used)%n",
          truncated);
    }
    for (Diagnostics.Diagnostic diagnostic : diagnostics.first()) {
      err.println("    " + diagnostic);
    }
    long hidden = diagnostics.errors() + diagnostics.warnings() - diagnostics.first().size();
    if (hidden > 0) {
      err.printf(Locale.ROOT, "    ... and %d more%n", hidden);
    }
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private void printAssessment(PrintWriter err) {
    err.println("  enrichment: " + stage.sources().describe() + "; dns.log: " + stage.dnsNames().rows()
        + " rows, names for " + stage.dnsNames().namedAddresses() + " internal addresses");
    if (stage.sources().failedGeoLookups() > 0) {
      err.printf(Locale.ROOT, "  geoip: %d lookups failed on a damaged database, so those sources have no"
          + " country or AS; the first: %s%n", stage.sources().failedGeoLookups(), stage.sources().firstGeoFailure());
    }
    err.println("  novelty: " + stage.describeNovelty(assessment.noveltyEntriesAdded()));
    printTriage(err);
  }

  private void printTriage(PrintWriter err) {
    if (assessment.rules().isEmpty()) {
      err.println("  triage: no rules");
      return;
    }
    List<String> suppressed = new ArrayList<>();
    List<String> downgraded = new ArrayList<>();
    long suppressedCount = 0;
    long downgradedCount = 0;
    for (AssessmentResult.RuleUse use : assessment.rules()) {
      if (use.decided() == 0) {
        continue;
      }
      String part = use.rule().id() + " " + use.decided();
      if (use.rule().action() == TriageAction.SUPPRESS) {
        suppressed.add(part);
        suppressedCount += use.decided();
      } else {
        downgraded.add(part);
        downgradedCount += use.decided();
      }
    }
    StringBuilder line = new StringBuilder("  triage: " + assessment.rules().size()
        + (assessment.rules().size() == 1 ? " rule; " : " rules; ") + suppressedCount + " suppressed");
    if (!suppressed.isEmpty()) {
      line.append(" (").append(String.join(", ", suppressed)).append(')');
    }
    line.append(", ").append(downgradedCount).append(" downgraded");
    if (!downgraded.isEmpty()) {
      line.append(" (").append(String.join(", ", downgraded)).append(')');
    }
    if (suppressedCount > 0) {
      line.append(showSuppressed ? "; suppressed detections are written with their rule"
          : "; suppressed detections are not written, see --show-suppressed");
    }
    err.println(line);
    for (AssessmentResult.RuleUse use : assessment.rules()) {
      if (use.expired()) {
        err.printf(Locale.ROOT, "  triage: rule '%s' expired on %s and was not applied; it would have matched"
            + " %d %s%n", use.rule().id(), use.rule().expires(), use.matched(),
            use.matched() == 1 ? "detection" : "detections");
      }
    }
  }

  private void printDetections(PrintWriter err) {
    List<Detection> reported = assessment == null ? result.detections() : writtenDetections();
    Map<Certainty, Long> byCertainty = new EnumMap<>(Certainty.class);
    for (Detection detection : reported) {
      byCertainty.merge(detection.certainty(), 1L, Long::sum);
    }
    StringBuilder line = new StringBuilder("  detections: " + reported.size());
    String sep = " (";
    for (Certainty certainty : Certainty.values()) {
      if (certainty.atLeast(minimum)) {
        line.append(sep).append(byCertainty.getOrDefault(certainty, 0L)).append(' ').append(certainty.label());
        sep = ", ";
      }
    }
    line.append(')');
    if (minimum.ordinal() < Certainty.UNKNOWN.ordinal()) {
      line.append("; sessions of unknown outcome are not reported, see --min-certainty unknown");
    }
    err.println(line);
    if (assessment != null && !reported.isEmpty()) {
      printSeverities(err);
    }
  }

  private List<Detection> writtenDetections() {
    return assessment.alerts().stream()
        .filter(alert -> showSuppressed || !alert.suppressed())
        .map(Alert::detection)
        .toList();
  }

  private void printSeverities(PrintWriter err) {
    Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    for (Alert alert : assessment.alerts()) {
      if (showSuppressed || !alert.suppressed()) {
        bySeverity.merge(alert.score().severity(), 1L, Long::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    Severity[] levels = Severity.values();
    for (int i = levels.length - 1; i >= 0; i--) {
      parts.add(bySeverity.getOrDefault(levels[i], 0L) + " " + levels[i].label());
    }
    err.println("  severity: " + String.join(", ", parts));
  }
}
