package dev.gatehouse.bench.generate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The parameters of a generated data set.
 *
 * @param seed the seed of every random choice: the same spec gives the same files
 * @param sshRows the number of ssh.log rows, or 0 to size by {@code sshBytes}
 * @param sshBytes the size of the ssh.log in Zeek TSV, header included, used when
 *     {@code sshRows} is 0: rows are added until the TSV reaches it
 * @param connRatio conn.log rows per ssh.log row, from 1 to 64, or 0 for no conn.log
 * @param hours the hours the data spans, one rotated file per hour, from 1 to 24
 * @param variants the formats to write
 */
public record DataSetSpec(long seed, long sshRows, long sshBytes, int connRatio, int hours,
    Set<Variant> variants) {

  /**
   * An estimate of the bytes of an ssh.log TSV row, used to spread rows over the hours and to
   * size the pool of login sources when sizing by bytes (1 GB gave 255 with seed 1). Changing
   * it changes the data that a size and seed give.
   */
  static final int AVERAGE_TSV_ROW_BYTES = 258;

  /** Checks the ranges. */
  public DataSetSpec {
    if (sshRows < 0 || sshBytes < 0 || (sshRows == 0 && sshBytes == 0)) {
      throw new IllegalArgumentException("give a positive number of rows or bytes, not rows "
          + sshRows + " and bytes " + sshBytes);
    }
    if (connRatio < 0 || connRatio > 64) {
      throw new IllegalArgumentException("the conn ratio is " + connRatio
          + ", expected 0 (no conn.log) to 64");
    }
    if (hours < 1 || hours > 24) {
      throw new IllegalArgumentException("hours is " + hours + ", expected 1 to 24");
    }
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("no variant to write: give at least one");
    }
    variants = Collections.unmodifiableSet(EnumSet.copyOf(variants));
  }

  /** Returns the ssh.log rows this spec gives, exact when sized by rows, estimated otherwise. */
  long estimatedRows() {
    return sshRows > 0 ? sshRows : Math.max(1, sshBytes / AVERAGE_TSV_ROW_BYTES);
  }

  /** Returns a short text that names the data set, for cache folders and manifests. */
  public String describe() {
    return "seed " + seed + ", " + (sshRows > 0 ? sshRows + " ssh rows" : sshBytes + " ssh bytes")
        + ", conn ratio " + connRatio + ", " + hours + " hours";
  }
}
