package dev.gatehouse.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.bench.generate.DetectionCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Runs the tools of a case, alternating them run by run, and checks their outputs. */
final class CaseRunner {

  /**
   * The outcome of one tool in a case.
   *
   * @param runs every completed run, in order
   * @param agreement whether the tool's pairs equal the expected ones, or {@code null} when the
   *     tool prints none
   * @param failure why the tool stopped early, or {@code null}
   */
  record ToolResult(List<Measurement.Result> runs, String agreement, String failure) {}

  /** The results of a case, by tool in the case's order. */
  record CaseResult(BenchCase benchCase, Map<Tool, ToolResult> tools) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Measurement measurement;
  private final Path out;

  CaseRunner(Measurement measurement, Path out) {
    this.measurement = measurement;
    this.out = out;
  }

  CaseResult run(BenchCase benchCase)
      throws IOException, InterruptedException, Harness.GatehouseMismatchException {
    readIntoPageCache(benchCase.inputs());
    Set<String> expectedPairs = expectedPairs(benchCase.expected());
    Map<Tool, List<Measurement.Result>> runs = new LinkedHashMap<>();
    Map<Tool, String> agreements = new LinkedHashMap<>();
    Map<Tool, String> failures = new LinkedHashMap<>();
    int maxRuns = benchCase.tools().stream().mapToInt(Tool::runs).max().orElse(0);
    for (int run = 1; run <= maxRuns; run++) {
      for (Tool tool : benchCase.tools()) {
        runs.computeIfAbsent(tool, t -> new ArrayList<>());
        if (run > tool.runs() || failures.containsKey(tool)) {
          continue;
        }
        String slug = benchCase.id() + "-" + tool.name().replaceAll("[^A-Za-z0-9]+", "-");
        Path output = tool.role() == Tool.Role.READ_LIMIT ? null : out.resolve(slug + ".out");
        Path errors = out.resolve(slug + ".err");
        Measurement.Result result = measurement.run(tool.command(), output, errors);
        System.err.printf(Locale.ROOT, "harness:   run %d/%d %-16s %7.2f s %8.1f MB peak RSS%n",
            run, tool.runs(), tool.name(), result.wallSeconds(), result.peakRssKilobytes() * 1024 / 1e6);
        if (result.exitCode() != 0) {
          String failure = "exit code " + result.exitCode() + ", see " + errors;
          if (tool.role() == Tool.Role.GATEHOUSE) {
            throw new Harness.GatehouseMismatchException("gatehouse failed in case " + benchCase.id()
                + " with " + failure);
          }
          failures.put(tool, failure);
          System.err.println("harness:   " + tool.name() + " failed: " + failure);
          continue;
        }
        runs.get(tool).add(result);
        if (tool.role() == Tool.Role.GATEHOUSE) {
          List<String> differences = DetectionCheck.compare(benchCase.expected(), output);
          if (!differences.isEmpty()) {
            throw new Harness.GatehouseMismatchException(
                Harness.mismatchMessage(benchCase.id(), run, output, differences));
          }
          agreements.put(tool, "equals expected.jsonl");
        } else if (tool.writesPairs()) {
          String agreement = comparePairs(expectedPairs, output);
          // The first disagreement a peer shows is the one reported.
          agreements.merge(tool, agreement, (old, now) -> old.startsWith("differs") ? old : now);
        }
      }
    }
    Map<Tool, ToolResult> results = new LinkedHashMap<>();
    for (Tool tool : benchCase.tools()) {
      results.put(tool, new ToolResult(runs.getOrDefault(tool, List.of()), agreements.get(tool),
          failures.get(tool)));
    }
    return new CaseResult(benchCase, results);
  }

  /** Returns the expected pairs as the peers print them: keys and four counts, tab-separated. */
  static Set<String> expectedPairs(Path expectedFile) throws IOException {
    Set<String> pairs = new HashSet<>();
    for (String line : Files.readAllLines(expectedFile, StandardCharsets.UTF_8)) {
      JsonNode d = MAPPER.readTree(line);
      pairs.add(String.join("\t", d.at("/source/ip").asText(), d.at("/destination/ip").asText(),
          d.at("/destination/port").asText(), d.at("/sessions/confirmed").asText(),
          d.at("/sessions/likely").asText(), d.at("/sessions/unknown").asText(),
          d.at("/sessions/failed").asText()));
    }
    return pairs;
  }

  private static String comparePairs(Set<String> expected, Path output) throws IOException {
    Set<String> printed = new HashSet<>(Files.readAllLines(output, StandardCharsets.UTF_8));
    printed.remove("");
    if (printed.equals(expected)) {
      return "equals expected";
    }
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(printed);
    Set<String> extra = new HashSet<>(printed);
    extra.removeAll(expected);
    return "differs: " + missing.size() + " expected lines missing, " + extra.size() + " other lines";
  }

  /** Reads every input once, so the timed runs read from the page cache. */
  private static void readIntoPageCache(List<Path> inputs) throws IOException {
    byte[] buffer = new byte[1 << 20];
    for (Path input : inputs) {
      try (InputStream in = Files.newInputStream(input)) {
        while (in.read(buffer) >= 0) {
          // Only the reading matters.
        }
      }
    }
  }
}
