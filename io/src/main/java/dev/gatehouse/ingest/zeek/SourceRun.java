package dev.gatehouse.ingest.zeek;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;
import dev.gatehouse.ingest.LogType;
import dev.gatehouse.ingest.SourceStats;

/** The state of reading one source: where records go, where problems go, and the counters. */
final class SourceRun {

  static final String UNKNOWN_LOG_TYPE = "unknown-log-type";
  static final String TRUNCATED_INPUT = "truncated-input";

  final String source;
  final LogType typeFromName;
  final Diagnostics diagnostics;
  final RecordDecoder decoder;
  private final RecordSink sink;

  private long sshRecords;
  private long connRecords;
  private long otherRecords;
  private long skippedRecords;
  private boolean truncated;
  private boolean unknownTypeReported;
  private boolean lastLineDropped;

  SourceRun(String source, LogType typeFromName, RecordSink sink, Diagnostics diagnostics) {
    this.source = source;
    this.typeFromName = typeFromName;
    this.sink = sink;
    this.diagnostics = diagnostics;
    this.decoder = new RecordDecoder(diagnostics, source);
  }

  /** Decodes {@code row} as {@code type} and passes the record to the sink, or counts it skipped. */
  void emit(LogType type, Row row, long line, boolean authSuccessMissing) {
    if (type == LogType.DNS) {
      // dns.log rows only name hosts for the assessment; they count as rows of other logs.
      otherRecords++;
      sink.acceptDns(decoder.decodeDns(row, line));
      return;
    }
    if (type == LogType.SSH) {
      SshSession session = decoder.decodeSsh(row, line, authSuccessMissing);
      if (session == null) {
        skippedRecords++;
      } else {
        sshRecords++;
        sink.acceptSsh(session);
      }
    } else {
      ConnSummary connection = decoder.decodeConn(row, line);
      if (connection == null) {
        skippedRecords++;
      } else {
        connRecords++;
        sink.acceptConn(connection);
      }
    }
  }

  /** Counts an ssh.log row that a fast path passed on itself. */
  void countSsh() {
    sshRecords++;
  }

  /** Counts a conn.log row that a fast path passed on itself. */
  void countConn() {
    connRecords++;
  }

  boolean unknownTypeReported() {
    return unknownTypeReported;
  }

  /** Sets whether the unknown log type was reported, when reading starts in the middle of a source. */
  void setUnknownTypeReported(boolean reported) {
    unknownTypeReported = reported;
  }

  void countOther() {
    otherRecords++;
  }

  void countSkipped() {
    skippedRecords++;
  }

  /**
   * Records that the last line of the source was cut off mid-row, as in a file still being
   * written; the line is skipped.
   */
  void lastLineCut(long line, String detail) {
    truncated = true;
    skippedRecords++;
    diagnostics.warning(source, line, TRUNCATED_INPUT,
        "the input ends in the middle of a row: " + detail
            + "; the rows before it were read and this line was skipped");
  }

  /** Counts the line that a broken compressed stream cut as skipped. */
  void dropLastLine() {
    lastLineDropped = true;
    skippedRecords++;
  }

  boolean lastLineDropped() {
    return lastLineDropped;
  }

  void markTruncated() {
    truncated = true;
  }

  /**
   * Reports once per source that rows of unknown log type are counted and not read, because
   * neither the content nor the file name names the log.
   */
  void reportUnknownType(long line) {
    if (unknownTypeReported) {
      return;
    }
    unknownTypeReported = true;
    diagnostics.warning(source, line, UNKNOWN_LOG_TYPE,
        "the log type is unknown: the input has no #path line or _path key and the file name does"
            + " not start with 'ssh.' or 'conn.', so its rows are counted as other logs and not read."
            + " Name the input ssh.log or conn.log to read it");
  }

  SourceStats stats(long lines, long bytes) {
    return new SourceStats(source, lines, bytes, sshRecords, connRecords, otherRecords,
        skippedRecords, truncated);
  }
}
