package dev.gatehouse.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine and software a report was measured on.
 *
 * @param facts label and value pairs, in report order
 */
record Environment(List<String[]> facts) {

  static Environment probe(Toolbox tools) throws IOException, InterruptedException {
    List<String[]> facts = new ArrayList<>();
    facts.add(fact("date (UTC)", ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"))));
    facts.add(fact("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores available to the JVM"));
    facts.add(fact("memory", memory()));
    facts.add(fact("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version")));
    facts.add(fact("Java for gatehouse and DuckDB", firstLine(List.of(tools.java, "-version"))));
    facts.add(fact("gatehouse", tools.gatehouseJar + ", commit " + gitCommit()));
    if (tools.duckdb) {
      facts.add(fact("DuckDB", firstLine(tools.duckdbVersion()) + " through its JDBC driver"));
    }
    if (tools.awk != null) {
      facts.add(fact(tools.awkName(), firstLine(List.of(tools.awk, "-W", "version"))));
    }
    if (tools.jq != null) {
      facts.add(fact("jq", firstLine(List.of(tools.jq, "--version"))));
    }
    facts.add(fact("zcat", firstLine(List.of(tools.zcat, "--version"))));
    facts.add(fact("peak RSS", "GNU time's %M (the Maximum resident set size of time -v)"));
    return new Environment(facts);
  }

  private static String[] fact(String label, String value) {
    return new String[] {label, value};
  }

  private static String cpuModel() throws IOException {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    }
    return "unknown CPU";
  }

  private static String memory() throws IOException {
    Path meminfo = Path.of("/proc/meminfo");
    if (Files.isReadable(meminfo)) {
      for (String line : Files.readAllLines(meminfo, StandardCharsets.UTF_8)) {
        if (line.startsWith("MemTotal:")) {
          long kilobytes = Long.parseLong(line.replaceAll("\\D", ""));
          return String.format(java.util.Locale.ROOT, "%.1f GiB", kilobytes / 1024.0 / 1024.0);
        }
      }
    }
    return "unknown";
  }

  /** Returns the short commit of the working directory, marked when files are changed. */
  private static String gitCommit() throws IOException, InterruptedException {
    String commit = firstLine(List.of("git", "rev-parse", "--short", "HEAD"));
    if (!commit.matches("[0-9a-f]{4,40}")) {
      return "unknown (" + commit + ")";
    }
    String status = firstLine(List.of("git", "status", "--porcelain", "--untracked-files=no"));
    return status.isEmpty() || status.startsWith("(") ? commit : commit + " with uncommitted changes";
  }

  /** Returns the first non-blank line a command prints, or a note when it fails. */
  private static String firstLine(List<String> command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return "(" + command.get(0) + " could not start: " + e.getMessage() + ")";
    }
    process.getOutputStream().close();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroy();
      return "(" + String.join(" ", command) + " timed out)";
    }
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return "";
  }
}
