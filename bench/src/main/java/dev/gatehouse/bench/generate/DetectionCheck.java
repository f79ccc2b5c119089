package dev.gatehouse.bench.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares gatehouse's JSON-lines detections with expected.jsonl on the fields that
 * expected.jsonl holds, one detection per (source, destination, port).
 */
public final class DetectionCheck {

  /** How many differences a report lists before it only counts them. */
  private static final int LISTED_DIFFERENCES = 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DetectionCheck() {}

  /** Returns the fields that are compared, as JSON pointers into a detection. */
  public static List<String> comparedFields() {
    return ExpectedDetections.FIELDS;
  }

  /**
   * Returns the differences between {@code expectedFile} and the detections in {@code actual}, one
   * sentence each; an empty list means they agree.
   *
   * @throws IOException if a file cannot be read or a line is not JSON
   */
  public static List<String> compare(Path expectedFile, Path actual) throws IOException {
    try (Reader expected = Files.newBufferedReader(expectedFile, StandardCharsets.UTF_8);
        Reader output = Files.newBufferedReader(actual, StandardCharsets.UTF_8)) {
      return compare(expected, output);
    }
  }

  /** Returns the differences between expected.jsonl in {@code expectedFile} and {@code actual}. */
  public static List<String> compare(Path expectedFile, String actual) throws IOException {
    try (Reader expected = Files.newBufferedReader(expectedFile, StandardCharsets.UTF_8)) {
      return compare(expected, new StringReader(actual));
    }
  }

  private static List<String> compare(Reader expectedLines, Reader actualLines) throws IOException {
    List<String> differences = new ArrayList<>();
    Map<String, JsonNode> expected = byPair(expectedLines, "expected", differences);
    Map<String, JsonNode> actual = byPair(actualLines, "gatehouse", differences);
    for (Map.Entry<String, JsonNode> entry : expected.entrySet()) {
      JsonNode found = actual.get(entry.getKey());
      if (found == null) {
        differences.add("missing detection " + entry.getKey());
        continue;
      }
      for (String field : ExpectedDetections.FIELDS) {
        String want = text(entry.getValue().at(field));
        String got = text(found.at(field));
        if (!want.equals(got)) {
          differences.add(entry.getKey() + ": " + field + " is " + got + ", expected " + want);
        }
      }
    }
    for (String pair : actual.keySet()) {
      if (!expected.containsKey(pair)) {
        differences.add("unexpected detection " + pair);
      }
    }
    return differences;
  }

  /** Returns up to 20 differences, one a line, and how many more there are. */
  public static String summarize(List<String> differences) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(LISTED_DIFFERENCES, differences.size()); i++) {
      text.append("  ").append(differences.get(i)).append('\n');
    }
    if (differences.size() > LISTED_DIFFERENCES) {
      text.append("  and ").append(differences.size() - LISTED_DIFFERENCES).append(" more\n");
    }
    return text.toString();
  }

  private static Map<String, JsonNode> byPair(Reader lines, String origin, List<String> differences)
      throws IOException {
    Map<String, JsonNode> detections = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(lines);
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode detection = MAPPER.readTree(line);
      String pair = text(detection.at("/source/ip")) + " -> " + text(detection.at("/destination/ip"))
          + " port " + text(detection.at("/destination/port"));
      if (detections.put(pair, detection) != null) {
        differences.add(origin + " has more than one detection for " + pair);
      }
    }
    return detections;
  }

  /** Returns a value's text, so that 5 as an int and 5 as a long compare equal. */
  private static String text(JsonNode node) {
    return node.isMissingNode() ? "(absent)" : node.isNull() ? "null" : node.asText();
  }
}
