package dev.gatehouse.ingest;

import java.nio.file.Path;

/**
 * One input to read: a file or standard input.
 *
 * @param name the path as the user gave it or as directory expansion found it, or {@code -} for
 *     standard input; diagnostics and records name the source by it
 * @param path the file, or {@code null} for standard input
 * @param typeFromName the log type taken from the file name, or {@link LogType#OTHER} when the
 *     name is not that of an ssh or conn log. Readers use it only when the content does not name
 *     its type.
 */
public record InputSource(String name, Path path, LogType typeFromName) {

  /** The name of standard input in arguments, diagnostics and records. */
  public static final String STDIN_NAME = "-";

  /** Returns the source for standard input. */
  public static InputSource stdin() {
    return new InputSource(STDIN_NAME, null, LogType.OTHER);
  }

  /** Returns the source for a file, named by {@code path} as given and typed by its file name. */
  public static InputSource file(Path path) {
    Path fileName = path.getFileName();
    LogType type = fileName == null ? LogType.OTHER : LogType.fromFileName(fileName.toString());
    return new InputSource(path.toString(), path, type);
  }

  /** Returns whether this source is standard input. */
  public boolean isStdin() {
    return path == null;
  }
}
