package dev.gatehouse.ingest.zeek;

import dev.gatehouse.ingest.LogType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The header block of a Zeek TSV log: the separators and markers of its {@code #} lines and the
 * column positions of its {@code #fields} line.
 */
final class TsvHeader {

  private static final byte[] DEFAULT_SEPARATOR = {'\t'};
  private static final byte[] DEFAULT_SET_SEPARATOR = {','};
  private static final byte[] DEFAULT_EMPTY_FIELD = "(empty)".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DEFAULT_UNSET_FIELD = {'-'};

  private byte[] separator = DEFAULT_SEPARATOR;
  private byte[] setSeparator = DEFAULT_SET_SEPARATOR;
  private byte[] emptyField = DEFAULT_EMPTY_FIELD;
  private byte[] unsetField = DEFAULT_UNSET_FIELD;
  private boolean separatorDeclared;
  private String path;

  private String[] fields;
  private final int[] fieldIndex = new int[Column.COUNT];
  private LogType type = LogType.OTHER;
  private boolean typeFromContent;
  private boolean usable;
  private boolean authSuccessMissing;

  TsvHeader() {
    Arrays.fill(fieldIndex, -1);
  }

  /** Copies every field of {@code other} into this header. */
  void copyFrom(TsvHeader other) {
    separator = other.separator;
    setSeparator = other.setSeparator;
    emptyField = other.emptyField;
    unsetField = other.unsetField;
    separatorDeclared = other.separatorDeclared;
    path = other.path;
    fields = other.fields;
    System.arraycopy(other.fieldIndex, 0, fieldIndex, 0, fieldIndex.length);
    type = other.type;
    typeFromContent = other.typeFromContent;
    usable = other.usable;
    authSuccessMissing = other.authSuccessMissing;
  }

  /** Returns whether every field of this header equals that of {@code other}. */
  boolean sameAs(TsvHeader other) {
    return Arrays.equals(separator, other.separator)
        && Arrays.equals(setSeparator, other.setSeparator)
        && Arrays.equals(emptyField, other.emptyField)
        && Arrays.equals(unsetField, other.unsetField)
        && separatorDeclared == other.separatorDeclared
        && Objects.equals(path, other.path)
        && Arrays.equals(fields, other.fields)
        && Arrays.equals(fieldIndex, other.fieldIndex)
        && type == other.type
        && typeFromContent == other.typeFromContent
        && usable == other.usable
        && authSuccessMissing == other.authSuccessMissing;
  }

  /** Starts a new log at a {@code #separator} line, forgetting the previous header. */
  void startLog(byte[] declaredSeparator) {
    separator = declaredSeparator;
    setSeparator = DEFAULT_SET_SEPARATOR;
    emptyField = DEFAULT_EMPTY_FIELD;
    unsetField = DEFAULT_UNSET_FIELD;
    separatorDeclared = true;
    path = null;
    fields = null;
    Arrays.fill(fieldIndex, -1);
  }

  /**
   * Binds the columns of a {@code #fields} line, or of a zeek-cut line of column names, and takes
   * the log type from {@code #path} when the block has one, else from {@code typeFromName}.
   */
  void bind(String[] names, LogType typeFromName) {
    fields = names;
    Arrays.fill(fieldIndex, -1);
    for (int i = 0; i < names.length; i++) {
      Column column = Column.byName(names[i]);
      if (column != null && fieldIndex[column.ordinal()] < 0) {
        fieldIndex[column.ordinal()] = i;
      }
    }
    typeFromContent = path != null;
    type = typeFromContent ? LogType.fromZeekPath(path) : typeFromName;
    usable = true;
    authSuccessMissing = false;
  }

  /** Returns whether a {@code #fields} line or column-name line has bound the columns. */
  boolean bound() {
    return fields != null;
  }

  /** Returns whether {@code column} is one of this block's fields. */
  boolean has(Column column) {
    return fieldIndex[column.ordinal()] >= 0;
  }

  /** Returns the 0-based field position of {@code column}, or -1 when the block lacks it. */
  int fieldIndex(Column column) {
    return fieldIndex[column.ordinal()];
  }

  String[] fields() {
    return fields;
  }

  LogType type() {
    return type;
  }

  /** Returns whether the type came from {@code #path} rather than from the file name. */
  boolean typeFromContent() {
    return typeFromContent;
  }

  /** Returns whether the block has every required column, so that its rows can be read. */
  boolean usable() {
    return usable;
  }

  void markUnusable() {
    usable = false;
  }

  /** Returns whether an ssh block lacks {@code auth_success}, so its rows are read as unset. */
  boolean authSuccessMissing() {
    return authSuccessMissing;
  }

  void markAuthSuccessMissing() {
    authSuccessMissing = true;
  }

  byte[] separator() {
    return separator;
  }

  boolean separatorDeclared() {
    return separatorDeclared;
  }

  /**
   * Returns the separator of set and vector values. No column read here is a set, so nothing is
   * split with it yet.
   */
  byte[] setSeparator() {
    return setSeparator;
  }

  void setSetSeparator(byte[] value) {
    setSeparator = value;
  }

  byte[] emptyField() {
    return emptyField;
  }

  void setEmptyField(byte[] value) {
    emptyField = value;
  }

  byte[] unsetField() {
    return unsetField;
  }

  /** Returns the unset marker as text for messages. */
  String unsetFieldText() {
    return new String(unsetField, StandardCharsets.UTF_8);
  }

  void setUnsetField(byte[] value) {
    unsetField = value;
  }

  void setPath(String value) {
    path = value;
  }
}
