package dev.gatehouse.core.record;

import java.util.List;

/**
 * The fields of one Zeek dns.log row that name hosts: the query and its answers. The text comes
 * from the wire and is attacker-controlled.
 *
 * @param timestampMicros the query's time, in microseconds since the epoch (UTC)
 * @param uid Zeek's connection id, or {@code null}
 * @param query the name or reverse-lookup name that was asked for, or {@code null} when unset
 * @param queryType Zeek's {@code qtype_name}, such as {@code A}, {@code AAAA} or {@code PTR}, or
 *     {@code null} when unset
 * @param answers the answers as Zeek wrote them: addresses for A and AAAA, names for PTR and
 *     CNAME; empty when there were none
 * @param origin where the row was read
 */
public record DnsLookup(
    long timestampMicros,
    String uid,
    String query,
    String queryType,
    List<String> answers,
    RecordOrigin origin) {

  /** Copies the answers. */
  public DnsLookup {
    answers = List.copyOf(answers);
  }
}
