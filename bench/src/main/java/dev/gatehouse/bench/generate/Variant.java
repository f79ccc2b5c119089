package dev.gatehouse.bench.generate;

import java.util.Locale;

/** A way to write the generated logs: format, compression and rotation. */
public enum Variant {
  /** Zeek TSV, one plain ssh.log and one conn.log. */
  TSV(false, false, false),
  /** Zeek JSON lines, one plain ssh.log and one conn.log. */
  JSON(true, false, false),
  /** Zeek TSV, ssh.log.gz and conn.log.gz. */
  TSV_GZ(false, true, false),
  /** Zeek JSON lines, ssh.log.gz and conn.log.gz. */
  JSON_GZ(true, true, false),
  /** Zeek TSV in hourly gzip files named like ssh.01:00:00-02:00:00.log.gz. */
  TSV_ROTATED(false, true, true),
  /** Zeek JSON lines in hourly gzip files. */
  JSON_ROTATED(true, true, true);

  private final boolean json;
  private final boolean gzip;
  private final boolean rotated;

  Variant(boolean json, boolean gzip, boolean rotated) {
    this.json = json;
    this.gzip = gzip;
    this.rotated = rotated;
  }

  public boolean json() {
    return json;
  }

  public boolean gzip() {
    return gzip;
  }

  public boolean rotated() {
    return rotated;
  }

  /** Returns the name of the variant's folder and of its command-line value, such as tsv-gz. */
  public String folderName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Returns the variant named {@code text} ({@code tsv-gz} or {@code TSV_GZ}). */
  public static Variant parse(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Variant variant : values()) {
      if (variant.name().equals(name)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a variant: expected tsv, json, "
        + "tsv-gz, json-gz, tsv-rotated or json-rotated");
  }

  /** Returns the file name of {@code log} (ssh or conn) for rotation hour {@code hour}. */
  String fileName(String log, int hour) {
    if (rotated) {
      return String.format(Locale.ROOT, "%s.%02d:00:00-%02d:00:00.log.gz", log, hour, (hour + 1) % 24);
    }
    return log + (gzip ? ".log.gz" : ".log");
  }
}
