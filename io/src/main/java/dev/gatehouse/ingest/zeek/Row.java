package dev.gatehouse.ingest.zeek;

import java.util.List;

/**
 * One data row, TSV or JSON, as the values of the columns this package reads. {@link
 * RecordDecoder} turns it into a record.
 */
abstract class Row {

  /** The state of one column's value in a row. */
  enum State {
    /** The row's format has no such column: no {@code #fields} entry, or no JSON key. */
    ABSENT,
    /** The sensor left the value unset: the unset marker in TSV, {@code null} in JSON. */
    UNSET,
    /** A value is present, possibly empty. */
    PRESENT
  }

  /** Returns the state of {@code column}'s value. */
  abstract State state(Column column);

  /**
   * Returns the value as written, escapes and all, for parsing numbers and addresses and for
   * quoting in messages. Only for a {@link State#PRESENT} value; the result may be a view that is
   * valid until the next call for the same column.
   */
  abstract CharSequence raw(Column column);

  /**
   * Returns the value as text with escapes decoded, {@code ""} for an empty value, or {@code
   * null} when it is absent or unset.
   */
  abstract String text(Column column);

  /**
   * Returns a present boolean value, or {@code null} when the value is not one of the format's
   * two boolean forms.
   */
  abstract Boolean bool(Column column);

  /**
   * Returns the items of a set or vector value with escapes decoded, an empty list for an empty
   * value, or {@code null} when it is absent or unset.
   */
  abstract List<String> items(Column column);

  /** Returns the accepted forms of a boolean for messages, such as "T, F or the unset marker '-'". */
  abstract String booleanForms();
}
