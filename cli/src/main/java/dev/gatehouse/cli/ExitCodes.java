package dev.gatehouse.cli;

/** The process exit codes, documented in docs/cli.md. */
final class ExitCodes {

  /** The run finished; detections may have been found. */
  static final int OK = 0;
  /** The run finished and found detections, with {@code --fail-on-detection}. */
  static final int DETECTIONS_FOUND = 1;
  /** The command line or the configuration is invalid; nothing was read. */
  static final int USAGE = 2;
  /** Some input could not be read; the rest was processed and reported. */
  static final int INPUT_UNREADABLE = 3;

  private ExitCodes() {}
}
