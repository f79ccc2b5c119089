package dev.gatehouse.bench.harness;

import dev.gatehouse.bench.Sizes;
import dev.gatehouse.bench.generate.DataSetSpec;
import dev.gatehouse.bench.generate.DetectionCheck;
import dev.gatehouse.bench.generate.GeneratedDataSet;
import dev.gatehouse.bench.generate.Generator;
import dev.gatehouse.bench.generate.Variant;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures gatehouse against its peers on generated Zeek logs, each tool a separate OS process
 * and the tools alternating run by run, and prints a Markdown report.
 *
 * <p>Every gatehouse run's output is compared with the generator's expected.jsonl, and any
 * difference stops the harness with exit code 1. Peers' outputs are compared too, and a
 * difference is reported in the table.
 */
@Command(name = "harness", mixinStandardHelpOptions = true,
    description = {
        "Generates Zeek logs once (cached by seed and size under --work), then times gatehouse,"
            + " DuckDB, awk, jq, cat and zcat on them and prints a Markdown report.",
        "Run it from the repository root after building cli/target/gatehouse.jar."})
public final class Harness implements Callable<Integer> {

  /** The cases, in the order they run. */
  static final List<String> CASE_IDS = List.of("tsv", "json", "gzip", "rotated", "conn", "small");

  @Option(names = "--size", defaultValue = "1GB", paramLabel = "SIZE",
      description = "Size of the ssh.log in Zeek TSV for the tsv, json and gzip cases"
          + " (default ${DEFAULT-VALUE}; decimal units, KiB, MiB and GiB are binary).")
  String size;

  @Option(names = "--conn-size", paramLabel = "SIZE",
      description = "Size of the ssh.log for the conn and rotated cases, whose conn.log is"
          + " --conn-ratio times as many rows (default: a tenth of --size).")
  String connSize;

  @Option(names = "--conn-ratio", defaultValue = "20", paramLabel = "N",
      description = "conn.log rows per ssh.log row in the conn and rotated cases"
          + " (default ${DEFAULT-VALUE}).")
  int connRatio;

  @Option(names = "--small-rows", defaultValue = "2000", paramLabel = "N",
      description = "ssh.log rows of the small case (default ${DEFAULT-VALUE}).")
  long smallRows;

  @Option(names = "--runs", defaultValue = "5", paramLabel = "N",
      description = "Runs of each tool per case; the report gives the median (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--jq-runs", paramLabel = "N",
      description = "Runs of jq, the slowest peer (default: --runs).")
  Integer jqRuns;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated data (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--work", defaultValue = "/tmp/gatehouse-bench", paramLabel = "DIR",
      description = "Folder for data, outputs and the report (default ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--gatehouse-jar", defaultValue = "cli/target/gatehouse.jar", paramLabel = "JAR",
      description = "The gatehouse jar to measure (default ${DEFAULT-VALUE}).")
  Path gatehouseJar;

  @Option(names = "--cases", split = ",", paramLabel = "CASE",
      defaultValue = "tsv,json,gzip,rotated,conn,small",
      description = "Cases to run: tsv, json, gzip, rotated, conn, small (default ${DEFAULT-VALUE}).")
  List<String> cases;

  @Option(names = "--skip", split = ",", paramLabel = "TOOL",
      description = "Peers to leave out: duckdb, awk, jq, cat (cat also covers zcat).")
  List<String> skip = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    for (String id : cases) {
      if (!CASE_IDS.contains(id)) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "'" + id + "' is not a case: expected one of " + String.join(", ", CASE_IDS));
      }
    }
    Measurement.requireGnuTime();
    if (!Files.isRegularFile(gatehouseJar)) {
      System.err.println("harness: " + gatehouseJar + " not found: build it with"
          + " ./mvnw -q -B -DskipTests -pl cli -am package, or give --gatehouse-jar");
      return 2;
    }
    Files.createDirectories(work);
    Path out = Files.createDirectories(work.resolve("out"));
    Toolbox toolbox = Toolbox.find(javaCommand(), gatehouseJar.toAbsolutePath(), benchJar(),
        Files.createDirectories(work.resolve("programs")), Set.copyOf(skip));
    Environment environment = Environment.probe(toolbox);

    List<BenchCase> benchCases = buildCases(toolbox);
    CaseRunner runner = new CaseRunner(new Measurement(out), out);
    Map<BenchCase, CaseRunner.CaseResult> results = new LinkedHashMap<>();
    String failure = null;
    for (BenchCase benchCase : benchCases) {
      System.err.printf(Locale.ROOT, "harness: case %s: %s%n", benchCase.id(), benchCase.title());
      try {
        results.put(benchCase, runner.run(benchCase));
      } catch (GatehouseMismatchException e) {
        failure = e.getMessage();
        break;
      }
    }

    // A failed gatehouse run still leaves the report of the cases before it.
    String report = Report.render(environment, toolbox, results, describeOptions());
    if (failure != null) {
      report += "\n**FAILED:** " + failure + "\n";
    }
    Path reportFile = work.resolve("report.md");
    Files.writeString(reportFile, report, StandardCharsets.UTF_8);
    System.out.print(report);
    System.err.println("harness: report written to " + reportFile);
    if (failure != null) {
      System.err.println("harness: FAILED: " + failure);
      return 1;
    }
    return 0;
  }

  private List<BenchCase> buildCases(Toolbox toolbox) throws IOException {
    long mainBytes = Sizes.parseBytes(size);
    long connCaseBytes = connSize == null ? Math.max(1, mainBytes / 10) : Sizes.parseBytes(connSize);
    int jq = jqRuns == null ? runs : jqRuns;
    List<BenchCase> built = new ArrayList<>();
    GeneratedDataSet main = null;
    GeneratedDataSet withConn = null;
    for (String id : cases) {
      switch (id) {
        case "tsv", "json", "gzip" -> {
          if (main == null) {
            main = dataSet("ssh-" + size, new DataSetSpec(seed, 0, mainBytes, 0, 24,
                EnumSet.of(Variant.TSV, Variant.JSON, Variant.TSV_GZ)));
          }
          built.add(CaseBuilder.sshOnly(id, main, toolbox, runs, jq));
        }
        case "rotated", "conn" -> {
          if (withConn == null) {
            String name = "conn-" + (connSize == null ? size + "-tenth" : connSize) + "-x" + connRatio;
            withConn = dataSet(name, new DataSetSpec(seed + 1, 0, connCaseBytes, connRatio, 24,
                EnumSet.of(Variant.TSV, Variant.TSV_ROTATED)));
          }
          built.add(CaseBuilder.withConn(id, withConn, toolbox, runs));
        }
        case "small" -> {
          GeneratedDataSet small = dataSet("small-" + smallRows, new DataSetSpec(seed + 2, smallRows,
              0, 0, 1, EnumSet.of(Variant.TSV)));
          built.add(CaseBuilder.small(small, toolbox, runs));
        }
        default -> throw new IllegalStateException("unhandled case " + id);
      }
    }
    return built;
  }

  /** Returns the cached data set of {@code spec}, generating it when missing or different. */
  private GeneratedDataSet dataSet(String name, DataSetSpec spec) throws IOException {
    Path folder = work.resolve("data").resolve(name + "-seed" + spec.seed());
    GeneratedDataSet cached = GeneratedDataSet.readIfComplete(folder, spec);
    if (cached != null) {
      System.err.println("harness: reusing data set " + folder);
      return cached;
    }
    System.err.println("harness: generating " + spec.describe() + " into " + folder);
    long started = System.nanoTime();
    GeneratedDataSet generated = Generator.generate(spec, folder);
    System.err.printf(Locale.ROOT, "harness: generated %d ssh rows, %d conn rows, %d expected"
        + " detections in %.0f s%n", generated.sshRows(), generated.connRows(),
        generated.expectedDetections(), (System.nanoTime() - started) / 1e9);
    return generated;
  }

  private String describeOptions() {
    return String.format(Locale.ROOT, "--size %s --conn-size %s --conn-ratio %d --small-rows %d"
            + " --runs %d --jq-runs %d --seed %d", size,
        connSize == null ? "(a tenth of --size)" : connSize, connRatio, smallRows, runs,
        jqRuns == null ? runs : jqRuns, seed);
  }

  /** Returns the java launcher of this JVM, used for gatehouse and the DuckDB peer alike. */
  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Path benchJar() throws URISyntaxException {
    return Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Harness()).execute(args));
  }

  /** Thrown when a gatehouse run's output differs from expected.jsonl. */
  static final class GatehouseMismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    GatehouseMismatchException(String message) {
      super(message);
    }
  }

  /** Returns the message that reports a gatehouse run whose output differs from expected.jsonl. */
  static String mismatchMessage(String caseId, int run, Path output, List<String> differences) {
    return "gatehouse's output in case " + caseId + ", run " + run + " (" + output + ") differs from"
        + " expected.jsonl (" + differences.size() + " differences):\n"
        + DetectionCheck.summarize(differences);
  }
}
