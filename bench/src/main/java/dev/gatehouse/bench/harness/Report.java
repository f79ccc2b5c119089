package dev.gatehouse.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the results as Markdown: environment, figures per case and the targets. */
final class Report {

  /** The targets gatehouse is measured against. */
  static final double TSV_VS_DUCKDB = 3.0;
  static final double TSV_VS_CAT = 5.0;
  static final double JSON_VS_DUCKDB = 1.5;
  static final double GZIP_VS_DUCKDB = 1.3;
  static final double MAX_RSS_MB = 300;
  static final double SMALL_FILE_SECONDS = 1.0;

  private Report() {}

  static String render(Environment environment, Toolbox tools,
      Map<BenchCase, CaseRunner.CaseResult> results, String options) {
    StringBuilder md = new StringBuilder();
    md.append("### Environment\n\n| | |\n|---|---|\n");
    for (String[] fact : environment.facts()) {
      md.append("| ").append(fact[0]).append(" | ").append(escape(fact[1])).append(" |\n");
    }
    md.append("| harness options | `").append(options).append("` |\n\n");
    for (String note : tools.notes) {
      md.append("- ").append(note).append('\n');
    }
    if (!tools.notes.isEmpty()) {
      md.append('\n');
    }

    md.append("### Figures\n\n");
    md.append("Wall time is the median of the runs, whole process, input in the page cache. MB is"
        + " 10^6 bytes of uncompressed input; rows are ssh.log and conn.log rows. Peak RSS is the"
        + " largest of the runs. \"gatehouse speed\" is the tool's median time divided by"
        + " gatehouse's: above 1 gatehouse is faster.\n\n");
    md.append("| case | input | tool | runs | wall s | MB/s | rows/s | peak RSS MB | gatehouse speed | output |\n");
    md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (CaseRunner.CaseResult result : results.values()) {
      BenchCase c = result.benchCase();
      double gatehouseMedian = median(result, Tool.Role.GATEHOUSE);
      String input = String.format(Locale.ROOT, "%s: %.1f MB, %,d rows%s", c.title(),
          c.inputBytes() / 1e6, c.rows(),
          c.storedBytes() != c.inputBytes()
              ? String.format(Locale.ROOT, " (%.1f MB compressed)", c.storedBytes() / 1e6) : "");
      boolean first = true;
      for (Map.Entry<Tool, CaseRunner.ToolResult> entry : result.tools().entrySet()) {
        Tool tool = entry.getKey();
        CaseRunner.ToolResult toolResult = entry.getValue();
        md.append("| ").append(first ? c.id() : "").append(" | ").append(first ? escape(input) : "")
            .append(" | ").append(escape(tool.name())).append(" | ");
        first = false;
        if (toolResult.runs().isEmpty()) {
          md.append("0 | | | | | | failed: ").append(escape(toolResult.failure())).append(" |\n");
          continue;
        }
        double wall = median(toolResult.runs());
        long rss = toolResult.runs().stream().mapToLong(Measurement.Result::peakRssKilobytes).max()
            .orElse(0);
        md.append(toolResult.runs().size()).append(" | ")
            .append(format("%.2f", wall)).append(" | ")
            .append(format("%.0f", c.inputBytes() / 1e6 / wall)).append(" | ")
            .append(format("%,.0f", c.rows() / wall)).append(" | ")
            .append(format("%.0f", rss * 1024 / 1e6)).append(" | ")
            .append(tool.role() == Tool.Role.GATEHOUSE ? "" : format("%.2f", wall / gatehouseMedian))
            .append(" | ");
        String output = toolResult.agreement() == null
            ? (tool.role() == Tool.Role.READ_LIMIT ? "read limit" : "")
            : toolResult.agreement();
        if (toolResult.failure() != null) {
          output += "; failed after " + toolResult.runs().size() + " runs: " + toolResult.failure();
        }
        md.append(escape(output)).append(" |\n");
      }
    }

    md.append("\n### Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
    for (String[] row : targets(results)) {
      md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2])
          .append(" |\n");
    }
    return md.toString();
  }

  private static List<String[]> targets(Map<BenchCase, CaseRunner.CaseResult> results) {
    List<String[]> rows = new ArrayList<>();
    CaseRunner.CaseResult tsv = find(results, "tsv");
    CaseRunner.CaseResult json = find(results, "json");
    CaseRunner.CaseResult gzip = find(results, "gzip");
    CaseRunner.CaseResult rotated = find(results, "rotated");
    CaseRunner.CaseResult small = find(results, "small");
    if (tsv != null) {
      rows.add(speedTarget("TSV: at least " + TSV_VS_DUCKDB + "x DuckDB's throughput", tsv,
          "DuckDB (JDBC)", TSV_VS_DUCKDB));
      rows.add(readLimitTarget(tsv, "cat"));
    }
    if (json != null) {
      rows.add(speedTarget("JSON: at least " + JSON_VS_DUCKDB + "x DuckDB's throughput", json,
          "DuckDB (JDBC)", JSON_VS_DUCKDB));
    }
    if (gzip != null) {
      rows.add(speedTarget("gzip, one file: at least " + GZIP_VS_DUCKDB + "x DuckDB's throughput",
          gzip, "DuckDB (JDBC)", GZIP_VS_DUCKDB));
    }
    if (rotated != null) {
      rows.add(speedTarget("gzip, directory of rotated files: at least " + GZIP_VS_DUCKDB
          + "x DuckDB's throughput", rotated, "DuckDB (JDBC)", GZIP_VS_DUCKDB));
    }

    double worstRss = 0;
    String worstCase = null;
    for (CaseRunner.CaseResult result : results.values()) {
      for (Map.Entry<Tool, CaseRunner.ToolResult> entry : result.tools().entrySet()) {
        if (entry.getKey().role() == Tool.Role.GATEHOUSE) {
          double rss = entry.getValue().runs().stream()
              .mapToLong(Measurement.Result::peakRssKilobytes).max().orElse(0) * 1024 / 1e6;
          if (rss > worstRss) {
            worstRss = rss;
            worstCase = result.benchCase().id();
          }
        }
      }
    }

    if (worstCase != null) {
      rows.add(new String[] {"peak RSS below " + format("%.0f", MAX_RSS_MB) + " MB in every case",
          "largest: " + format("%.0f", worstRss) + " MB in case " + worstCase,
          worstRss < MAX_RSS_MB ? "met"
              : "missed by " + format("%.0f", worstRss - MAX_RSS_MB) + " MB ("
                  + format("%.1f", worstRss / MAX_RSS_MB) + "x the limit)"});
    }

    if (small != null) {
      double wall = median(small, Tool.Role.GATEHOUSE);
      rows.add(new String[] {"small file: under " + format("%.0f", SMALL_FILE_SECONDS)
          + " s wall, JVM start included", format("%.2f", wall) + " s",
          wall < SMALL_FILE_SECONDS ? "met" : "missed by " + format("%.2f", wall - SMALL_FILE_SECONDS) + " s"});
    }
    return rows;
  }

  private static String[] speedTarget(String label, CaseRunner.CaseResult result, String peer,
      double required) {
    double gatehouse = median(result, Tool.Role.GATEHOUSE);
    double peerTime = medianOf(result, peer);
    if (Double.isNaN(peerTime)) {
      return new String[] {label, "no " + peer + " figure", "not measured"};
    }
    double ratio = peerTime / gatehouse;
    String measured = format("%.2f", ratio) + "x (gatehouse " + format("%.2f", gatehouse) + " s, "
        + peer + " " + format("%.2f", peerTime) + " s)";
    if (ratio >= required) {
      return new String[] {label, measured, "met"};
    }
    double neededSeconds = peerTime / required;
    return new String[] {label, measured, "missed: gatehouse needs " + format("%.2f", neededSeconds)
        + " s or less, " + format("%.1f", gatehouse / neededSeconds) + "x faster than now"};
  }

  private static String[] readLimitTarget(CaseRunner.CaseResult result, String limit) {
    String label = "TSV: at most " + TSV_VS_CAT + "x the time of cat";
    double gatehouse = median(result, Tool.Role.GATEHOUSE);
    double limitTime = medianOf(result, limit);
    if (Double.isNaN(limitTime)) {
      return new String[] {label, "no cat figure", "not measured"};
    }
    double ratio = gatehouse / limitTime;
    String measured = format("%.1f", ratio) + "x (gatehouse " + format("%.2f", gatehouse) + " s, cat "
        + format("%.2f", limitTime) + " s)";
    if (ratio <= TSV_VS_CAT) {
      return new String[] {label, measured, "met"};
    }
    double needed = limitTime * TSV_VS_CAT;
    return new String[] {label, measured, "missed: gatehouse needs " + format("%.2f", needed)
        + " s or less, " + format("%.1f", gatehouse / needed) + "x faster than now"};
  }

  private static CaseRunner.CaseResult find(Map<BenchCase, CaseRunner.CaseResult> results, String id) {
    for (CaseRunner.CaseResult result : results.values()) {
      if (result.benchCase().id().equals(id)) {
        return result;
      }
    }
    return null;
  }

  private static double median(CaseRunner.CaseResult result, Tool.Role role) {
    for (Map.Entry<Tool, CaseRunner.ToolResult> entry : result.tools().entrySet()) {
      if (entry.getKey().role() == role) {
        return median(entry.getValue().runs());
      }
    }
    return Double.NaN;
  }

  private static double medianOf(CaseRunner.CaseResult result, String toolName) {
    for (Map.Entry<Tool, CaseRunner.ToolResult> entry : result.tools().entrySet()) {
      if (entry.getKey().name().equals(toolName) && !entry.getValue().runs().isEmpty()) {
        return median(entry.getValue().runs());
      }
    }
    return Double.NaN;
  }

  /** Returns the median wall time; of an even count, the mean of the middle two. */
  static double median(List<Measurement.Result> runs) {
    if (runs.isEmpty()) {
      return Double.NaN;
    }
    double[] walls = runs.stream().mapToDouble(Measurement.Result::wallSeconds).sorted().toArray();
    int middle = walls.length / 2;
    return walls.length % 2 == 1 ? walls[middle] : (walls[middle - 1] + walls[middle]) / 2;
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("|", "\\|");
  }
}
