package dev.gatehouse.cli;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.model.Certainty;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.ModelStats;
import dev.gatehouse.ingest.SourceStats;
import dev.gatehouse.run.RunResult;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The summary printed on standard error at the end of {@code gatehouse detect}. */
final class RunSummary {

  private final RunResult result;
  private final SiteSettings site;
  private final Certainty minimum;

  RunSummary(RunResult result, SiteSettings site, Certainty minimum) {
    this.result = result;
    this.site = site;
    this.minimum = minimum;
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
    printProblems(err, result.diagnostics(), truncated);
    printDetections(err);
    if (m.zeekLocalityDisagreements() > 0) {
      err.printf(Locale.ROOT, "  note: on %d rows Zeek's direction, local_orig or local_resp disagrees with"
          + " these internal networks; Zeek's Site::local_nets and the site file probably differ."
          + " gatehouse uses its own networks.%n", m.zeekLocalityDisagreements());
    }
  }

  private static void printProblems(PrintWriter err, Diagnostics diagnostics, long truncated) {
    if (diagnostics.countsByReason().isEmpty()) {
      err.println("  problems: none");
      return;
    }
    String counts = diagnostics.countsByReason().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    err.printf(Locale.ROOT, "  problems: %d lines or files skipped, %d warnings (%s)%n",
        diagnostics.errors(), diagnostics.warnings(), counts);
    if (truncated > 0) {
      err.printf(Locale.ROOT, "  truncated compressed files: %d (rows before the break were used)%n", truncated);
    }
    for (Diagnostics.Diagnostic diagnostic : diagnostics.first()) {
      err.println("    " + diagnostic);
    }
    long hidden = diagnostics.errors() + diagnostics.warnings() - diagnostics.first().size();
    if (hidden > 0) {
      err.printf(Locale.ROOT, "    ... and %d more%n", hidden);
    }
  }

  private void printDetections(PrintWriter err) {
    Map<Certainty, Long> byCertainty = new EnumMap<>(Certainty.class);
    for (Detection detection : result.detections()) {
      byCertainty.merge(detection.certainty(), 1L, Long::sum);
    }
    StringBuilder line = new StringBuilder("  detections: " + result.detections().size());
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
  }
}
