package dev.gatehouse.ingest.zeek;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The ssh.log, conn.log and dns.log columns this package reads; every other column is ignored. */
enum Column {
  TS("ts"),
  UID("uid"),
  ORIG_H("id.orig_h"),
  ORIG_P("id.orig_p"),
  RESP_H("id.resp_h"),
  RESP_P("id.resp_p"),
  AUTH_SUCCESS("auth_success"),
  AUTH_ATTEMPTS("auth_attempts"),
  DIRECTION("direction"),
  CLIENT("client"),
  SERVER("server"),
  CIPHER_ALG("cipher_alg"),
  MAC_ALG("mac_alg"),
  KEX_ALG("kex_alg"),
  HOST_KEY_ALG("host_key_alg"),
  HOST_KEY("host_key"),
  HOST_KEY_FINGERPRINT("host_key_fingerprint"),
  PROTO("proto"),
  SERVICE("service"),
  DURATION("duration"),
  ORIG_BYTES("orig_bytes"),
  RESP_BYTES("resp_bytes"),
  CONN_STATE("conn_state"),
  HISTORY("history"),
  LOCAL_ORIG("local_orig"),
  LOCAL_RESP("local_resp"),
  QUERY("query"),
  QTYPE_NAME("qtype_name"),
  ANSWERS("answers");

  /** The columns without which a row cannot be placed in time and between two endpoints. */
  static final Set<Column> REQUIRED = EnumSet.of(TS, ORIG_H, ORIG_P, RESP_H, RESP_P);

  static final int COUNT = values().length;

  private static final Map<String, Column> BY_NAME = new HashMap<>();

  static {
    for (Column column : values()) {
      BY_NAME.put(column.zeekName, column);
      // Zeek's Log::default_scope_sep can replace the '.' between record and field with '_'.
      BY_NAME.putIfAbsent(column.zeekName.replace('.', '_'), column);
    }
  }

  /** The name Zeek gives the column with its default scope separator {@code .}. */
  final String zeekName;

  Column(String zeekName) {
    this.zeekName = zeekName;
  }

  /**
   * Returns the column with this name, written with {@code .} or {@code _} as scope separator
   * ({@code id.orig_h} or {@code id_orig_h}), or {@code null} for a column this package ignores.
   */
  static Column byName(String name) {
    return BY_NAME.get(name);
  }
}
