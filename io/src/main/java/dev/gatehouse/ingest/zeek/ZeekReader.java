package dev.gatehouse.ingest.zeek;

import com.fasterxml.jackson.core.JsonFactory;
import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.ingest.CorruptInputException;
import dev.gatehouse.ingest.Decompression;
import dev.gatehouse.ingest.InputSource;
import dev.gatehouse.ingest.LogType;
import dev.gatehouse.ingest.SourceStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Reads Zeek ssh.log and conn.log rows, in TSV or JSON lines, plain or compressed, and passes
 * them to a {@link RecordSink}. Rows of other logs are counted and not read.
 *
 * <p>The format comes from the first non-blank line. A line that starts with '{' starts JSON
 * lines, and so does one that follows only unrecognised '#' lines such as a test banner. Anything
 * else is TSV, whose header block may be followed by further header blocks anywhere in the input.
 * Every problem goes to the {@link Diagnostics} with the source name, the 1-based line and a
 * reason code, and reading goes on with the next line.
 *
 * <p>Not thread-safe: use one reader, with its own {@link Diagnostics}, per thread.
 */
public final class ZeekReader {

  /**
   * Diagnostic reason of input that ends early: a compressed stream that breaks off, or a last
   * line cut off mid-row.
   */
  public static final String TRUNCATED_INPUT = SourceRun.TRUNCATED_INPUT;

  /** Diagnostic reason of compressed input that cannot be decoded. */
  public static final String CORRUPT_INPUT = "corrupt-input";

  /** Diagnostic reason of a line longer than the reader keeps. */
  public static final String LINE_TOO_LONG = "line-too-long";


  private final RecordSink sink;
  private final Diagnostics diagnostics;
  private final JsonFactory jsonFactory = new JsonFactory();

  /** Creates a reader that passes records to {@code sink} and problems to {@code diagnostics}. */
  public ZeekReader(RecordSink sink, Diagnostics diagnostics) {
    this.sink = sink;
    this.diagnostics = diagnostics;
  }

  /**
   * Reads a file, or standard input for {@link InputSource#stdin()}, which is left open.
   *
   * @throws IOException if the file cannot be opened or reading it fails. A compressed stream
   *     that ends early or is corrupt is reported as a warning diagnostic instead.
   */
  public SourceStats read(InputSource source) throws IOException {
    if (source.isStdin()) {
      return read(source.name(), System.in, source.typeFromName());
    }
    try (InputStream raw = Files.newInputStream(source.path())) {
      return read(source.name(), raw, source.typeFromName());
    }
  }

  /**
   * Reads a stream, decompressing it when its first bytes are a gzip or zstd magic number. The
   * stream is not closed.
   *
   * @param sourceName the name for diagnostics and record origins
   * @param typeFromName the log type to use when the content does not name one
   * @throws IOException if reading {@code raw} fails. A compressed stream that ends early or is
   *     corrupt is reported as a warning diagnostic instead.
   */
  public SourceStats read(String sourceName, InputStream raw, LogType typeFromName)
      throws IOException {
    SourceRun run = new SourceRun(sourceName, typeFromName, sink, diagnostics);
    InputStream in;
    try {
      in = Decompression.open(raw);
    } catch (CorruptInputException e) {
      reportBrokenStream(run, e, 0);
      return run.stats(0, 0);
    }

    LineReader lines = new LineReader(in);
    TsvLines tsv = new TsvLines(run);
    JsonLines json = null;
    while (lines.next()) {
      long number = lines.lineNumber();
      if (lines.tooLong()) {
        diagnostics.error(sourceName, number, LINE_TOO_LONG,
            "the line is longer than " + LineReader.MAX_LINE_LENGTH + " bytes and is skipped");
        run.countSkipped();
        continue;
      }
      byte[] buffer = lines.buffer();
      int from = lines.lineStart();
      int to = lines.lineEnd();
      if (number == 1) {
        from = LineBytes.skipByteOrderMark(buffer, from, to);
      }
      if (LineBytes.isBlank(buffer, from, to)) {
        continue;
      }
      boolean lastLineCut = !lines.terminated();
      if (json == null && !tsv.accept(buffer, from, to, number, lastLineCut)) {
        json = new JsonLines(run, jsonFactory);
      }
      if (json != null) {
        json.accept(buffer, from, to, number, lastLineCut);
      }
    }

    if (lines.failure() != null) {
      if (lines.partialLineDropped()) {
        run.dropLastLine();
      }
      reportBrokenStream(run, lines.failure(), lines.lineNumber());
    }
    return run.stats(lines.lineNumber(), lines.bytes());
  }

  private void reportBrokenStream(SourceRun run, CorruptInputException failure, long line) {
    run.markTruncated();
    reportBrokenStream(diagnostics, run.source, failure, line, run.lastLineDropped());
  }

  /**
   * Reports a compressed stream that ended early or is corrupt, after {@code line} lines of
   * which the last was cut and skipped when {@code lastLineDropped}.
   */
  static void reportBrokenStream(Diagnostics diagnostics, String source,
      CorruptInputException failure, long line, boolean lastLineDropped) {
    String place;
    if (line == 0) {
      place = "no rows could be read";
    } else if (lastLineDropped) {
      place = "the rows before line " + line + " were read and line " + line
          + ", which the break cut, was skipped";
    } else {
      place = "the rows up to line " + line + " were read";
    }
    if (failure.truncated()) {
      diagnostics.warning(source, line, TRUNCATED_INPUT,
          failure.getMessage() + ": " + place
              + ". The file may still be being written or was cut while copied");
    } else {
      diagnostics.warning(source, line, CORRUPT_INPUT,
          failure.getMessage() + ": " + place + ". Check the file against its source");
    }
  }
}
