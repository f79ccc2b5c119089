package dev.gatehouse.bench.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * The files of one log (ssh or conn) in one {@link Variant}: one file, or one per rotation
 * hour. A TSV file starts with Zeek's header block and ends with its #close line.
 */
final class LogOutput implements AutoCloseable {

  private static final int BUFFER_BYTES = 1 << 20;

  private final Path folder;
  private final String log;
  private final Variant variant;
  private OutputStream out;
  private int hour = -1;
  private long lastMicros;
  private long uncompressedBytes;
  private int files;

  LogOutput(Path folder, String log, Variant variant) {
    this.folder = folder;
    this.log = log;
    this.variant = variant;
  }

  /** Writes one formatted row that belongs to rotation hour {@code rowHour}. */
  void write(AsciiBuffer row, int rowHour, long clockMicros) throws IOException {
    if (out == null || (variant.rotated() && rowHour != hour)) {
      closeFile();
      open(variant.rotated() ? rowHour : 0,
          variant.rotated() ? TrafficModel.START_MICROS + rowHour * TrafficModel.HOUR_MICROS : clockMicros);
    }
    row.writeTo(out);
    uncompressedBytes += row.length();
    lastMicros = clockMicros;
  }

  private void open(int newHour, long openMicros) throws IOException {
    hour = newHour;
    OutputStream file = Files.newOutputStream(folder.resolve(variant.fileName(log, newHour)));
    out = variant.gzip()
        ? new BufferedOutputStream(new GZIPOutputStream(file, BUFFER_BYTES), BUFFER_BYTES)
        : new BufferedOutputStream(file, BUFFER_BYTES);
    files++;
    if (!variant.json()) {
      writeText(ZeekFormat.tsvHeader(log, openMicros));
    }
  }

  private void closeFile() throws IOException {
    if (out == null) {
      return;
    }
    if (!variant.json()) {
      writeText(ZeekFormat.tsvFooter(lastMicros));
    }
    out.close();
    out = null;
  }

  private void writeText(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    out.write(bytes);
    uncompressedBytes += bytes.length;
  }

  /** Returns the bytes written before compression, header lines included. */
  long uncompressedBytes() {
    return uncompressedBytes;
  }

  boolean json() {
    return variant.json();
  }

  int files() {
    return files;
  }

  @Override
  public void close() throws IOException {
    closeFile();
  }
}
