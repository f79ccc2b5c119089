package dev.gatehouse.core.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns the seven SSH profile values of a session (client, server, host key, host key
 * algorithm, key exchange, cipher, MAC) as one id, so that a session waiting for its conn.log
 * row costs an {@code int} instead of seven strings. Sensors see few distinct combinations;
 * the table grows with the distinct combinations, which a client can vary at will through its
 * banner.
 *
 * <p>Values arrive either as strings or in the byte encoding of {@link SessionBatch}: per field
 * a byte 0 for an unset value, or 1, the UTF-8 length as a varint and the UTF-8 bytes. The two
 * forms get different ids for equal values, which only costs a duplicate entry.
 *
 * <p>Not thread-safe.
 */
final class ProfileTuples {

  /** The number of profile fields, in the order of {@link SshProfile}'s components. */
  static final int FIELDS = 7;

  private final List<String[]> values = new ArrayList<>();
  private final Map<List<String>, Integer> byStrings = new HashMap<>();

  private byte[] pool = new byte[4096];
  private int poolSize;
  private int[] offsets = new int[64];
  private int[] lengths = new int[64];
  private int[] hashes = new int[64];
  /** Open-addressing slots holding id + 1 of byte-encoded entries; 0 is empty. */
  private int[] slots = new int[64];
  private int encodedCount;

  /** Returns the values of an id. The array must not be changed. */
  String[] values(int id) {
    return values.get(id);
  }

  /** Returns the id of seven string values, any of which may be {@code null}. */
  int intern(String[] fields) {
    List<String> key = Arrays.asList(fields.clone());
    Integer id = byStrings.get(key);
    if (id == null) {
      id = values.size();
      values.add(fields.clone());
      byStrings.put(key, id);
    }
    return id;
  }

  /** Returns the id of the byte-encoded values in {@code bytes[from, to)} with hash {@code hash}. */
  int internEncoded(byte[] bytes, int from, int to, int hash) {
    int mask = slots.length - 1;
    int length = to - from;
    int i = hash & mask;
    while (slots[i] != 0) {
      int id = slots[i] - 1;
      if (hashes[id] == hash && lengths[id] == length
          && Arrays.equals(pool, offsets[id], offsets[id] + length, bytes, from, to)) {
        return id;
      }
      i = (i + 1) & mask;
    }
    int id = values.size();
    values.add(decode(bytes, from, to));
    if (id >= offsets.length) {
      offsets = Arrays.copyOf(offsets, id * 2);
      lengths = Arrays.copyOf(lengths, id * 2);
      hashes = Arrays.copyOf(hashes, id * 2);
    }
    if (poolSize + length > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
    }
    System.arraycopy(bytes, from, pool, poolSize, length);
    offsets[id] = poolSize;
    lengths[id] = length;
    hashes[id] = hash;
    poolSize += length;
    slots[i] = id + 1;
    if (++encodedCount * 3 > slots.length * 2) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length - 1;
    for (int entry : old) {
      if (entry != 0) {
        int i = hashes[entry - 1] & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = entry;
      }
    }
  }

  private static String[] decode(byte[] bytes, int from, int to) {
    String[] fields = new String[FIELDS];
    int at = from;
    for (int field = 0; field < FIELDS && at < to; field++) {
      if (bytes[at++] == 0) {
        continue;
      }
      int length = 0;
      int shift = 0;
      byte b;
      do {
        b = bytes[at++];
        length |= (b & 0x7f) << shift;
        shift += 7;
      } while (b < 0);
      fields[field] = new String(bytes, at, length, StandardCharsets.UTF_8);
      at += length;
    }
    return fields;
  }
}
