package dev.gatehouse.enrich;

import java.util.Objects;

/**
 * One problem in a file that the site file names: a threat list, the inventory, a GeoIP
 * database or the novelty state file.
 *
 * @param file the file as the site file names it, resolved against the site file's directory
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param severity {@link #ERROR} when the file cannot be used, {@link #WARNING} when a line was
 *     skipped or read with a fallback and the rest of the file is used
 * @param message a sentence naming the value, the rule it breaks and what was done
 */
public record FileProblem(String file, long line, String severity, String message) {

  /** The severity of a problem that makes the file unusable. */
  public static final String ERROR = "error";

  /** The severity of a problem that skips one line or value. */
  public static final String WARNING = "warning";

  /** Checks the components. */
  public FileProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (!ERROR.equals(severity) && !WARNING.equals(severity)) {
      throw new IllegalArgumentException("severity must be 'error' or 'warning', not '" + severity + "'");
    }
  }

  /** Returns whether the problem makes the file unusable. */
  public boolean isError() {
    return ERROR.equals(severity);
  }

  /** Returns {@code file:line: severity: message}, or {@code file: severity: message} for the whole file. */
  @Override
  public String toString() {
    String place = line > 0 ? file + ":" + line : file;
    return place + ": " + severity + ": " + message;
  }
}
