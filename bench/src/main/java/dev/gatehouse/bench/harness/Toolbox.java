package dev.gatehouse.bench.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The programs the harness runs, where they are installed, and their command lines. */
final class Toolbox {

  final String java;
  final Path gatehouseJar;
  final Path benchJar;
  /** mawk when installed, else awk; {@code null} when neither is or awk is skipped. */
  final String awk;
  /** {@code null} when jq is not installed or is skipped. */
  final String jq;
  final String zcat;
  final boolean duckdb;
  final boolean readLimits;
  /** Reasons why peers were left out, one sentence each. */
  final List<String> notes = new ArrayList<>();

  private final Path awkProgram;
  private final Path jqFilter;
  private final Path countingAwkProgram;

  private Toolbox(String java, Path gatehouseJar, Path benchJar, String awk, String jq,
      String zcat, boolean duckdb, boolean readLimits, Path programs) {
    this.java = java;
    this.gatehouseJar = gatehouseJar;
    this.benchJar = benchJar;
    this.awk = awk;
    this.jq = jq;
    this.zcat = zcat;
    this.duckdb = duckdb;
    this.readLimits = readLimits;
    this.awkProgram = programs.resolve("detect.awk");
    this.jqFilter = programs.resolve("ssh-pairs.jq");
    this.countingAwkProgram = programs.resolve("count-pairs.awk");
  }

  /**
   * Finds the programs on {@code PATH} and writes the awk and jq programs into {@code programs}.
   *
   * @param skip peers to leave out: duckdb, awk, jq, cat
   */
  static Toolbox find(String java, Path gatehouseJar, Path benchJar, Path programs, Set<String> skip)
      throws IOException {
    String mawk = which("mawk");
    String awk = mawk != null ? mawk : which("awk");
    String jq = which("jq");
    String zcat = which("zcat");
    Toolbox toolbox = new Toolbox(java, gatehouseJar, benchJar,
        skip.contains("awk") ? null : awk, skip.contains("jq") ? null : jq, zcat,
        !skip.contains("duckdb"), !skip.contains("cat"), programs);
    if (awk == null) {
      toolbox.notes.add("Neither mawk nor awk is installed, so the awk peer did not run.");
    }
    if (jq == null) {
      toolbox.notes.add("jq is not installed, so the jq peer did not run.");
    }
    if (zcat == null) {
      throw new IllegalStateException("zcat is missing: install gzip (apt-get install -y gzip)");
    }
    for (String skipped : skip) {
      toolbox.notes.add("The " + skipped + " peer was left out with --skip.");
    }
    Files.writeString(toolbox.awkProgram, PeerQueries.awkProgram(), StandardCharsets.UTF_8);
    Files.writeString(toolbox.jqFilter, PeerQueries.jqFilter(), StandardCharsets.UTF_8);
    Files.writeString(toolbox.countingAwkProgram, PeerQueries.countingAwkProgram(), StandardCharsets.UTF_8);
    return toolbox;
  }

  /** Returns the name awk is reported under: mawk or awk. */
  String awkName() {
    return awk == null ? "awk" : Path.of(awk).getFileName().toString();
  }

  List<String> gatehouse(List<Path> inputs) {
    List<String> command = new ArrayList<>(List.of(java, "-jar", gatehouseJar.toString(), "detect",
        "--format", "jsonl", "--quiet"));
    inputs.forEach(p -> command.add(p.toString()));
    return command;
  }

  List<String> duckdb(boolean json, List<Path> ssh, List<Path> conn) {
    List<String> command = new ArrayList<>(List.of(java, "-cp", benchJar.toString(),
        DuckDbPeer.class.getName(), json ? "json" : "tsv", "--ssh"));
    ssh.forEach(p -> command.add(p.toString()));
    if (!conn.isEmpty()) {
      command.add("--conn");
      conn.forEach(p -> command.add(p.toString()));
    }
    return command;
  }

  /** Returns the command that prints DuckDB's version. */
  List<String> duckdbVersion() {
    return List.of(java, "-cp", benchJar.toString(), DuckDbPeer.class.getName(), "--version");
  }

  /** awk over plain files, ssh logs before conn logs. */
  List<String> awk(List<Path> files) {
    List<String> command = new ArrayList<>(List.of(awk, "-f", awkProgram.toString()));
    files.forEach(p -> command.add(p.toString()));
    return command;
  }

  /** zcat piped into awk, ssh logs before conn logs. */
  List<String> zcatAwk(List<Path> files) {
    return bash("set -o pipefail; " + zcat + " -- \"$@\" | " + awk + " -f " + awkProgram, files);
  }

  /** jq filtering ssh.log JSON lines, piped into awk to count them per pair. */
  List<String> jqAwk(Path file) {
    return bash("set -o pipefail; " + jq + " -r -f " + jqFilter + " -- \"$@\" | " + awk + " -f "
        + countingAwkProgram, List.of(file));
  }

  List<String> cat(List<Path> files) {
    List<String> command = new ArrayList<>(List.of("cat", "--"));
    files.forEach(p -> command.add(p.toString()));
    return command;
  }

  List<String> zcat(List<Path> files) {
    List<String> command = new ArrayList<>(List.of(zcat, "--"));
    files.forEach(p -> command.add(p.toString()));
    return command;
  }

  private static List<String> bash(String script, List<Path> files) {
    List<String> command = new ArrayList<>(List.of("bash", "-c", script, "bash"));
    files.forEach(p -> command.add(p.toString()));
    return command;
  }

  /** Returns the path of {@code name} on {@code PATH}, or {@code null}. */
  static String which(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
