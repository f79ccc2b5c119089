package dev.gatehouse.ingest.zeek;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Zeek JSON line read with Jackson's streaming parser, keeping only the columns this package
 * reads.
 *
 * <p>Keys may be flat and dotted ({@code "id.orig_h"}), use {@code _} as scope separator
 * ({@code "id_orig_h"}) or nest ({@code "id": {"orig_h": ...}}). An object whose only member is
 * an object, such as {@code {"ssh": {...}}} from Zeek's Kafka writer, is an envelope. Its member
 * contains the row and its key names the log.
 */
final class JsonRow extends Row {

  private static final byte ABSENT = 0;
  private static final byte NULL = 1;
  private static final byte STRING = 2;
  private static final byte NUMBER = 3;
  private static final byte TRUE = 4;
  private static final byte FALSE = 5;
  private static final byte STRUCTURED = 6;

  /** The deepest object level read: the root is 0, an envelope 1 and {@code id} inside it 2. */
  private static final int MAX_DEPTH = 2;

  private final String[] rootValues = new String[Column.COUNT];
  private final byte[] rootKinds = new byte[Column.COUNT];
  private final String[] memberValues = new String[Column.COUNT];
  private final byte[] memberKinds = new byte[Column.COUNT];
  private String rootPath;
  private String memberPath;
  /** The items of the {@code answers} array at the root and in an envelope, the only list read. */
  private List<String> rootAnswers;
  private List<String> memberAnswers;
  private List<String> answers;
  private int rootMembers;
  private String lastRootName;
  private boolean lastRootIsObject;

  private String[] values;
  private byte[] kinds;
  private String path;
  private String envelope;

  /**
   * Reads one JSON object from {@code parser}, which must be positioned before its first token.
   *
   * @return false when the input does not start with an object or has text after it
   * @throws IOException if the JSON is invalid
   */
  boolean parse(JsonParser parser) throws IOException {
    Arrays.fill(rootValues, null);
    Arrays.fill(rootKinds, ABSENT);
    Arrays.fill(memberValues, null);
    Arrays.fill(memberKinds, ABSENT);
    rootPath = null;
    memberPath = null;
    rootAnswers = null;
    memberAnswers = null;
    rootMembers = 0;
    lastRootName = null;
    lastRootIsObject = false;

    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    readObject(parser, null, null, 0);
    if (parser.nextToken() != null) {
      return false;
    }

    boolean enveloped = rootMembers == 1 && lastRootIsObject;
    values = enveloped ? memberValues : rootValues;
    kinds = enveloped ? memberKinds : rootKinds;
    path = enveloped ? memberPath : rootPath;
    answers = enveloped ? memberAnswers : rootAnswers;
    envelope = enveloped ? lastRootName : null;
    return true;
  }

  /**
   * Reads the members of an object up to its end.
   *
   * @param prefix the dotted key of the object, or {@code null} for the root
   * @param memberPrefix the dotted key relative to the root's member, or {@code null} for the root
   *     and for a root member itself
   */
  private void readObject(JsonParser parser, String prefix, String memberPrefix, int depth)
      throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      String key = prefix == null ? name : prefix + "." + name;
      String memberKey = null;
      if (depth > 0) {
        memberKey = memberPrefix == null ? name : memberPrefix + "." + name;
      }
      if (depth == 0) {
        rootMembers++;
        lastRootName = name;
        lastRootIsObject = token == JsonToken.START_OBJECT;
      }
      if (token == JsonToken.START_OBJECT) {
        if (depth < MAX_DEPTH) {
          readObject(parser, key, memberKey, depth + 1);
        } else {
          parser.skipChildren();
        }
        continue;
      }
      byte kind = kindOf(token);
      String text = null;
      if (kind == STRUCTURED) {
        text = "[...]";
        if (token == JsonToken.START_ARRAY && isAnswers(key, memberKey)) {
          List<String> items = readItems(parser);
          if (Column.byName(key) == Column.ANSWERS) {
            rootAnswers = items;
          }
          if (memberKey != null && Column.byName(memberKey) == Column.ANSWERS) {
            memberAnswers = items;
          }
        } else {
          parser.skipChildren();
        }
      } else if (kind != NULL) {
        text = parser.getText();
      }
      store(key, memberKey, kind, text);
    }
  }

  private static boolean isAnswers(String key, String memberKey) {
    return Column.byName(key) == Column.ANSWERS
        || (memberKey != null && Column.byName(memberKey) == Column.ANSWERS);
  }

  /** Reads the scalar items of an array up to its end; nested values are skipped. */
  private static List<String> readItems(JsonParser parser) throws IOException {
    List<String> items = new ArrayList<>();
    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
      if (item == JsonToken.START_ARRAY || item == JsonToken.START_OBJECT) {
        parser.skipChildren();
      } else if (item != JsonToken.VALUE_NULL) {
        items.add(parser.getText());
      }
    }
    return items;
  }

  private static byte kindOf(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> STRING;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NUMBER;
      case VALUE_TRUE -> TRUE;
      case VALUE_FALSE -> FALSE;
      case VALUE_NULL -> NULL;
      default -> STRUCTURED;
    };
  }

  private void store(String key, String memberKey, byte kind, String text) {
    Column column = Column.byName(key);
    if (column != null) {
      rootValues[column.ordinal()] = text;
      rootKinds[column.ordinal()] = kind;
    } else if (key.equals("_path") && kind == STRING) {
      rootPath = text;
    }
    if (memberKey == null) {
      return;
    }
    Column member = Column.byName(memberKey);
    if (member != null) {
      memberValues[member.ordinal()] = text;
      memberKinds[member.ordinal()] = kind;
    } else if (memberKey.equals("_path") && kind == STRING) {
      memberPath = text;
    }
  }

  /** Returns the {@code _path} value, or {@code null}. */
  String path() {
    return path;
  }

  /** Returns the key of the envelope around the row, such as {@code ssh}, or {@code null}. */
  String envelope() {
    return envelope;
  }

  @Override
  State state(Column column) {
    byte kind = kinds[column.ordinal()];
    if (kind == ABSENT) {
      return State.ABSENT;
    }
    return kind == NULL ? State.UNSET : State.PRESENT;
  }

  @Override
  CharSequence raw(Column column) {
    return values[column.ordinal()];
  }

  @Override
  String text(Column column) {
    return values[column.ordinal()];
  }

  @Override
  List<String> items(Column column) {
    byte kind = kinds[column.ordinal()];
    if (kind == ABSENT || kind == NULL) {
      return null;
    }
    if (column == Column.ANSWERS && kind == STRUCTURED && answers != null) {
      return answers;
    }
    return kind == STRUCTURED ? List.of() : List.of(values[column.ordinal()]);
  }

  @Override
  Boolean bool(Column column) {
    byte kind = kinds[column.ordinal()];
    if (kind == TRUE) {
      return Boolean.TRUE;
    }
    return kind == FALSE ? Boolean.FALSE : null;
  }

  @Override
  String booleanForms() {
    return "true, false or null";
  }
}
