package dev.gatehouse.ingest.zeek;

import java.util.ArrayList;
import java.util.List;

/** A TSV data row split into fields, with the column positions of its header block. */
final class TsvRow extends Row {

  private final ByteText[] views = new ByteText[Column.COUNT];
  private int[] fieldStarts = new int[64];
  private int[] fieldEnds = new int[64];
  private int fieldCount;
  private byte[] line;
  private TsvHeader header;

  TsvRow() {
    for (int i = 0; i < views.length; i++) {
      views[i] = new ByteText();
    }
  }

  /**
   * Splits {@code line[from, to)} at the header's separator and binds the row to the header.
   *
   * @return the number of fields
   */
  int split(byte[] line, int from, int to, TsvHeader header) {
    this.line = line;
    this.header = header;
    byte[] separator = header.separator();
    int count = 0;
    int fieldStart = from;
    if (separator.length == 1) {
      byte single = separator[0];
      for (int i = from; i < to; i++) {
        if (line[i] == single) {
          count = addField(count, fieldStart, i);
          fieldStart = i + 1;
        }
      }
    } else {
      int i = from;
      while (i <= to - separator.length) {
        if (matches(line, i, separator)) {
          count = addField(count, fieldStart, i);
          i += separator.length;
          fieldStart = i;
        } else {
          i++;
        }
      }
    }
    count = addField(count, fieldStart, to);
    fieldCount = count;
    return count;
  }

  private int addField(int count, int from, int to) {
    if (count == fieldStarts.length) {
      int[] starts = new int[count * 2];
      int[] ends = new int[count * 2];
      System.arraycopy(fieldStarts, 0, starts, 0, count);
      System.arraycopy(fieldEnds, 0, ends, 0, count);
      fieldStarts = starts;
      fieldEnds = ends;
    }
    fieldStarts[count] = from;
    fieldEnds[count] = to;
    return count + 1;
  }

  static boolean matches(byte[] bytes, int at, byte[] expected) {
    for (int k = 0; k < expected.length; k++) {
      if (bytes[at + k] != expected[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalsRange(byte[] bytes, int from, int to, byte[] expected) {
    return to - from == expected.length && matches(bytes, from, expected);
  }

  private int field(Column column) {
    int index = header.fieldIndex(column);
    return index < fieldCount ? index : -1;
  }

  @Override
  State state(Column column) {
    int index = field(column);
    if (index < 0) {
      return State.ABSENT;
    }
    return equalsRange(line, fieldStarts[index], fieldEnds[index], header.unsetField())
        ? State.UNSET
        : State.PRESENT;
  }

  @Override
  CharSequence raw(Column column) {
    int index = field(column);
    return views[column.ordinal()].set(line, fieldStarts[index], fieldEnds[index]);
  }

  @Override
  String text(Column column) {
    int index = field(column);
    if (index < 0) {
      return null;
    }
    int from = fieldStarts[index];
    int to = fieldEnds[index];
    if (equalsRange(line, from, to, header.unsetField())) {
      return null;
    }
    if (equalsRange(line, from, to, header.emptyField())) {
      return "";
    }
    return ZeekText.decode(line, from, to);
  }

  @Override
  List<String> items(Column column) {
    int index = field(column);
    if (index < 0) {
      return null;
    }
    int from = fieldStarts[index];
    int to = fieldEnds[index];
    if (equalsRange(line, from, to, header.unsetField())) {
      return null;
    }
    if (equalsRange(line, from, to, header.emptyField())) {
      return List.of();
    }
    byte[] separator = header.setSeparator();
    List<String> items = new ArrayList<>();
    int start = from;
    int i = from;
    while (separator.length > 0 && i <= to - separator.length) {
      if (matches(line, i, separator)) {
        items.add(ZeekText.decode(line, start, i));
        i += separator.length;
        start = i;
      } else {
        i++;
      }
    }
    items.add(ZeekText.decode(line, start, to));
    return items;
  }

  @Override
  Boolean bool(Column column) {
    int index = field(column);
    if (fieldEnds[index] - fieldStarts[index] != 1) {
      return null;
    }
    byte value = line[fieldStarts[index]];
    if (value == 'T') {
      return Boolean.TRUE;
    }
    return value == 'F' ? Boolean.FALSE : null;
  }

  @Override
  String booleanForms() {
    return "T, F or the unset marker " + ZeekText.quote(header.unsetFieldText());
  }
}
