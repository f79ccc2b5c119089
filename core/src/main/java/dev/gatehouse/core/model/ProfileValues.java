package dev.gatehouse.core.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns the values of the seven SSH profile fields (client, server, host key, host key
 * algorithm, key exchange, cipher, MAC), so that a session waiting for its conn.log row keeps
 * seven {@code int}s instead of seven strings. Each field has its own table: sensors see few
 * distinct values per field, and the tables grow with the distinct values, which a client can
 * vary at will through its banner.
 *
 * <p>Values arrive as strings or as UTF-8 bytes with a hash ({@link SessionBatch}); the two
 * forms may give different ids for equal values, which only costs a duplicate entry. The id -1
 * stands for an unset value.
 *
 * <p>Not thread-safe.
 */
final class ProfileValues {

  /** The number of profile fields, in the order of {@link SshProfile}'s components. */
  static final int FIELDS = 7;

  private final Field[] fields = new Field[FIELDS];

  ProfileValues() {
    for (int i = 0; i < FIELDS; i++) {
      fields[i] = new Field();
    }
  }

  /** Returns the value of an id of field {@code field}, or {@code null} for -1. */
  String value(int field, int id) {
    return id < 0 ? null : fields[field].values.get(id);
  }

  /** Returns the id of a value of field {@code field}; -1 for {@code null}. */
  int intern(int field, String value) {
    if (value == null) {
      return -1;
    }
    Field table = fields[field];
    Integer id = table.byString.get(value);
    if (id == null) {
      id = table.values.size();
      table.values.add(value);
      table.byString.put(value, id);
    }
    return id;
  }

  /** Returns the id of the UTF-8 value in {@code bytes[from, to)} with hash {@code hash}. */
  int intern(int field, byte[] bytes, int from, int to, int hash) {
    return fields[field].internBytes(bytes, from, to, hash);
  }

  /** Returns the hash that {@link SessionBatch} gives a value in {@code bytes[from, to)}. */
  static int hash(byte[] bytes, int from, int to) {
    int hash = 1;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash;
  }

  /** The values of one field. */
  private static final class Field {
    final List<String> values = new ArrayList<>();
    final Map<String, Integer> byString = new HashMap<>();
    private byte[] pool = new byte[1024];
    private int poolSize;
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private int[] hashes = new int[16];
    /** Open-addressing slots of byte-form values, holding id + 1; 0 is empty. */
    private int[] slots = new int[32];
    private int count;

    int internBytes(byte[] bytes, int from, int to, int hash) {
      int mask = slots.length - 1;
      int length = to - from;
      int i = mix(hash) & mask;
      while (slots[i] != 0) {
        int id = slots[i] - 1;
        if (hashes[id] == hash && lengths[id] == length
            && Arrays.equals(pool, offsets[id], offsets[id] + length, bytes, from, to)) {
          return id;
        }
        i = (i + 1) & mask;
      }
      int id = values.size();
      values.add(new String(bytes, from, length, StandardCharsets.UTF_8));
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
      if (++count * 3 > slots.length * 2) {
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
          int i = mix(hashes[entry - 1]) & mask;
          while (slots[i] != 0) {
            i = (i + 1) & mask;
          }
          slots[i] = entry;
        }
      }
    }

    private static int mix(int hash) {
      int h = hash * 0x9e37_79b9;
      return h ^ (h >>> 16);
    }
  }
}
