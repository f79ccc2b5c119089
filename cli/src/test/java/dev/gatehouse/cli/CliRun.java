package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;

/** One in-process run of the command line with its output captured. */
record CliRun(int exitCode, String out, String err) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Main.newCommandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** Returns the detections written as JSON lines. */
  List<JsonNode> detections() {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        try {
          nodes.add(JSON.readTree(line));
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException("not a JSON line: " + line, e);
        }
      }
    }
    return nodes;
  }
}
