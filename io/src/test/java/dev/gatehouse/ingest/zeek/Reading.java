package dev.gatehouse.ingest.zeek;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;
import dev.gatehouse.ingest.InputSource;
import dev.gatehouse.ingest.LogType;
import dev.gatehouse.ingest.SourceStats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The records, counters and diagnostics of one {@link ZeekReader} run, for assertions. */
final class Reading implements RecordSink {

  final List<SshSession> ssh = new ArrayList<>();
  final List<ConnSummary> conn = new ArrayList<>();
  final Diagnostics diagnostics = new Diagnostics(10_000);
  SourceStats stats;

  @Override
  public void acceptSsh(SshSession session) {
    ssh.add(session);
  }

  @Override
  public void acceptConn(ConnSummary connection) {
    conn.add(connection);
  }

  /** Reads {@code text} as UTF-8 with the log type taken from {@code name}. */
  static Reading of(String name, String text) {
    return of(name, text.getBytes(StandardCharsets.UTF_8), LogType.fromFileName(name));
  }

  static Reading of(String name, String text, LogType typeFromName) {
    return of(name, text.getBytes(StandardCharsets.UTF_8), typeFromName);
  }

  static Reading of(String name, byte[] bytes) {
    return of(name, bytes, LogType.fromFileName(name));
  }

  static Reading of(String name, byte[] bytes, LogType typeFromName) {
    Reading reading = new Reading();
    try {
      reading.stats = new ZeekReader(reading, reading.diagnostics)
          .read(name, new ByteArrayInputStream(bytes), typeFromName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reading;
  }

  static Reading of(Path file) {
    return of(file, InputSource.file(file).typeFromName());
  }

  /** Reads a file as if its name gave {@code typeFromName}. */
  static Reading of(Path file, LogType typeFromName) {
    Reading reading = new Reading();
    try {
      reading.stats = new ZeekReader(reading, reading.diagnostics)
          .read(new InputSource(file.toString(), file, typeFromName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reading;
  }

  /** Returns every kept diagnostic in its printed form. */
  List<String> messages() {
    return diagnostics.first().stream().map(Object::toString).toList();
  }
}
