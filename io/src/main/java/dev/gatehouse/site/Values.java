package dev.gatehouse.site;

import dev.gatehouse.site.YamlNode.Entry;
import dev.gatehouse.site.YamlNode.Mapping;
import dev.gatehouse.site.YamlNode.Scalar;
import dev.gatehouse.site.YamlNode.ScalarType;
import dev.gatehouse.site.YamlNode.Sequence;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Typed reading of YAML values for the sections of the assessment stage. Each method returns
 * {@code null} after reporting why a value is invalid, so that the caller keeps its default and
 * validation goes on.
 */
final class Values {

  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  /**
   * Reads the mapping {@code node} of {@code section}, passing each known key's entry to its
   * reader, and returns it; an empty value is an empty mapping. Returns {@code null} after
   * reporting when {@code node} is not a mapping.
   */
  Mapping fields(YamlNode node, String section, Map<String, Consumer<Entry>> readers) {
    if (SiteValidator.isReported(node)) {
      return null;
    }
    if (SiteValidator.isNull(node)) {
      return new Mapping(node.line(), node.column(), List.of());
    }
    if (!(node instanceof Mapping mapping)) {
      problems.error(node, "'" + section + "' must be a mapping, not " + node.describe());
      return null;
    }
    for (Entry entry : mapping.entries()) {
      Consumer<Entry> reader = readers.get(entry.key());
      if (reader == null) {
        problems.error(entry.line(), entry.column(), "unknown key '" + entry.key() + "' in '" + section
            + "'; " + SiteValidator.allowedKeys(List.copyOf(readers.keySet())));
      } else {
        reader.accept(entry);
      }
    }
    return mapping;
  }

  /** Returns the non-empty string in {@code node} without control characters, or {@code null}. */
  String string(YamlNode node, String key) {
    if (SiteValidator.isReported(node)) {
      return null;
    }
    if (!(node instanceof Scalar scalar) || scalar.type() != ScalarType.STRING) {
      boolean quotable = node instanceof Scalar scalar
          && (scalar.type() == ScalarType.NUMBER || scalar.type() == ScalarType.BOOLEAN);
      problems.error(node, "'" + key + "' must be a string, not " + node.describe()
          + (quotable ? "; quote it to use it as text" : ""));
      return null;
    }
    String text = scalar.text();
    if (text.isBlank()) {
      problems.error(node, "'" + key + "' must not be empty");
      return null;
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      problems.error(node, "'" + key + "' must not contain control characters such as line breaks");
      return null;
    }
    return text.strip();
  }

  /**
   * Returns the items of the list in {@code node}, or {@code null} after reporting. {@code
   * example} shows the expected form in the message, such as {@code [22, 2222]}.
   */
  List<YamlNode> list(YamlNode node, String key, String example) {
    if (SiteValidator.isReported(node)) {
      return null;
    }
    if (!(node instanceof Sequence sequence)) {
      problems.error(node, "'" + key + "' must be a list such as " + example + ", not " + node.describe());
      return null;
    }
    if (sequence.items().isEmpty()) {
      problems.error(node, "'" + key + "' must list at least one value, such as " + example);
      return null;
    }
    return sequence.items();
  }

  /** Returns the whole number from {@code min} to {@code max} in {@code node}, or {@code null}. */
  Long whole(YamlNode node, String key, String expected, long min, long max) {
    if (SiteValidator.isReported(node)) {
      return null;
    }
    if (!(node instanceof Scalar scalar) || scalar.type() != ScalarType.NUMBER) {
      String hint = node instanceof Scalar scalar && scalar.type() == ScalarType.STRING
          && isNumber(scalar.text()) ? "; remove the quotes" : "";
      problems.error(node, "'" + key + "' must be " + expected + ", not " + node.describe() + hint);
      return null;
    }
    BigDecimal number = scalar.number();
    if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.error(node, "'" + key + "' must be " + expected + " from " + min + " to " + max + ", not "
          + scalar.text());
      return null;
    }
    return number.longValueExact();
  }

  /** Returns the number of seconds of at least {@code min} in {@code node} as microseconds, or {@code null}. */
  Long micros(YamlNode node, String key, long minSeconds) {
    if (SiteValidator.isReported(node)) {
      return null;
    }
    if (!(node instanceof Scalar scalar) || scalar.type() != ScalarType.NUMBER) {
      problems.error(node, "'" + key + "' must be a number of seconds, not " + node.describe());
      return null;
    }
    BigDecimal micros = scalar.number().multiply(BigDecimal.valueOf(1_000_000L));
    if (scalar.number().compareTo(BigDecimal.valueOf(minSeconds)) < 0
        || micros.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      problems.error(node, "'" + key + "' must be from " + minSeconds + " to " + Long.MAX_VALUE / 1_000_000L
          + " seconds, not " + scalar.text());
      return null;
    }
    return micros.longValue();
  }

  /** Returns the path in {@code node} resolved against the site file's directory, or {@code null}. */
  Path path(YamlNode node, String key, Path siteFile) {
    String text = string(node, key);
    if (text == null) {
      return null;
    }
    try {
      Path path = Path.of(text);
      return siteFile == null || path.isAbsolute() ? path : siteFile.resolveSibling(path);
    } catch (InvalidPathException e) {
      problems.error(node, "'" + key + "' is not a valid path: " + e.getReason());
      return null;
    }
  }

  /** Reports that a required key is missing from the mapping {@code node}. */
  void missing(YamlNode node, String section, String key, String example) {
    problems.error(node, "'" + section + "' needs '" + key + "', such as " + key + ": " + example);
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
