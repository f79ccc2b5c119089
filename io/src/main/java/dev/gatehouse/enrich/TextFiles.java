package dev.gatehouse.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens the text files that the site file names, and describes why one cannot be opened. */
final class TextFiles {

  /** The character that invalid UTF-8 bytes are read as. */
  static final char REPLACEMENT = '\uFFFD';

  private TextFiles() {}

  /**
   * Opens {@code file} as UTF-8 text, skipping a byte order mark. Bytes that are not UTF-8 are
   * read as {@link #REPLACEMENT}, so the line that contains them can be reported and skipped.
   */
  static Reader open(Path file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    PushbackReader reader = new PushbackReader(
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder)));
    int first = reader.read();
    if (first != -1 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }

  /** Returns why {@code file} cannot be read, as the end of a sentence such as "file not found". */
  static String describe(Path file, IOException failure) {
    if (failure instanceof NoSuchFileException) {
      return "file not found; check the path, which is relative to the site file's directory";
    }
    if (failure instanceof AccessDeniedException) {
      return "permission denied; check the file's permissions";
    }
    if (Files.isDirectory(file)) {
      return "the path is a directory, not a file";
    }
    return "cannot read the file: " + failure.getMessage();
  }
}
