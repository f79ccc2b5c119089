package dev.gatehouse.site;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.gatehouse.site.YamlNode.Entry;
import dev.gatehouse.site.YamlNode.Mapping;
import dev.gatehouse.site.YamlNode.Scalar;
import dev.gatehouse.site.YamlNode.ScalarType;
import dev.gatehouse.site.YamlNode.Sequence;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link YamlNode}s with Jackson's streaming YAML parser, keeping
 * the line and column of every key and value.
 *
 * <p>Problems that YAML itself defines are reported here: syntax errors, repeated keys, aliases,
 * numbers that are not finite, and a second document. A syntax error ends the reading, because
 * the parser cannot continue after one.
 */
final class YamlTreeReader {

  /**
   * The parser factory. A key without a value ({@code likely:}) is read as null rather than as an
   * empty string, because the builder of Jackson 2.18 leaves this feature off.
   */
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .build();

  private final Problems problems;

  private YamlTreeReader(Problems problems) {
    this.problems = problems;
  }

  /**
   * Returns the root node of the only document in {@code reader}, or {@code null} when the input
   * has no document or cannot be parsed. The reason for a failure is added to {@code problems}.
   */
  static YamlNode read(Reader reader, Problems problems) {
    YamlTreeReader treeReader = new YamlTreeReader(problems);
    try (JsonParser parser = FACTORY.createParser(reader)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      YamlNode root = treeReader.readValue(parser, first);
      if (parser.nextToken() != null) {
        JsonLocation location = parser.currentTokenLocation();
        problems.error(location.getLineNr(), location.getColumnNr(),
            "a second YAML document starts here; a site file contains one document");
      }
      return root;
    } catch (JsonProcessingException e) {
      treeReader.reportParseFailure(e);
      return null;
    } catch (IOException e) {
      problems.error(0, 0, "cannot read the file: " + e.getMessage());
      return null;
    }
  }

  private YamlNode readValue(JsonParser parser, JsonToken token) throws IOException {
    JsonLocation location = parser.currentTokenLocation();
    int line = location.getLineNr();
    int column = location.getColumnNr();
    return switch (token) {
      case START_OBJECT -> readMapping(parser, line, column);
      case START_ARRAY -> readSequence(parser, line, column);
      case VALUE_STRING -> readString(parser, line, column);
      case VALUE_NUMBER_INT -> new Scalar(line, column, ScalarType.NUMBER, parser.getText(),
          new BigDecimal(parser.getBigIntegerValue()));
      case VALUE_NUMBER_FLOAT -> readFloat(parser, line, column);
      case VALUE_TRUE, VALUE_FALSE ->
          new Scalar(line, column, ScalarType.BOOLEAN, parser.getText(), null);
      case VALUE_NULL -> new Scalar(line, column, ScalarType.NULL, parser.getText(), null);
      case VALUE_EMBEDDED_OBJECT -> reported(line, column, parser.getText(),
          "binary values (!!binary) are not supported here");
      default -> throw new IllegalStateException("unexpected YAML token " + token);
    };
  }

  private Mapping readMapping(JsonParser parser, int line, int column) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> firstLines = new HashMap<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      String key = parser.currentName();
      JsonLocation keyLocation = parser.currentTokenLocation();
      YamlNode value = readValue(parser, parser.nextToken());
      Integer firstLine = firstLines.putIfAbsent(key, keyLocation.getLineNr());
      if (firstLine != null) {
        problems.error(keyLocation.getLineNr(), keyLocation.getColumnNr(),
            "duplicate key '" + key + "'; it first appears on line " + firstLine);
        continue;
      }
      entries.add(new Entry(key, keyLocation.getLineNr(), keyLocation.getColumnNr(), value));
    }
    return new Mapping(line, column, List.copyOf(entries));
  }

  private Sequence readSequence(JsonParser parser, int line, int column) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      items.add(readValue(parser, token));
    }
    return new Sequence(line, column, List.copyOf(items));
  }

  private Scalar readString(JsonParser parser, int line, int column) throws IOException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      return reported(line, column, parser.getText(),
          "aliases such as '*" + parser.getText() + "' are not supported; write the value again");
    }
    return new Scalar(line, column, ScalarType.STRING, parser.getText(), null);
  }

  /** Reads a float, which Jackson rejects when it is {@code .inf} or {@code .nan}. */
  private Scalar readFloat(JsonParser parser, int line, int column) throws IOException {
    String text = parser.getText();
    try {
      return new Scalar(line, column, ScalarType.NUMBER, text, parser.getDecimalValue());
    } catch (JsonProcessingException | NumberFormatException e) {
      return reported(line, column, text, "'" + text + "' is not a finite number");
    }
  }

  private Scalar reported(int line, int column, String text, String message) {
    problems.error(line, column, message);
    return new Scalar(line, column, ScalarType.REPORTED, text, null);
  }

  /**
   * Reports why the parser stopped. SnakeYAML's problem mark gives the exact place of a syntax
   * error, while Jackson's location is the end of the last token read.
   */
  private void reportParseFailure(JsonProcessingException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark mark = marked.getProblemMark();
        problems.error(mark.getLine() + 1, mark.getColumn() + 1, syntaxMessage(marked));
        return;
      }
      if (cause instanceof CharacterCodingException) {
        problems.error(0, 0, "the file is not valid UTF-8 text");
        return;
      }
      if (cause instanceof IOException && !(cause instanceof JsonProcessingException)) {
        problems.error(0, 0, "cannot read the file: " + cause.getMessage());
        return;
      }
    }
    JsonLocation location = failure.getLocation();
    String message = failure.getOriginalMessage().lines().findFirst().orElse("");
    problems.error(location == null ? 0 : Math.max(location.getLineNr(), 0),
        location == null ? 0 : Math.max(location.getColumnNr(), 0), "invalid YAML: " + message);
  }

  private static String syntaxMessage(MarkedYAMLException marked) {
    StringBuilder message = new StringBuilder("invalid YAML: ").append(marked.getProblem());
    Mark context = marked.getContextMark();
    if (marked.getContext() != null && context != null) {
      message.append(" (").append(marked.getContext()).append(" that starts on line ")
          .append(context.getLine() + 1).append(')');
    }
    if (marked.getProblem().endsWith("found ':'")) {
      message.append("; quote values that start with ':', such as \"::1/128\"");
    }
    return message.toString();
  }
}
