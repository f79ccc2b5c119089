package dev.gatehouse.cli;

import dev.gatehouse.ingest.InputSource;
import dev.gatehouse.run.BatchRun;
import java.io.PrintWriter;

/** Rewrites one status line on standard error as the run moves from source to source. */
final class ProgressLine implements BatchRun.Progress {

  private static final int WIDTH = 79;

  private final PrintWriter err;
  private int lastLength;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void sourceStarted(int index, int total, InputSource source) {
    String text = "reading " + index + "/" + total + ": " + source.name();
    if (text.length() > WIDTH) {
      text = text.substring(0, WIDTH - 3) + "...";
    }
    err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
    err.flush();
    lastLength = text.length();
  }

  /** Erases the line. */
  void clear() {
    if (lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
    }
  }
}
