package dev.gatehouse.output;

import dev.gatehouse.core.assess.Alert;
import dev.gatehouse.core.assess.TriageOutcome;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.SessionCounts;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes detections as an aligned text table for a terminal. Control characters in
 * attacker-controlled text are shown as {@code \xNN}, so a banner cannot move the cursor or
 * change colours.
 *
 * <p>SEVERITY and SCORE are the severity and risk score of an assessed alert, COUNTRY/AS the
 * source's country code and autonomous system, and HOST the destination's name from the
 * inventory or DNS; each is {@code -} when unknown. A TRIAGE column is added when a triage rule
 * decided at least one of the alerts written.
 */
public final class TableWriter implements DetectionWriter {

  private static final String[] HEADERS = {
      "SEVERITY", "SCORE", "CERTAINTY", "SOURCE", "COUNTRY/AS", "DESTINATION", "HOST", "FIRST SEEN (UTC)",
      "LAST SEEN (UTC)", "C/L/U/F", "FAILED BEFORE", "BYTES OUT", "CLIENT"};

  private static final String TRIAGE_HEADER = "TRIAGE";

  private static final int MAX_CELL = 40;

  private final Writer out;

  public TableWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void writeAlerts(List<Alert> alerts) throws IOException {
    boolean triaged = alerts.stream()
        .anyMatch(a -> a.assessed() && a.triage().outcome() != TriageOutcome.Outcome.NONE);
    List<String[]> rows = new ArrayList<>();
    rows.add(triaged ? withTriage(HEADERS, TRIAGE_HEADER) : HEADERS);
    for (Alert alert : alerts) {
      String[] row = row(alert);
      rows.add(triaged ? withTriage(row, triage(alert)) : row);
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.write(line.toString().stripTrailing());
      out.write(System.lineSeparator());
    }
    if (alerts.isEmpty()) {
      out.write("(no detections)" + System.lineSeparator());
    }
    out.flush();
  }

  /** Returns {@code row} with {@code last} inserted before its last cell, the client banner. */
  private static String[] withTriage(String[] row, String last) {
    String[] extended = new String[row.length + 1];
    System.arraycopy(row, 0, extended, 0, row.length - 1);
    extended[row.length - 1] = last;
    extended[row.length] = row[row.length - 1];
    return extended;
  }

  private static String triage(Alert alert) {
    if (!alert.assessed() || alert.triage().outcome() == TriageOutcome.Outcome.NONE) {
      return "-";
    }
    TriageOutcome triage = alert.triage();
    return terminalSafe(triage.outcome().label() + " by " + triage.rule().id());
  }

  private static String[] row(Alert alert) {
    Detection d = alert.detection();
    SessionCounts s = d.sessions();
    String source = d.source() + (d.sourceNetwork() == null ? "" : " (" + d.sourceNetwork() + ")");
    String destination = hostPort(d) + (d.destinationNetwork() == null ? "" : " (" + d.destinationNetwork() + ")");
    String bytesOut = d.traffic().responderBytes() >= 0 ? Long.toString(d.traffic().responderBytes()) : "unknown";
    String client = d.ssh().clients().isEmpty() ? "-" : terminalSafe(d.ssh().clients().get(0));
    String severity = alert.assessed() ? alert.score().severity().label() : "-";
    String score = alert.assessed() ? Integer.toString(alert.score().value()) : "-";
    String geo = alert.assessed() ? alert.enrichment().sourceGeo().shortForm() : "-";
    String host = alert.assessed() && alert.enrichment().destinationHost() != null
        ? terminalSafe(alert.enrichment().destinationHost()) : "-";
    return new String[] {
        severity,
        score,
        d.certainty().label(),
        source,
        geo,
        destination,
        host,
        Timestamps.formatSeconds(d.firstSeenMicros()),
        Timestamps.formatSeconds(d.lastSeenMicros()),
        s.confirmed() + "/" + s.likely() + "/" + s.unknown() + "/" + s.failed(),
        Long.toString(d.failuresBeforeFirstSuccess()),
        bytesOut,
        client};
  }

  private static String hostPort(Detection d) {
    String host = d.destination().toString();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + d.destinationPort();
  }

  /**
   * Returns {@code text} with control characters as {@code \xNN}, and with formatting
   * characters (bidirectional overrides, zero-width marks), separators, unassigned and
   * private-use characters and surrogates as a backslash, {@code u} and four hex digits, cut to
   * a cell's width. Emoji and other characters outside the Basic Multilingual Plane therefore
   * appear as two escapes.
   */
  static String terminalSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        safe.append(String.format("\\x%02x", (int) c));
      } else if (type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        safe.append(String.format("\\u%04x", (int) c));
      } else {
        safe.append(c);
      }
    }
    return safe.length() > MAX_CELL ? safe.substring(0, MAX_CELL - 3) + "..." : safe.toString();
  }
}
