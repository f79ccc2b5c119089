package dev.gatehouse.bench.harness;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The programs the peers run: DuckDB SQL, an awk program and a jq filter. Each prints one line
 * per external source, internal destination and port that has a confirmed or likely session,
 * with the sessions by certainty, which are the pairs gatehouse reports with its defaults.
 */
final class PeerQueries {

  /**
   * Text prefixes of gatehouse's default internal networks: 10.0.0.0/8, 192.168.0.0/16,
   * 127.0.0.0/8, 169.254.0.0/16, 172.16.0.0/12, 100.64.0.0/10, fc00::/7, fe80::/10 and ::1.
   * A prefix test equals the CIDR test on dotted-quad IPv4 without leading zeros and on RFC 5952
   * IPv6, whose first group of an fc00::/7 or fe80::/10 address always has four digits.
   */
  static final String INTERNAL_REGEX = "^(10\\.|192\\.168\\.|127\\.|169\\.254\\."
      + "|172\\.(1[6-9]|2[0-9]|3[01])\\.|100\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\."
      + "|f[cd][0-9a-f][0-9a-f]:|fe[89ab][0-9a-f]:|::1$)";

  /** Text prefixes of the unroutable ranges: 0.0.0.0/8, 224.0.0.0/3 (with 255.255.255.255), :: and ff00::/8. */
  static final String UNROUTABLE_REGEX = "^(0\\.|22[4-9]\\.|2[3-5][0-9]\\.|ff[0-9a-f][0-9a-f]:|::$)";

  /** The conn_state values of an established TCP session. */
  private static final String ESTABLISHED = "'SF','S1','S2','S3','RSTO','RSTR'";

  private PeerQueries() {}

  static List<String> duckDbMacros() {
    return List.of(
        "CREATE MACRO is_internal(a) AS regexp_matches(a, '" + INTERNAL_REGEX + "')",
        "CREATE MACRO is_unroutable(a) AS regexp_matches(a, '" + UNROUTABLE_REGEX + "')");
  }

  /** Returns the DuckDB query over ssh.log files and, when {@code conn} is not empty, conn.log files. */
  static String duckDbQuery(boolean json, List<String> ssh, List<String> conn) {
    String sshSource = json ? jsonSource(ssh) : tsvSource(ssh, SSH_COLUMNS);
    String authSuccess = json ? "auth_success" : "auth_success = 'T'";
    String authFailure = json ? "NOT auth_success" : "auth_success = 'F'";
    StringBuilder sql = new StringBuilder();
    sql.append("WITH ssh AS (SELECT uid, \"id.orig_h\" AS s, \"id.resp_h\" AS d, \"id.resp_p\" AS p, ")
        .append("CASE WHEN ").append(authSuccess).append(" THEN 'T' WHEN ").append(authFailure)
        .append(" THEN 'F' END AS a FROM ").append(sshSource)
        .append(" WHERE NOT is_internal(\"id.orig_h\") AND NOT is_unroutable(\"id.orig_h\")")
        .append(" AND is_internal(\"id.resp_h\") AND NOT is_unroutable(\"id.resp_h\"))");
    if (conn.isEmpty()) {
      sql.append(", graded AS (SELECT s, d, p, a, false AS likely FROM ssh)");
    } else {
      sql.append(", conn AS (SELECT uid, conn_state, duration, orig_bytes, resp_bytes FROM ")
          .append(tsvSource(conn, CONN_COLUMNS)).append(")")
          .append(", graded AS (SELECT s, d, p, a, coalesce(a IS NULL AND conn_state IN (")
          .append(ESTABLISHED).append(") AND duration >= 10 AND orig_bytes >= 4000")
          .append(" AND resp_bytes >= 4000, false) AS likely FROM ssh LEFT JOIN conn USING (uid))");
    }
    sql.append(" SELECT s, d, p, count(*) FILTER (WHERE a = 'T') AS c,")
        .append(" count(*) FILTER (WHERE likely) AS l,")
        .append(" count(*) FILTER (WHERE a IS NULL AND NOT likely) AS u,")
        .append(" count(*) FILTER (WHERE a = 'F') AS f")
        .append(" FROM graded GROUP BY s, d, p HAVING c + l > 0");
    return sql.toString();
  }

  private static final String SSH_COLUMNS = "{'ts': 'VARCHAR', 'uid': 'VARCHAR', 'id.orig_h': 'VARCHAR',"
      + " 'id.orig_p': 'INTEGER', 'id.resp_h': 'VARCHAR', 'id.resp_p': 'INTEGER', 'version': 'VARCHAR',"
      + " 'auth_success': 'VARCHAR', 'auth_attempts': 'VARCHAR', 'direction': 'VARCHAR',"
      + " 'client': 'VARCHAR', 'server': 'VARCHAR', 'cipher_alg': 'VARCHAR', 'mac_alg': 'VARCHAR',"
      + " 'compression_alg': 'VARCHAR', 'kex_alg': 'VARCHAR', 'host_key_alg': 'VARCHAR',"
      + " 'host_key': 'VARCHAR'}";

  private static final String CONN_COLUMNS = "{'ts': 'VARCHAR', 'uid': 'VARCHAR', 'id.orig_h': 'VARCHAR',"
      + " 'id.orig_p': 'INTEGER', 'id.resp_h': 'VARCHAR', 'id.resp_p': 'INTEGER', 'proto': 'VARCHAR',"
      + " 'service': 'VARCHAR', 'duration': 'DOUBLE', 'orig_bytes': 'BIGINT', 'resp_bytes': 'BIGINT',"
      + " 'conn_state': 'VARCHAR', 'local_orig': 'VARCHAR', 'local_resp': 'VARCHAR',"
      + " 'missed_bytes': 'BIGINT', 'history': 'VARCHAR', 'orig_pkts': 'BIGINT',"
      + " 'orig_ip_bytes': 'BIGINT', 'resp_pkts': 'BIGINT', 'resp_ip_bytes': 'BIGINT',"
      + " 'tunnel_parents': 'VARCHAR'}";

  /**
   * Zeek TSV: tab-separated, '#' lines skipped, '-' unset, no quoting. The columns are fixed
   * as the generator writes them, which is Zeek 6's default order.
   */
  private static String tsvSource(List<String> files, String columns) {
    return "read_csv(" + fileList(files) + ", delim = '\\t', header = false, comment = '#',"
        + " quote = '', escape = '', nullstr = '-', auto_detect = false, columns = " + columns + ")";
  }

  private static String jsonSource(List<String> files) {
    return "read_json(" + fileList(files) + ", format = 'newline_delimited', columns = {"
        + "'uid': 'VARCHAR', 'id.orig_h': 'VARCHAR', 'id.resp_h': 'VARCHAR',"
        + " 'id.resp_p': 'INTEGER', 'auth_success': 'BOOLEAN'})";
  }

  private static String fileList(List<String> files) {
    return files.stream().map(f -> "'" + f.replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Returns the awk program. It reads ssh.log and then conn.log rows in Zeek TSV from one
   * stream or several files, finds its columns from each #fields line and takes the log type
   * from each #path line.
   */
  static String awkProgram() {
    return String.join("\n",
        "BEGIN { FS = \"\\t\"; OFS = \"\\t\" }",
        "/^#/ {",
        "  if ($1 == \"#path\") path = $2",
        "  if ($1 == \"#fields\") {",
        "    for (i = 2; i <= NF; i++) col[$i] = i - 1",
        "    UID = col[\"uid\"]; SRC = col[\"id.orig_h\"]; DST = col[\"id.resp_h\"]; PORT = col[\"id.resp_p\"]",
        "    AUTH = col[\"auth_success\"]; STATE = col[\"conn_state\"]; DUR = col[\"duration\"]",
        "    OB = col[\"orig_bytes\"]; RB = col[\"resp_bytes\"]",
        "  }",
        "  next",
        "}",
        "path == \"ssh\" {",
        "  s = $SRC; d = $DST",
        "  if (s ~ /" + INTERNAL_REGEX + "/ || s ~ /" + UNROUTABLE_REGEX + "/) next",
        "  if (d !~ /" + INTERNAL_REGEX + "/ || d ~ /" + UNROUTABLE_REGEX + "/) next",
        "  k = s OFS d OFS $PORT; a = $AUTH",
        "  if (a == \"T\") c[k]++",
        "  else if (a == \"F\") f[k]++",
        "  else { u[k]++; pending[$UID] = k }",
        "  next",
        "}",
        "path == \"conn\" && ($UID in pending) {",
        "  k = pending[$UID]; delete pending[$UID]",
        "  if ($STATE ~ /^(SF|S1|S2|S3|RSTO|RSTR)$/ && $DUR != \"-\" && $DUR + 0 >= 10"
            + " && $OB != \"-\" && $OB + 0 >= 4000 && $RB != \"-\" && $RB + 0 >= 4000) { l[k]++; u[k]-- }",
        "}",
        "END {",
        "  for (k in c) seen[k] = 1",
        "  for (k in l) seen[k] = 1",
        "  for (k in seen) if (c[k] + l[k] > 0) print k, c[k] + 0, l[k] + 0, u[k] + 0, f[k] + 0",
        "}",
        "");
  }

  /**
   * Returns the jq filter over Zeek JSON lines of ssh.log: it keeps external-to-internal rows
   * and prints source, destination, port and T, F or - for auth_success, tab-separated, for
   * {@link #countingAwkProgram()} to count. Addresses are tested with string functions that
   * equal {@link #INTERNAL_REGEX} and {@link #UNROUTABLE_REGEX}. Counting in jq 1.6 itself, with
   * reduce over an object keyed by pair, took 1.4 s for 20,000 rows on the benchmark machine,
   * too slow for gigabytes, so awk counts.
   */
  static String jqFilter() {
    return String.join("\n",
        "def octet($i): split(\".\")[$i] | tonumber;",
        "def internal:",
        "  if contains(\":\") then",
        "    ((.[0:2] == \"fc\" or .[0:2] == \"fd\" or .[0:3] == \"fe8\" or .[0:3] == \"fe9\"",
        "      or .[0:3] == \"fea\" or .[0:3] == \"feb\") and .[4:5] == \":\") or . == \"::1\"",
        "  else",
        "    startswith(\"10.\") or startswith(\"192.168.\") or startswith(\"127.\")",
        "    or startswith(\"169.254.\")",
        "    or (startswith(\"172.\") and (octet(1) | . >= 16 and . <= 31))",
        "    or (startswith(\"100.\") and (octet(1) | . >= 64 and . <= 127))",
        "  end;",
        "def unroutable:",
        "  if contains(\":\") then (.[0:2] == \"ff\" and .[4:5] == \":\") or . == \"::\"",
        "  else startswith(\"0.\") or octet(0) >= 224 end;",
        "select((.[\"id.orig_h\"] | (internal or unroutable) | not)",
        "  and (.[\"id.resp_h\"] | internal and (unroutable | not)))",
        "| [.[\"id.orig_h\"], .[\"id.resp_h\"], (.[\"id.resp_p\"] | tostring),",
        "  (if .auth_success == true then \"T\" elif .auth_success == false then \"F\" else \"-\" end)]",
        "| join(\"\\t\")",
        "");
  }

  /** Returns the awk program that counts the lines of {@link #jqFilter()} per pair. */
  static String countingAwkProgram() {
    return String.join("\n",
        "BEGIN { FS = \"\\t\"; OFS = \"\\t\" }",
        "{ k = $1 OFS $2 OFS $3; if ($4 == \"T\") c[k]++; else if ($4 == \"F\") f[k]++; else u[k]++ }",
        "END { for (k in c) print k, c[k], 0, u[k] + 0, f[k] + 0 }",
        "");
  }
}
