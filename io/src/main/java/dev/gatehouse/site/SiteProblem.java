package dev.gatehouse.site;

import java.util.Objects;

/**
 * One problem found in a site file.
 *
 * @param line the 1-based line, or 0 when the problem concerns the whole file, such as a file
 *     that cannot be read
 * @param column the 1-based column, or 0 when unknown
 * @param severity {@link #ERROR} when the file cannot be used, {@link #WARNING} when it can be
 *     used but probably does not say what was meant
 * @param message a sentence naming the value and the rule it breaks, without the line
 */
public record SiteProblem(int line, int column, String severity, String message) {

  /** The severity of a problem that makes the file unusable. */
  public static final String ERROR = "error";

  /** The severity of a problem that leaves the file usable. */
  public static final String WARNING = "warning";

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code severity} is neither {@link #ERROR} nor {@link
   *     #WARNING}, or {@code line} or {@code column} is negative
   */
  public SiteProblem {
    Objects.requireNonNull(message, "message");
    if (!ERROR.equals(severity) && !WARNING.equals(severity)) {
      throw new IllegalArgumentException(
          "severity must be 'error' or 'warning', not '" + severity + "'");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line and column must not be negative: " + line + ":" + column);
    }
  }

  /** Returns whether this problem is an {@link #ERROR}. */
  public boolean isError() {
    return ERROR.equals(severity);
  }

  /**
   * Formats the problem as compilers do: {@code site.yaml:4: error: message}, or {@code
   * site.yaml: error: message} for a problem of the whole file.
   */
  public String format(String fileName) {
    String place = line > 0 ? fileName + ":" + line : fileName;
    return place + ": " + severity + ": " + message;
  }

  /** Returns {@code line 4: error: message}, or {@code error: message} for the whole file. */
  @Override
  public String toString() {
    return line > 0 ? "line " + line + ": " + severity + ": " + message : severity + ": " + message;
  }
}
