package dev.gatehouse.ingest.zeek;

import dev.gatehouse.ingest.LogType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the lines of a Zeek TSV log: header lines, which may start again anywhere in the input,
 * and data rows, which are read with the columns of the latest {@code #fields} line.
 *
 * <p>Header lines start with {@code #}, or with the meta prefix that the log's {@code separator}
 * line declares (Zeek's {@code LogAscii::meta_prefix}). Unknown header lines, {@code #open},
 * {@code #close} and {@code #types} are skipped. Output of zeek-cut that starts with a plain line
 * of column names is read with Zeek's default separator and markers.
 */
final class TsvLines {

  static final String NO_HEADER = "no-header";
  static final String SHORT_ROW = "short-row";
  static final String EXTRA_FIELDS = "extra-fields";
  static final String MISSING_COLUMN = "missing-column";
  static final String MISSING_SEPARATOR = "missing-separator";

  private static final byte[] DEFAULT_META_PREFIX = {'#'};
  private static final byte[] SEPARATOR_KEYWORD = "separator ".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_META_PREFIX_LENGTH = 16;
  private static final int MAX_KEYWORD_LENGTH = 16;

  private final SourceRun run;
  private final TsvHeader header = new TsvHeader();
  private final TsvRow row = new TsvRow();
  private byte[] metaPrefix = DEFAULT_META_PREFIX;
  private boolean sawHeaderKeyword;
  private boolean everBound;
  private boolean noHeaderReported;
  private boolean missingSeparatorReported;

  TsvLines(SourceRun run) {
    this.run = run;
  }

  /**
   * The state that reading a line leaves for the next one: the header in force and what was
   * already reported. A source read in parts starts each part from the state its previous part
   * ended in.
   */
  static final class State {
    private final TsvHeader header = new TsvHeader();
    private byte[] metaPrefix;
    private boolean sawHeaderKeyword;
    private boolean everBound;
    private boolean noHeaderReported;
    private boolean missingSeparatorReported;
    private boolean unknownTypeReported;

    /** Returns whether reading from this state and from {@code other} reads every line alike. */
    boolean sameAs(State other) {
      return header.sameAs(other.header)
          && Arrays.equals(metaPrefix, other.metaPrefix)
          && sawHeaderKeyword == other.sawHeaderKeyword
          && everBound == other.everBound
          && noHeaderReported == other.noHeaderReported
          && missingSeparatorReported == other.missingSeparatorReported
          && unknownTypeReported == other.unknownTypeReported;
    }
  }

  /** Returns a copy of the current state. */
  State state() {
    State state = new State();
    state.header.copyFrom(header);
    state.metaPrefix = metaPrefix;
    state.sawHeaderKeyword = sawHeaderKeyword;
    state.everBound = everBound;
    state.noHeaderReported = noHeaderReported;
    state.missingSeparatorReported = missingSeparatorReported;
    state.unknownTypeReported = run.unknownTypeReported();
    return state;
  }

  /** Continues from {@code state}, as if the lines that led to it had been read. */
  void restore(State state) {
    header.copyFrom(state.header);
    metaPrefix = state.metaPrefix;
    sawHeaderKeyword = state.sawHeaderKeyword;
    everBound = state.everBound;
    noHeaderReported = state.noHeaderReported;
    missingSeparatorReported = state.missingSeparatorReported;
    run.setUnknownTypeReported(state.unknownTypeReported);
  }

  /**
   * Returns the one-byte separator of the header in force when the rows under it can go to
   * {@link TsvFastPath}, else 0.
   */
  byte fastSeparator() {
    if (!header.bound() || !header.usable()) {
      return 0;
    }
    LogType type = header.type();
    return type == LogType.SSH || type == LogType.CONN ? TsvFastPath.separatorOf(header) : 0;
  }

  /** Returns the number of fields of the bound header block, or 0. */
  int fieldCount() {
    return header.bound() ? header.fields().length : 0;
  }

  /**
   * Returns the header in force when {@code line[from, to)} is a data row of an ssh or conn
   * log whose header block is usable, so that a fast path may read it; else {@code null}, and
   * the line goes to {@link #accept}.
   */
  TsvHeader dataRowHeader(byte[] line, int from, int to) {
    if (line[from] == '#' || !header.bound() || !header.usable()) {
      return null;
    }
    if (metaPrefix != DEFAULT_META_PREFIX && startsWith(line, from, to, metaPrefix)) {
      return null;
    }
    LogType type = header.type();
    return type == LogType.SSH || type == LogType.CONN ? header : null;
  }

  /**
   * Reads one non-blank line.
   *
   * @param lastLineCut whether this is the last line and it ends without a newline
   * @return false when the line is a JSON object before any TSV header, so that the caller reads
   *     the input as JSON lines from this line on
   */
  boolean accept(byte[] line, int from, int to, long number, boolean lastLineCut) {
    if (line[from] == '#') {
      readHeaderLine(line, from + 1, to, number);
      return true;
    }
    if (metaPrefix != DEFAULT_META_PREFIX && startsWith(line, from, to, metaPrefix)) {
      readHeaderLine(line, from + metaPrefix.length, to, number);
      return true;
    }
    if (!header.bound()) {
      return acceptBeforeHeader(line, from, to, number);
    }
    readRow(line, from, to, number, lastLineCut);
    return true;
  }

  private boolean acceptBeforeHeader(byte[] line, int from, int to, long number) {
    if (!sawHeaderKeyword && !everBound && !noHeaderReported) {
      if (line[firstNonWhitespace(line, from, to)] == '{') {
        return false;
      }
      int prefixLength = declaredMetaPrefixLength(line, from, to);
      if (prefixLength > 0) {
        metaPrefix = copy(line, from, from + prefixLength);
        readHeaderLine(line, from + prefixLength, to, number);
        return true;
      }
      String[] names = columnNames(line, from, to);
      if (names != null) {
        header.bind(names, run.typeFromName);
        everBound = true;
        checkColumns(number, "the column-name line");
        return true;
      }
    }
    if (!noHeaderReported) {
      noHeaderReported = true;
      String problem = sawHeaderKeyword
          ? "a data row comes before the #fields line"
          : "the input is neither a Zeek TSV log nor Zeek JSON lines";
      run.diagnostics.error(run.source, number, NO_HEADER,
          problem + ": expected a '#separator' header line, one JSON object per line, or a zeek-cut"
              + " line of tab-separated column names such as 'ts uid id.orig_h'; the line starts with "
              + ZeekText.quote(new ByteText().set(line, from, to))
              + ". Rows are skipped until a header appears");
    }
    run.countSkipped();
    return true;
  }

  private void readRow(byte[] line, int from, int to, long number, boolean lastLineCut) {
    LogType type = header.type();
    if (type == LogType.OTHER) {
      run.countOther();
      return;
    }
    if (!header.usable()) {
      run.countSkipped();
      return;
    }
    int count = row.split(line, from, to, header);
    int expected = header.fields().length;
    if (count < expected) {
      if (lastLineCut) {
        run.lastLineCut(number, "the last line has " + count + " of the " + expected
            + " fields in #fields and no newline");
      } else {
        run.diagnostics.error(run.source, number, SHORT_ROW,
            "the row has " + count + " fields but #fields lists " + expected
                + "; the row may be cut short, or its separator differs from the header's");
        run.countSkipped();
      }
      return;
    }
    if (count > expected) {
      run.diagnostics.warning(run.source, number, EXTRA_FIELDS,
          "the row has " + count + " fields but #fields lists " + expected
              + "; the fields after the last named column are ignored");
    }
    run.emit(type, row, number, header.authSuccessMissing());
  }

  /** Reads a header line, {@code from} being just after its meta prefix. */
  private void readHeaderLine(byte[] line, int from, int to, long number) {
    if (startsWith(line, from, to, SEPARATOR_KEYWORD)) {
      byte[] separator = ZeekText.unescape(line, from + SEPARATOR_KEYWORD.length, to);
      if (separator.length > 0) {
        header.startLog(separator);
        sawHeaderKeyword = true;
      }
      return;
    }
    byte[] separator = header.separator();
    int keywordEnd = indexOf(line, from, to, separator);
    if (keywordEnd < 0 || keywordEnd - from > MAX_KEYWORD_LENGTH) {
      return;
    }
    String keyword = new String(line, from, keywordEnd - from, StandardCharsets.US_ASCII);
    int valueStart = keywordEnd + separator.length;
    switch (keyword) {
      case "set_separator" -> header.setSetSeparator(ZeekText.unescape(line, valueStart, to));
      case "empty_field" -> header.setEmptyField(ZeekText.unescape(line, valueStart, to));
      case "unset_field" -> header.setUnsetField(ZeekText.unescape(line, valueStart, to));
      case "path" -> header.setPath(ZeekText.decode(line, valueStart, to));
      case "fields" -> bindFields(split(line, valueStart, to, separator), number);
      case "types", "open", "close" -> { }
      default -> {
        return;
      }
    }
    sawHeaderKeyword = true;
  }

  private void bindFields(String[] names, long number) {
    if (!header.separatorDeclared() && !missingSeparatorReported) {
      missingSeparatorReported = true;
      run.diagnostics.warning(run.source, number, MISSING_SEPARATOR,
          "the header has no #separator line before #fields, so it is read with Zeek's default"
              + " separator, a tab");
    }
    header.bind(names, run.typeFromName);
    everBound = true;
    checkColumns(number, "the #fields line");
  }

  /** Reports missing columns of a newly bound block and marks what its rows can be read for. */
  private void checkColumns(long number, String where) {
    LogType type = header.type();
    if (type == LogType.OTHER) {
      if (!header.typeFromContent()) {
        run.reportUnknownType(number);
      }
      return;
    }
    if (type == LogType.DNS) {
      // dns.log rows are read for names only and need none of the endpoint columns.
      return;
    }
    String log = type == LogType.SSH ? "ssh" : "conn";
    List<String> missing = new ArrayList<>();
    for (Column column : Column.REQUIRED) {
      if (!header.has(column)) {
        missing.add(column.zeekName);
      }
    }
    if (!missing.isEmpty()) {
      header.markUnusable();
      run.diagnostics.error(run.source, number, MISSING_COLUMN,
          where + " of this " + log + " log has no " + ZeekText.joinNames(missing)
              + (missing.size() == 1 ? " column" : " columns")
              + ", so the rows below it are skipped; it lists " + String.join(", ", header.fields()));
      return;
    }
    if (type == LogType.SSH && !header.has(Column.AUTH_SUCCESS)) {
      header.markAuthSuccessMissing();
      run.diagnostics.warning(run.source, number, MISSING_COLUMN,
          where + " of this ssh log has no auth_success column, so the rows below it are read"
              + " with auth_success unset; it lists " + String.join(", ", header.fields()));
    }
  }

  /**
   * Returns the column names of a zeek-cut header line, or {@code null} unless the line is
   * tab-separated, unique identifiers that include {@code ts} or {@code uid}.
   */
  private static String[] columnNames(byte[] line, int from, int to) {
    String[] names = split(line, from, to, new byte[] {'\t'});
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!isIdentifier(name) || !seen.add(name)) {
        return null;
      }
    }
    return seen.contains("ts") || seen.contains("uid") ? names : null;
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    char first = name.charAt(0);
    if (!(Character.isLetter(first) && first < 0x80) && first != '_') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed = c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '.');
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the length of the meta prefix declared by a line such as {@code PREFIX<>separator |},
   * or 0 when the line is no such declaration.
   */
  private static int declaredMetaPrefixLength(byte[] line, int from, int to) {
    int at = indexOf(line, from, Math.min(to, from + MAX_META_PREFIX_LENGTH + SEPARATOR_KEYWORD.length),
        SEPARATOR_KEYWORD);
    if (at <= from || at + SEPARATOR_KEYWORD.length >= to) {
      return 0;
    }
    for (int i = from; i < at; i++) {
      if (line[i] <= ' ') {
        return 0;
      }
    }
    return at - from;
  }

  private static String[] split(byte[] line, int from, int to, byte[] separator) {
    List<String> parts = new ArrayList<>();
    int start = from;
    int i = from;
    while (i <= to - separator.length) {
      if (TsvRow.matches(line, i, separator)) {
        parts.add(ZeekText.decode(line, start, i));
        i += separator.length;
        start = i;
      } else {
        i++;
      }
    }
    parts.add(ZeekText.decode(line, start, to));
    return parts.toArray(new String[0]);
  }

  private static int indexOf(byte[] line, int from, int to, byte[] target) {
    for (int i = from; i <= to - target.length; i++) {
      if (TsvRow.matches(line, i, target)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] line, int from, int to, byte[] prefix) {
    return to - from >= prefix.length && TsvRow.matches(line, from, prefix);
  }

  private static int firstNonWhitespace(byte[] line, int from, int to) {
    int i = from;
    while (i < to - 1 && (line[i] == ' ' || line[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static byte[] copy(byte[] line, int from, int to) {
    byte[] bytes = new byte[to - from];
    System.arraycopy(line, from, bytes, 0, bytes.length);
    return bytes;
  }
}
