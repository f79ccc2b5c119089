package dev.gatehouse.enrich;

import dev.gatehouse.core.assess.ThreatIndicator;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.site.SiteAssessment.ListFormat;
import dev.gatehouse.site.SiteAssessment.ThreatListFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one threat list into {@link ThreatIndicator}s.
 *
 * <p>Text lists hold one IPv4 or IPv6 address or CIDR per line. {@code #} starts a comment
 * anywhere on a line, and text after the entry that starts with {@code ;} is a comment too, as
 * in {@code 192.0.2.0/24 ; SBL123}. CSV lists have a header line; the column that the site file
 * names contains the entry and the other columns are ignored.
 *
 * <p>A malformed line is a warning with its line number and is skipped; the rest of the list is
 * used. A file that cannot be read, or a CSV file without the named column, is an error.
 */
final class ThreatListReader {

  private final ThreatListFile list;
  private final String fileName;
  private final List<FileProblem> problems;
  private final List<ThreatIndicator> indicators = new ArrayList<>();
  private boolean unusable;

  private ThreatListReader(ThreatListFile list, List<FileProblem> problems) {
    this.list = list;
    this.fileName = list.file().toString();
    this.problems = problems;
  }

  /** Returns the entries of {@code list}, adding its problems to {@code problems}. */
  static List<ThreatIndicator> read(ThreatListFile list, List<FileProblem> problems) {
    ThreatListReader reader = new ThreatListReader(list, problems);
    try (Reader in = TextFiles.open(list.file())) {
      if (list.format() == ListFormat.CSV) {
        reader.readCsv(new CsvReader(in));
      } else {
        reader.readText(new BufferedReader(in));
      }
    } catch (IOException e) {
      problems.add(new FileProblem(reader.fileName, 0, FileProblem.ERROR, "the threat list '" + list.name()
          + "' cannot be read: " + TextFiles.describe(list.file(), e)));
      return List.of();
    }
    if (reader.indicators.isEmpty() && !reader.unusable) {
      problems.add(new FileProblem(reader.fileName, 0, FileProblem.WARNING, "the threat list '" + list.name()
          + "' has no valid entry, so it matches nothing"));
    }
    return reader.indicators;
  }

  private void readText(BufferedReader in) throws IOException {
    long number = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      number++;
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      int space = firstWhitespace(content);
      String entry = space < 0 ? content : content.substring(0, space);
      String rest = space < 0 ? "" : content.substring(space).strip();
      if (!rest.isEmpty() && !rest.startsWith(";")) {
        warning(number, "'" + printable(content) + "' contains more than one entry; write one address or"
            + " CIDR per line, with comments after '#' or ';'. The line is skipped");
        continue;
      }
      add(entry, number);
    }
  }

  private void readCsv(CsvReader in) throws IOException {
    CsvReader.Record header = in.next();
    if (header == null) {
      return;
    }
    int column = -1;
    for (int i = 0; i < header.fields().size(); i++) {
      if (header.fields().get(i).strip().equalsIgnoreCase(list.column())) {
        column = i;
        break;
      }
    }
    if (column < 0) {
      problems.add(new FileProblem(fileName, header.line(), FileProblem.ERROR, "the header has no column '"
          + list.column() + "' for the threat list '" + list.name() + "'; it lists "
          + String.join(", ", header.fields().stream().map(f -> "'" + printable(f.strip()) + "'").toList())
          + ". Set 'column' in the site file to the header name of the address column"));
      unusable = true;
      return;
    }
    for (CsvReader.Record record = in.next(); record != null; record = in.next()) {
      if (record.problem() != null) {
        warning(record.line(), "the row is not valid CSV: " + record.problem() + "; the row is skipped");
      } else if (record.fields().size() <= column) {
        warning(record.line(), "the row has " + record.fields().size() + " fields and no column '"
            + list.column() + "' (field " + (column + 1) + "); the row is skipped");
      } else {
        add(record.fields().get(column).strip(), record.line());
      }
    }
  }

  private void add(String entry, long line) {
    if (entry.isEmpty()) {
      warning(line, "the entry is empty; the row is skipped");
      return;
    }
    try {
      Cidr cidr = Cidr.parse(entry);
      indicators.add(new ThreatIndicator(list.name(), list.severity(), cidr, fileName + ":" + line));
    } catch (IllegalArgumentException e) {
      warning(line, printable(e.getMessage(), 400) + "; the line is skipped");
    }
  }

  private void warning(long line, String message) {
    problems.add(new FileProblem(fileName, line, FileProblem.WARNING, message));
  }

  private static int firstWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Returns {@code text} with control characters as {@code \\uXXXX}, cut to 80 characters. */
  static String printable(String text) {
    return printable(text, 80);
  }

  /** Returns {@code text} with control characters as {@code \\uXXXX}, cut to {@code max} characters. */
  static String printable(String text, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() >= max && text.length() > out.length() ? out + "..." : out.toString();
  }
}
