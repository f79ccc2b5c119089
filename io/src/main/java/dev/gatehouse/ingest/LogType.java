package dev.gatehouse.ingest;

/** The Zeek log a row belongs to, as far as this project reads it. */
public enum LogType {
  /** Zeek's ssh.log. */
  SSH,
  /** Zeek's conn.log. */
  CONN,
  /** Zeek's dns.log, read for the names of internal hosts. */
  DNS,
  /** Any other log (notice, http, ...), or a log whose type is unknown. */
  OTHER;

  /**
   * Returns the type named by a Zeek path, the value of {@code #path} or {@code _path}: {@code
   * ssh}, {@code conn} and {@code dns} exactly, and {@link #OTHER} for everything else.
   */
  public static LogType fromZeekPath(String path) {
    if ("ssh".equals(path)) {
      return SSH;
    }
    if ("conn".equals(path)) {
      return CONN;
    }
    if ("dns".equals(path)) {
      return DNS;
    }
    return OTHER;
  }

  /**
   * Returns the type named by a file name, from its stem before the first dot or underscore:
   * {@code ssh.log}, {@code ssh.2024-04-19-01-00-00.log.gz}, {@code ssh_20240419.log.gz} and
   * {@code ssh.json} are {@link #SSH}, and {@code open_conn.log} or {@code current_ssh.log} are
   * {@link #OTHER}.
   */
  public static LogType fromFileName(String fileName) {
    int end = 0;
    while (end < fileName.length() && fileName.charAt(end) != '.' && fileName.charAt(end) != '_') {
      end++;
    }
    String stem = fileName.substring(0, end);
    return fromZeekPath(stem);
  }
}
