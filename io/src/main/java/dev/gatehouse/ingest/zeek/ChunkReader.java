package dev.gatehouse.ingest.zeek;

import com.fasterxml.jackson.core.JsonFactory;
import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.model.SessionBatch;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.DnsLookup;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;
import dev.gatehouse.ingest.LogType;
import dev.gatehouse.ingest.SourceStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one part of a source, a run of whole lines held in memory, into a {@link
 * SessionBatch}, so that the parts of one source can be read by several threads.
 *
 * <p>A part is read as {@link ZeekReader} reads the whole source, starting from the state the
 * previous part ended in ({@link PartState}), so the same lines give the same rows, counters and
 * diagnostics. Line numbers in the batch and in the diagnostics count from the start of the
 * part, and the caller adds the lines of the parts before it. Well-formed ssh.log and conn.log
 * rows go through {@link TsvFastPath} or {@link JsonFastPath}, and every other line through
 * {@link TsvLines} or {@link JsonLines}.
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class ChunkReader {


  private final JsonFactory jsonFactory = new JsonFactory();

  /**
   * The state of reading between two parts of a source: the TSV header in force, what was
   * reported once per source, and whether the source turned out to be JSON lines.
   */
  public static final class PartState {
    private final TsvLines.State tsv;
    private final boolean json;

    private PartState(TsvLines.State tsv, boolean json) {
      this.tsv = tsv;
      this.json = json;
    }

    /** Returns the state at the start of a source. */
    public static PartState initial(String source, LogType typeFromName) {
      SourceRun run = new SourceRun(source, typeFromName, IGNORING, new Diagnostics(0));
      return new PartState(new TsvLines(run).state(), false);
    }

    /** Returns whether reading from this state and from {@code other} reads every line alike. */
    public boolean sameAs(PartState other) {
      return json == other.json && tsv.sameAs(other.tsv);
    }
  }

  /** The result of reading one part. */
  public static final class PartResult {
    /** The rows for the model, with lines counted from the start of the part. */
    public final SessionBatch batch;
    /** The problems found, with lines counted from the start of the part. */
    public final Diagnostics diagnostics;
    /** The dns.log rows, in order. */
    public final List<DnsLookup> dns;
    /** The part's counters; {@code lines} and {@code bytes} are those of the part. */
    public final SourceStats stats;
    /** The state reading was in at the end of the part. */
    public final PartState end;

    PartResult(SessionBatch batch, Diagnostics diagnostics, List<DnsLookup> dns, SourceStats stats,
        PartState end) {
      this.batch = batch;
      this.diagnostics = diagnostics;
      this.dns = dns;
      this.stats = stats;
      this.end = end;
    }
  }

  private static final RecordSink IGNORING = new RecordSink() {
    @Override
    public void acceptSsh(SshSession session) {}

    @Override
    public void acceptConn(ConnSummary connection) {}
  };

  /**
   * Reads the lines in {@code bytes[from, to)}.
   *
   * @param batch an empty batch that receives the rows
   * @param start the state the previous part ended in, or {@link PartState#initial}
   * @param firstPart whether the part starts the source, so that its first line may start with
   *     a byte order mark
   * @param lastPart whether the part ends the source, so that its last line may lack a newline;
   *     every other part must end with one
   * @param leadingLongLines the number of lines of at least {@link LineReader#MAX_LINE_LENGTH}
   *     bytes that came just before {@code from} and that the caller skipped while cutting the
   *     part. They count as the part's first lines.
   * @param byteCount the decompressed bytes the part stands for, to be reported in its stats
   */
  public PartResult read(String source, LogType typeFromName, byte[] bytes, int from, int to,
      SessionBatch batch, PartState start, boolean firstPart, boolean lastPart,
      int leadingLongLines, long byteCount) {
    Diagnostics diagnostics = new Diagnostics();
    List<DnsLookup> dns = new ArrayList<>(0);
    SourceRun run = new SourceRun(source, typeFromName, new BatchSink(batch, dns), diagnostics);
    TsvLines tsv = new TsvLines(run);
    tsv.restore(start.tsv);
    JsonLines json = start.json ? new JsonLines(run, jsonFactory) : null;
    TsvFastPath fast = new TsvFastPath(run, batch);
    JsonFastPath jsonFast = new JsonFastPath(run, batch);
    LineScanner scanner = new LineScanner();

    long number = 0;
    for (int i = 0; i < leadingLongLines; i++) {
      number++;
      reportLongLine(run, number);
    }
    int position = from;
    while (position < to) {
      byte separator = json == null ? tsv.fastSeparator() : 0;
      int newline;
      if (separator != 0) {
        scanner.ensureCapacity(tsv.fieldCount());
        newline = scanner.scan(bytes, position, to, separator);
      } else {
        newline = LineScanner.indexOfNewline(bytes, position, to);
      }
      boolean terminated = newline >= 0;
      int end = terminated ? newline : to;
      number++;
      if (end - position >= LineReader.MAX_LINE_LENGTH) {
        reportLongLine(run, number);
      } else {
        int lineEnd = end > position && bytes[end - 1] == '\r' ? end - 1 : end;
        int lineStart = firstPart && number == 1 ? LineBytes.skipByteOrderMark(bytes, position, lineEnd) : position;
        if (!LineBytes.isBlank(bytes, lineStart, lineEnd)) {
          json = readLine(run, tsv, json, separator != 0 ? fast : null, jsonFast, scanner, bytes,
              lineStart, lineEnd, number, lastPart && !terminated);
        }
      }
      position = terminated ? newline + 1 : to;
    }
    SourceStats stats = run.stats(number, byteCount);
    return new PartResult(batch, diagnostics, dns, stats, new PartState(tsv.state(), json != null));
  }

  /**
   * Reads one non-blank line.
   *
   * @param fast the fast path, or {@code null} when the line was not scanned for separators
   */
  private JsonLines readLine(SourceRun run, TsvLines tsv, JsonLines json, TsvFastPath fast,
      JsonFastPath jsonFast, LineScanner scanner, byte[] bytes, int from, int to, long number,
      boolean lastLineCut) {
    if (json == null) {
      TsvHeader header = fast == null || lastLineCut ? null : tsv.dataRowHeader(bytes, from, to);
      if (header != null && fast.accept(header, bytes, from, to, number, scanner)) {
        return null;
      }
      if (tsv.accept(bytes, from, to, number, lastLineCut)) {
        return null;
      }
      json = new JsonLines(run, jsonFactory);
    } else if (!lastLineCut && jsonFast.accept(bytes, from, to, number)) {
      return json;
    }
    json.accept(bytes, from, to, number, lastLineCut);
    return json;
  }

  private static void reportLongLine(SourceRun run, long number) {
    run.diagnostics.error(run.source, number, ZeekReader.LINE_TOO_LONG,
        "the line is longer than " + LineReader.MAX_LINE_LENGTH + " bytes and is skipped");
    run.countSkipped();
  }

  static int indexOfNewline(byte[] bytes, int from, int to) {
    return LineScanner.indexOfNewline(bytes, from, to);
  }

  /** Passes the records of the slow paths to the batch, and dns.log rows to a list. */
  private static final class BatchSink implements RecordSink {
    private final SessionBatch batch;
    private final List<DnsLookup> dns;

    BatchSink(SessionBatch batch, List<DnsLookup> dns) {
      this.batch = batch;
      this.dns = dns;
    }

    @Override
    public void acceptSsh(SshSession session) {
      batch.addSsh(session);
    }

    @Override
    public void acceptConn(ConnSummary connection) {
      batch.addConn(connection);
    }

    @Override
    public void acceptDns(DnsLookup lookup) {
      dns.add(lookup);
    }
  }
}
