package dev.gatehouse.output;

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
 */
public final class TableWriter implements DetectionWriter {

  private static final String[] HEADERS = {
      "CERTAINTY", "SOURCE", "DESTINATION", "FIRST SEEN (UTC)", "LAST SEEN (UTC)", "C/L/U/F",
      "FAILED BEFORE", "BYTES OUT", "CLIENT"};

  private static final int MAX_CELL = 40;

  private final Writer out;

  public TableWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(List<Detection> detections) throws IOException {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (Detection d : detections) {
      rows.add(row(d));
    }
    int[] widths = new int[HEADERS.length];
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
    if (detections.isEmpty()) {
      out.write("(no detections)" + System.lineSeparator());
    }
    out.flush();
  }

  private static String[] row(Detection d) {
    SessionCounts s = d.sessions();
    String source = d.source() + (d.sourceNetwork() == null ? "" : " (" + d.sourceNetwork() + ")");
    String destination = hostPort(d) + (d.destinationNetwork() == null ? "" : " (" + d.destinationNetwork() + ")");
    String bytesOut = d.traffic().known() ? Long.toString(d.traffic().responderBytes()) : "unknown";
    String client = d.ssh().clients().isEmpty() ? "-" : terminalSafe(d.ssh().clients().get(0));
    return new String[] {
        d.certainty().label(),
        source,
        destination,
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

  /** Returns {@code text} with control characters as {@code \xNN}, cut to a cell's width. */
  static String terminalSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        safe.append(String.format("\\x%02x", (int) c));
      } else {
        safe.append(c);
      }
    }
    return safe.length() > MAX_CELL ? safe.substring(0, MAX_CELL - 3) + "..." : safe.toString();
  }
}
