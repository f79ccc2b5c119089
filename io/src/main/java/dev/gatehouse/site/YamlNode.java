package dev.gatehouse.site;

import java.math.BigDecimal;
import java.util.List;

/**
 * One node of a parsed YAML document with the line and column where it starts, both 1-based.
 * The site file validator reads these nodes so that every problem can name its line.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  int line();

  int column();

  /** Returns the type of this node for messages, such as "a list" or "the string '10s'". */
  String describe();

  /**
   * One key of a mapping and its value.
   *
   * @param line the line of the key
   * @param column the column of the key
   */
  record Entry(String key, int line, int column, YamlNode value) {}

  /** A mapping, with its keys in file order and without repeated keys. */
  record Mapping(int line, int column, List<Entry> entries) implements YamlNode {

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A sequence, which the messages call a list. */
  record Sequence(int line, int column, List<YamlNode> items) implements YamlNode {

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** The kinds of scalar that the YAML parser resolves. */
  enum ScalarType {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    /** A value that was already reported, such as an alias, so validators skip it without a message. */
    REPORTED
  }

  /**
   * A scalar value.
   *
   * @param text the text as written, without quotes
   * @param number the value of a {@link ScalarType#NUMBER}, otherwise {@code null}
   */
  record Scalar(int line, int column, ScalarType type, String text, BigDecimal number)
      implements YamlNode {

    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "the string '" + text + "'";
        case NUMBER -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "empty";
        case REPORTED -> "an unsupported value";
      };
    }
  }
}
