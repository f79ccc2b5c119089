package dev.gatehouse.enrich;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 describes them, one record at a time, with the line
 * each record starts on.
 *
 * <p>A field may be quoted with {@code "}, and inside quotes a doubled {@code ""} is one quote
 * and commas and line breaks are data. Line breaks are LF or CRLF. Blank lines and lines whose
 * first character is {@code #} are skipped outside quotes. A record whose quotes are broken (text
 * after a closing quote, or a quote that never closes) is returned with {@link
 * Record#problem()} set, and reading goes on with the next line.
 */
final class CsvReader {

  /**
   * One record.
   *
   * @param line the 1-based line on which the record starts
   * @param fields the fields with quotes removed
   * @param problem why the record is malformed, or {@code null}
   */
  record Record(long line, List<String> fields, String problem) {}

  private final Reader in;
  private long line = 1;
  private int pushedBack = -2;

  CsvReader(Reader in) {
    this.in = in;
  }

  /** Returns the next record, or {@code null} at the end of the input. */
  Record next() throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        return null;
      }
      if (c == '\n') {
        line++;
        continue;
      }
      if (c == '\r') {
        continue;
      }
      if (c == '#') {
        skipLine();
        continue;
      }
      unread(c);
      return readRecord();
    }
  }

  private Record readRecord() throws IOException {
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String problem = null;
    boolean quoted = false;
    boolean afterQuote = false;
    while (true) {
      int c = read();
      if (quoted) {
        if (c == -1) {
          fields.add(field.toString());
          return new Record(start, fields, "a quoted field opened on line " + start + " never closes");
        }
        if (c == '"') {
          int next = read();
          if (next == '"') {
            field.append('"');
          } else {
            unread(next);
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        continue;
      }
      if (c == -1 || c == '\n' || (c == '\r' && peekNewline())) {
        fields.add(field.toString());
        if (c == '\r') {
          read();
        }
        if (c != -1) {
          line++;
        }
        return new Record(start, fields, problem);
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '"' && field.length() == 0 && !afterQuote) {
        quoted = true;
      } else if (afterQuote) {
        if (problem == null) {
          problem = "text follows the closing quote of field " + (fields.size() + 1);
        }
        field.append((char) c);
      } else {
        field.append((char) c);
      }
    }
  }

  private boolean peekNewline() throws IOException {
    int next = read();
    unread(next);
    return next == '\n' || next == -1;
  }

  private void skipLine() throws IOException {
    int c;
    do {
      c = read();
    } while (c != -1 && c != '\n');
    if (c == '\n') {
      line++;
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushedBack = c;
  }
}
