package dev.gatehouse.ingest.zeek;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.ingest.LogType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Zeek JSON lines, one object per line. The log type comes from {@code _path}, then from
 * an envelope key such as {@code {"ssh": {...}}}, then from the file name.
 */
final class JsonLines {

  static final String BAD_JSON = "bad-json";
  static final String MISSING_FIELD = "missing-field";

  private static final int MAX_PARSER_MESSAGE_LENGTH = 160;

  private final SourceRun run;
  private final JsonFactory factory;
  private final JsonRow row = new JsonRow();

  JsonLines(SourceRun run, JsonFactory factory) {
    this.run = run;
    this.factory = factory;
  }

  /**
   * Reads one non-blank line.
   *
   * @param lastLineCut whether this is the last line and it ends without a newline
   */
  void accept(byte[] line, int from, int to, long number, boolean lastLineCut) {
    String problem = parse(line, from, to);
    if (problem != null) {
      if (lastLineCut) {
        run.lastLineCut(number, "the last line is not a complete JSON object (" + problem + ")");
      } else {
        run.diagnostics.error(run.source, number, BAD_JSON,
            "the line is not a JSON object: " + problem + "; expected one Zeek JSON object per line");
        run.countSkipped();
      }
      return;
    }

    LogType type = typeOf(number);
    if (type == LogType.OTHER) {
      run.countOther();
      return;
    }
    List<String> missing = type == LogType.DNS ? List.of() : missingRequired();
    if (!missing.isEmpty()) {
      run.diagnostics.error(run.source, number, MISSING_FIELD,
          "the " + (type == LogType.SSH ? "ssh" : "conn") + " row has no "
              + ZeekText.joinNames(missing) + (missing.size() == 1 ? " key" : " keys")
              + ", so it is skipped; ssh and conn rows need ts, id.orig_h, id.orig_p, id.resp_h"
              + " and id.resp_p");
      run.countSkipped();
      return;
    }
    run.emit(type, row, number, false);
  }

  /** Parses the line into {@link #row}, returning a description of the problem or {@code null}. */
  private String parse(byte[] line, int from, int to) {
    try (JsonParser parser = factory.createParser(line, from, to - from)) {
      return row.parse(parser) ? null : "it does not consist of exactly one object";
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
      String place = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      return ZeekText.printable(message, MAX_PARSER_MESSAGE_LENGTH) + place;
    } catch (IOException e) {
      // A parser over a byte array performs no I/O, so only malformed content can fail here.
      return ZeekText.printable(String.valueOf(e.getMessage()), MAX_PARSER_MESSAGE_LENGTH);
    }
  }

  private LogType typeOf(long number) {
    if (row.path() != null) {
      return LogType.fromZeekPath(row.path());
    }
    if (row.envelope() != null) {
      return LogType.fromZeekPath(row.envelope());
    }
    if (run.typeFromName == LogType.OTHER) {
      run.reportUnknownType(number);
    }
    return run.typeFromName;
  }

  private List<String> missingRequired() {
    List<String> missing = new ArrayList<>(0);
    for (Column column : Column.REQUIRED) {
      if (row.state(column) == Row.State.ABSENT) {
        missing.add(column.zeekName);
      }
    }
    return missing;
  }
}
