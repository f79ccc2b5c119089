package dev.gatehouse.core.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects problems found in the input without stopping the run: every problem is counted by
 * its reason, and the first few are kept with their place for the summary.
 *
 * <p>Not thread-safe: each reader thread keeps its own and merges it at the end.
 */
public final class Diagnostics {

  /** The default number of diagnostics kept with their detail. */
  public static final int DEFAULT_KEPT = 20;

  /**
   * One problem.
   *
   * @param severity {@code error} for a skipped line or file, {@code warning} for a line that was
   *     used with a fallback
   * @param source the file, or {@code -} for standard input
   * @param line the 1-based line, or 0 when the problem concerns the whole source
   * @param reason a short stable code such as {@code bad-address}, used for counting
   * @param message a sentence naming the value and what was expected
   */
  public record Diagnostic(String severity, String source, long line, String reason, String message) {

    @Override
    public String toString() {
      String place = line > 0 ? source + ":" + line : source;
      return place + ": " + severity + ": " + message + " [" + reason + "]";
    }
  }

  private final int kept;
  private final List<Diagnostic> first = new ArrayList<>();
  private final Map<String, Long> countsByReason = new TreeMap<>();
  private long errors;
  private long warnings;

  /** Creates a collector that keeps the first {@link #DEFAULT_KEPT} diagnostics. */
  public Diagnostics() {
    this(DEFAULT_KEPT);
  }

  /** Creates a collector that keeps the first {@code kept} diagnostics. */
  public Diagnostics(int kept) {
    this.kept = kept;
  }

  /** Records a line or source that was skipped. */
  public void error(String source, long line, String reason, String message) {
    errors++;
    add(new Diagnostic("error", source, line, reason, message));
  }

  /** Records a line that was used despite a problem. */
  public void warning(String source, long line, String reason, String message) {
    warnings++;
    add(new Diagnostic("warning", source, line, reason, message));
  }

  private void add(Diagnostic diagnostic) {
    countsByReason.merge(diagnostic.reason(), 1L, Long::sum);
    if (first.size() < kept) {
      first.add(diagnostic);
    }
  }

  /** Adds everything {@code other} collected to this collector. */
  public void merge(Diagnostics other) {
    errors += other.errors;
    warnings += other.warnings;
    other.countsByReason.forEach((reason, count) -> countsByReason.merge(reason, count, Long::sum));
    for (Diagnostic diagnostic : other.first) {
      if (first.size() < kept) {
        first.add(diagnostic);
      }
    }
  }

  /** Returns the first diagnostics, up to the number kept. */
  public List<Diagnostic> first() {
    return Collections.unmodifiableList(first);
  }

  /** Returns the number of diagnostics by reason, sorted by reason. */
  public Map<String, Long> countsByReason() {
    return Collections.unmodifiableMap(countsByReason);
  }

  /** Returns the number of skipped lines and sources. */
  public long errors() {
    return errors;
  }

  /** Returns the number of lines used despite a problem. */
  public long warnings() {
    return warnings;
  }
}
