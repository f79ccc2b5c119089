package dev.gatehouse.ingest.zeek;

import dev.gatehouse.ingest.CorruptInputException;
import dev.gatehouse.ingest.Decompression;
import dev.gatehouse.ingest.InputSource;
import dev.gatehouse.ingest.LogType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the log type of a file from its first rows, as the readers will: the {@code #path} line
 * of the first TSV header block, or the {@code _path} key or envelope of the first JSON line,
 * and the file name when the content names none. Later header blocks may name other types.
 */
public final class ZeekSniffer {

  private static final int PEEK_BYTES = 64 << 10;
  private static final Pattern JSON_PATH = Pattern.compile("\"_path\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern ENVELOPE = Pattern.compile("^\\{\\s*\"([a-z_]+)\"\\s*:\\s*\\{");

  private ZeekSniffer() {}

  /**
   * Returns the log type of the first rows of {@code source}, or its type from the file name
   * when the content names none, cannot be read, or the source is standard input.
   */
  public static LogType firstLogType(InputSource source) {
    if (source.isStdin()) {
      return source.typeFromName();
    }
    byte[] head;
    try (InputStream in = Decompression.open(Files.newInputStream(source.path()))) {
      head = in.readNBytes(PEEK_BYTES);
    } catch (CorruptInputException e) {
      return source.typeFromName();
    } catch (IOException e) {
      return source.typeFromName();
    }
    String text = new String(head, StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.startsWith("#path")) {
        String value = trimmed.substring("#path".length()).strip();
        return LogType.fromZeekPath(value);
      }
      if (trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.startsWith("{")) {
        Matcher path = JSON_PATH.matcher(trimmed);
        if (path.find()) {
          return LogType.fromZeekPath(path.group(1));
        }
        Matcher envelope = ENVELOPE.matcher(trimmed);
        if (envelope.find()) {
          return LogType.fromZeekPath(envelope.group(1));
        }
      }
      break;
    }
    return source.typeFromName();
  }
}
