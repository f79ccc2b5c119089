package dev.gatehouse.core.record;

/** Receives the records a reader produces, in the order they are read. */
public interface RecordSink {

  /** Receives one ssh.log row. */
  void acceptSsh(SshSession session);

  /** Receives one conn.log row. */
  void acceptConn(ConnSummary connection);

  /** Receives one dns.log row. Sinks that need no host names ignore it. */
  default void acceptDns(DnsLookup lookup) {}
}
