package dev.gatehouse.bench.jmh;

import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;

/** A sink that only counts records, so a benchmark measures the reader alone. */
final class CountingSink implements RecordSink {

  long ssh;
  long conn;

  @Override
  public void acceptSsh(SshSession session) {
    ssh++;
  }

  @Override
  public void acceptConn(ConnSummary connection) {
    conn++;
  }
}
