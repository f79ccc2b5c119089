package dev.gatehouse.ingest.zeek;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.model.SessionBatch;
import dev.gatehouse.core.model.SshExternalInternalModel;
import dev.gatehouse.core.record.DnsLookup;
import dev.gatehouse.core.record.RecordOrigin;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.ingest.CorruptInputException;
import dev.gatehouse.ingest.Decompression;
import dev.gatehouse.ingest.InputDiscovery;
import dev.gatehouse.ingest.InputSource;
import dev.gatehouse.ingest.SourceStats;
import dev.gatehouse.ingest.zeek.ChunkReader.PartResult;
import dev.gatehouse.ingest.zeek.ChunkReader.PartState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Zeek sources on several threads into one {@link SshExternalInternalModel}, with the
 * result of reading them one after another with {@link ZeekReader}.
 *
 * <p>Each source is cut into parts of whole lines. An uncompressed file is cut at newlines near
 * fixed offsets, and its parts are read with positional reads by any thread. A compressed file
 * or standard input is decompressed by one thread at a time, which cuts off a part at the last
 * newline of each block and reads it. Threads work on the earliest parts first, so several files
 * or several parts of one file are read at once, and a bounded number of parts are in memory.
 *
 * <p>Every part is read by {@link ChunkReader} into a {@link SessionBatch}, and the batches are
 * applied to the model strictly in source and part order, by one thread at a time. Lines,
 * diagnostics and counters of a part count from its start and are moved by the lines of the
 * parts before it when it is applied. A part is read from the TSV header state that the parts
 * before it are expected to end in: the state after the header block at the start of its
 * source, or after the last part read so far. When that guess turns out wrong because a new
 * header block started in between, the part is read again in order before it is applied.
 */
public final class ParallelZeekReader {

  private static final Logger log = LoggerFactory.getLogger(ParallelZeekReader.class);

  /** The nominal size of a part. */
  static final int PART_SIZE = 4 << 20;
  private static final int SCAN_SIZE = 64 << 10;
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  /** Receives each source as reading reaches it in order. */
  public interface Progress {
    /** Called before the rows of source {@code index} (0-based) are applied. */
    void sourceStarted(int index, InputSource source);
  }

  /** The result of a run besides the model's state. */
  public record Outcome(List<SourceStats> sources, int unreadableSources) {}

  private final SshExternalInternalModel model;
  private final RecordSink dnsSink;
  private final Diagnostics diagnostics;
  private final Progress progress;
  private final int threads;
  private final int maxInFlight;
  private final int partSize;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<byte[]> buffers = new ArrayDeque<>();
  private final ArrayDeque<SessionBatch> batches = new ArrayDeque<>();

  private List<Source> sources;
  private int applySource;
  private boolean applying;
  private int inFlight;
  private Throwable crash;
  private final List<SourceStats> stats = new ArrayList<>();
  private int unreadable;

  /**
   * Creates a reader.
   *
   * @param dnsSink receives dns.log rows, or {@code null} to drop them
   * @param threads the number of threads to read with, at least 1
   */
  public ParallelZeekReader(SshExternalInternalModel model, RecordSink dnsSink,
      Diagnostics diagnostics, Progress progress, int threads) {
    this(model, dnsSink, diagnostics, progress, threads, PART_SIZE);
  }

  /** Creates a reader with parts of {@code partSize} bytes, for tests that need many parts. */
  ParallelZeekReader(SshExternalInternalModel model, RecordSink dnsSink, Diagnostics diagnostics,
      Progress progress, int threads, int partSize) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads is " + threads + ", expected 1 or more");
    }
    this.model = model;
    this.dnsSink = dnsSink;
    this.diagnostics = diagnostics;
    this.progress = progress;
    this.threads = threads;
    this.maxInFlight = 3 * threads;
    this.partSize = partSize;
  }

  private enum Kind { SPLIT, STREAM }

  /** One input and the parts cut from it so far. */
  private static final class Source {
    final int index;
    final InputSource input;
    boolean opening;
    boolean opened;
    Kind kind;
    FileChannel channel;
    long size;
    InputStream stream;
    boolean producing;
    /** Whether every part has been cut, so that {@link #parts} is complete. */
    boolean complete;
    final List<Part> parts = new ArrayList<>();
    int nextClaim;
    /** The state after the header block at the start of the source, once part 0 was cut. */
    PartState prescan;

    /** The last boundary scan: no newline lies in [scannedFrom, scannedBoundary - 1). */
    long scannedFrom = -1;
    long scannedBoundary = -1;

    // Stream cutting.
    byte[] carry;
    int carryLength;
    boolean ended;
    /** Set when the source failed, so that parts still being read are dropped when done. */
    boolean abandoned;
    CorruptInputException brokenAtOpen;
    CorruptInputException broken;
    boolean partialLineDropped;
    IOException failure;

    // Applying.
    int applied;
    boolean started;
    PartState lastEnd;
    long lines;
    long bytes;
    long ssh;
    long conn;
    long other;
    long skipped;
    boolean truncated;

    Source(int index, InputSource input) {
      this.index = index;
      this.input = input;
    }
  }

  /** A run of whole lines of one source. */
  private static final class Part {
    final Source source;
    final int index;
    boolean done;
    byte[] buffer;
    int from;
    int to;
    boolean first;
    boolean last;
    int leadingLongLines;
    long byteCount;
    PartState assumed;
    PartResult result;
    IOException failure;

    Part(Source source, int index) {
      this.source = source;
      this.index = index;
    }
  }

  private enum Action { OPEN, READ, PRODUCE, APPLY, WAIT, EXIT }

  private record Task(Action action, Source source, Part part) {}

  /**
   * Reads {@code inputs} in order into the model.
   *
   * @return the counters of each source that was read, in order, and the number of sources that
   *     could not be read
   */
  public Outcome read(List<InputSource> inputs) {
    sources = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      sources.add(new Source(i, inputs.get(i)));
    }
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < threads; i++) {
      Thread helper = new Thread(this::work, "gatehouse-reader-" + i);
      helper.setDaemon(true);
      helpers.add(helper);
      helper.start();
    }
    work();
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the reader threads", e);
      }
    }
    if (crash != null) {
      for (Source source : sources) {
        closeQuietly(source);
      }
      if (crash instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (crash instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(crash);
    }
    return new Outcome(stats, unreadable);
  }

  private void work() {
    ChunkReader reader = new ChunkReader();
    try {
      while (true) {
        Task task = nextTask();
        switch (task.action()) {
          case EXIT -> {
            return;
          }
          case OPEN -> open(task.source());
          case READ -> readSplitPart(reader, task.part());
          case PRODUCE -> produce(reader, task.source());
          case APPLY -> apply(reader, task.part(), task.source());
          default -> throw new IllegalStateException("unexpected task " + task);
        }
      }
    } catch (RuntimeException | Error e) {
      lock.lock();
      try {
        if (crash == null) {
          crash = e;
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Waits for and claims the next task: applying comes first, then the earliest reading. */
  private Task nextTask() {
    lock.lock();
    try {
      while (true) {
        if (crash != null) {
          return new Task(Action.EXIT, null, null);
        }
        Task task = findTask();
        if (task.action() != Action.WAIT) {
          return task;
        }
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  private Task findTask() {
    if (applySource == sources.size()) {
      return new Task(Action.EXIT, null, null);
    }
    if (!applying) {
      Source current = sources.get(applySource);
      if (current.opened && current.applied < current.parts.size()) {
        Part next = current.parts.get(current.applied);
        if (next.done) {
          applying = true;
          return new Task(Action.APPLY, current, next);
        }
      } else if (current.opened && current.complete && !current.producing) {
        applying = true;
        return new Task(Action.APPLY, current, null);
      }
    }
    int window = Math.min(sources.size(), applySource + threads + 2);
    for (int i = applySource; i < window; i++) {
      Source source = sources.get(i);
      boolean urgent = i == applySource;
      if (!source.opened) {
        if (!source.opening) {
          source.opening = true;
          return new Task(Action.OPEN, source, null);
        }
        continue;
      }
      if (source.kind == Kind.SPLIT) {
        if (source.nextClaim < source.parts.size()
            && (source.nextClaim == 0 || source.prescan != null)
            && (inFlight < maxInFlight || (urgent && source.nextClaim == source.applied))) {
          Part part = source.parts.get(source.nextClaim++);
          inFlight++;
          return new Task(Action.READ, source, part);
        }
      } else if (!source.complete && !source.producing
          && (inFlight < maxInFlight || (urgent && source.parts.size() == source.applied))) {
        source.producing = true;
        inFlight++;
        return new Task(Action.PRODUCE, source, null);
      }
    }
    return new Task(Action.WAIT, null, null);
  }

  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  // ---- opening ----

  private void open(Source source) {
    InputSource input = source.input;
    try {
      if (input.isStdin()) {
        openStream(source, System.in);
      } else {
        FileChannel channel = FileChannel.open(input.path(), StandardOpenOption.READ);
        if (isCompressed(channel) || !Files.isRegularFile(input.path())) {
          channel.close();
          openStream(source, Files.newInputStream(input.path()));
        } else {
          source.channel = channel;
          source.size = channel.size();
          source.kind = Kind.SPLIT;
          int count = (int) Math.max(1, (source.size + partSize - 1) / partSize);
          lock.lock();
          try {
            for (int i = 0; i < count; i++) {
              source.parts.add(new Part(source, i));
            }
            source.complete = true;
          } finally {
            lock.unlock();
          }
        }
      }
    } catch (IOException e) {
      source.failure = e;
      source.kind = Kind.STREAM;
      source.ended = true;
      lock.lock();
      try {
        source.complete = true;
      } finally {
        lock.unlock();
      }
    }
    lock.lock();
    try {
      source.opened = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void openStream(Source source, InputStream raw) throws IOException {
    source.kind = Kind.STREAM;
    try {
      source.stream = Decompression.open(raw);
    } catch (CorruptInputException e) {
      source.brokenAtOpen = e;
      source.ended = true;
      lock.lock();
      try {
        source.complete = true;
      } finally {
        lock.unlock();
      }
    }
  }

  private static boolean isCompressed(FileChannel channel) throws IOException {
    ByteBuffer magic = ByteBuffer.allocate(ZSTD_MAGIC.length);
    while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
      // Reads until four bytes or the end of the file.
    }
    byte[] bytes = Arrays.copyOf(magic.array(), magic.position());
    return startsWith(bytes, GZIP_MAGIC) || startsWith(bytes, ZSTD_MAGIC);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  // ---- cutting and reading parts ----

  private void readSplitPart(ChunkReader reader, Part part) {
    Source source = part.source;
    try {
      int count = source.parts.size();
      ByteBuffer scan = ByteBuffer.allocate(SCAN_SIZE);
      long start = boundary(source, (long) part.index * partSize, scan);
      long end = part.index == count - 1 ? source.size
          : boundary(source, (long) (part.index + 1) * partSize, scan);
      end = Math.max(start, end);
      int length = Math.toIntExact(end - start);
      byte[] buffer = takeBuffer(length);
      ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
      long position = start;
      while (target.hasRemaining()) {
        int read = source.channel.read(target, position);
        if (read < 0) {
          throw new IOException("the file became shorter while it was read");
        }
        position += read;
      }
      part.buffer = buffer;
      part.from = 0;
      part.to = length;
      part.first = part.index == 0;
      // A last line longer than the nominal part size leaves the parts after it empty.
      part.last = end == source.size;
      part.byteCount = length;
      if (part.index == 0) {
        publishPrescan(reader, part);
      }
    } catch (IOException | ArithmeticException e) {
      part.failure = e instanceof IOException io ? io
          : new IOException("a line is longer than 2 GB", e);
    }
    parse(reader, part);
  }

  /** Returns the offset just after the first newline at or after {@code nominal - 1}. */
  private long boundary(Source source, long nominal, ByteBuffer scan) throws IOException {
    if (nominal <= 0) {
      return 0;
    }
    if (nominal >= source.size) {
      return source.size;
    }
    long from = nominal - 1;
    synchronized (source) {
      // Parts inside one long line all end where it ends: scan it once.
      if (from >= source.scannedFrom && from < source.scannedBoundary) {
        return source.scannedBoundary;
      }
    }
    long position = from;
    long boundary = source.size;
    while (position < source.size) {
      scan.clear();
      int read = source.channel.read(scan, position);
      if (read <= 0) {
        break;
      }
      int newline = ChunkReader.indexOfNewline(scan.array(), 0, read);
      if (newline >= 0) {
        boundary = position + newline + 1;
        break;
      }
      position += read;
    }
    synchronized (source) {
      source.scannedFrom = from;
      source.scannedBoundary = boundary;
    }
    return boundary;
  }

  /** Cuts the next part off a compressed stream or standard input and reads it. */
  private void produce(ChunkReader reader, Source source) {
    Part part;
    lock.lock();
    try {
      part = new Part(source, source.parts.size());
      source.parts.add(part);
    } finally {
      lock.unlock();
    }
    try {
      cut(source, part);
    } catch (IOException e) {
      part.failure = e;
      source.ended = true;
    } catch (RuntimeException e) {
      // A decoder may throw unchecked exceptions on bad input that the guard did not translate.
      part.failure = new IOException(e.getMessage(), e);
      source.ended = true;
    }
    if (part.index == 0 && part.failure == null) {
      publishPrescan(reader, part);
    }
    lock.lock();
    try {
      source.producing = false;
      source.complete = source.ended;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    parse(reader, part);
  }

  private void cut(Source source, Part part) throws IOException {
    byte[] buffer = takeBuffer(partSize);
    int filled = 0;
    if (source.carryLength > 0) {
      if (source.carryLength > buffer.length) {
        buffer = new byte[source.carryLength];
      }
      System.arraycopy(source.carry, 0, buffer, 0, source.carryLength);
      filled = source.carryLength;
      source.carryLength = 0;
    }
    part.first = part.index == 0;
    long bytes = 0;
    while (true) {
      while (filled < buffer.length && !source.ended) {
        int read;
        try {
          read = source.stream.read(buffer, filled, buffer.length - filled);
        } catch (CorruptInputException e) {
          source.broken = e;
          source.ended = true;
          break;
        }
        if (read < 0) {
          source.ended = true;
          break;
        }
        filled += read;
        bytes += read;
      }
      if (source.ended) {
        int end = filled;
        if (source.broken != null) {
          // The lines before the break are whole; a line it cut is counted and skipped.
          end = lastNewline(buffer, filled) + 1;
          source.partialLineDropped = end < filled;
        }
        setPart(part, buffer, end, true, bytes);
        return;
      }
      int newline = lastNewline(buffer, filled);
      if (newline >= 0) {
        int rest = filled - newline - 1;
        if (source.carry == null || source.carry.length < rest) {
          source.carry = new byte[Math.max(rest, SCAN_SIZE)];
        }
        System.arraycopy(buffer, newline + 1, source.carry, 0, rest);
        source.carryLength = rest;
        setPart(part, buffer, newline + 1, false, bytes);
        return;
      }
      if (buffer.length < LineReader.MAX_LINE_LENGTH) {
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, LineReader.MAX_LINE_LENGTH));
        continue;
      }
      // A line of at least MAX_LINE_LENGTH bytes: skip it up to its newline, as LineReader does.
      long skipped = discardLongLine(source, buffer);
      bytes += skipped;
      if (source.ended && source.broken != null) {
        source.partialLineDropped = true;
        setPart(part, buffer, 0, true, bytes);
        return;
      }
      part.leadingLongLines++;
      if (source.ended) {
        // The long line ends the stream: it is this part's last line.
        setPart(part, buffer, 0, true, bytes);
        return;
      }
      // Cut the part before the line after the long one, which starts the carry.
      setPart(part, buffer, 0, false, bytes);
      return;
    }
  }

  /**
   * Reads past the rest of an over-long line into {@code scratch}, keeping what follows its
   * newline as the carry, and returns the bytes read.
   */
  private static long discardLongLine(Source source, byte[] scratch) throws IOException {
    long bytes = 0;
    while (true) {
      int read;
      try {
        read = source.stream.read(scratch, 0, scratch.length);
      } catch (CorruptInputException e) {
        source.broken = e;
        source.ended = true;
        return bytes;
      }
      if (read < 0) {
        source.ended = true;
        return bytes;
      }
      bytes += read;
      int newline = ChunkReader.indexOfNewline(scratch, 0, read);
      if (newline >= 0) {
        int rest = read - newline - 1;
        if (source.carry == null || source.carry.length < rest) {
          source.carry = new byte[Math.max(rest, SCAN_SIZE)];
        }
        System.arraycopy(scratch, newline + 1, source.carry, 0, rest);
        source.carryLength = rest;
        if (rest == 0) {
          source.carry = source.carry.length > SCAN_SIZE ? null : source.carry;
        }
        return bytes;
      }
    }
  }

  private static void setPart(Part part, byte[] buffer, int end, boolean last, long bytes) {
    part.buffer = buffer;
    part.from = 0;
    part.to = end;
    part.last = last;
    part.byteCount = bytes;
  }

  private static int lastNewline(byte[] buffer, int filled) {
    for (int i = filled - 1; i >= 0; i--) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Reads the header block at the start of part 0 and publishes the state after it, from which
   * the later parts of the source are read before part 0 is.
   */
  private void publishPrescan(ChunkReader reader, Part part) {
    Source source = part.source;
    int end = part.from;
    while (end < part.to) {
      int newline = ChunkReader.indexOfNewline(part.buffer, end, part.to);
      int lineEnd = newline < 0 ? part.to : newline + 1;
      boolean header = part.buffer[end] == '#' || isBlankLine(part.buffer, end, lineEnd);
      end = lineEnd;
      if (!header) {
        break;
      }
    }
    PartState state = reader.read(source.input.name(), source.input.typeFromName(), part.buffer,
        part.from, end, model.newBatch(), PartState.initial(source.input.name(),
            source.input.typeFromName()), true, false, part.leadingLongLines, 0).end;
    lock.lock();
    try {
      source.prescan = state;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static boolean isBlankLine(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private void parse(ChunkReader reader, Part part) {
    if (part.failure == null) {
      part.assumed = assumedStart(part);
      part.result = reader.read(part.source.input.name(), part.source.input.typeFromName(),
          part.buffer, part.from, part.to, takeBatch(), part.assumed, part.first, part.last,
          part.leadingLongLines, part.byteCount);
    }
    boolean drop;
    lock.lock();
    try {
      part.done = true;
      drop = part.source.abandoned;
      if (drop) {
        inFlight--;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (drop) {
      release(part);
    }
  }

  /** Returns the state the parts before {@code part} are expected to end in. */
  private PartState assumedStart(Part part) {
    Source source = part.source;
    if (part.index == 0) {
      return PartState.initial(source.input.name(), source.input.typeFromName());
    }
    lock.lock();
    try {
      for (int i = part.index - 1; i >= 0; i--) {
        Part before = source.parts.get(i);
        if (before.done && before.result != null) {
          return before.result.end;
        }
      }
      return source.prescan;
    } finally {
      lock.unlock();
    }
  }

  // ---- applying ----

  private void apply(ChunkReader reader, Part part, Source source) {
    if (!source.started) {
      source.started = true;
      progress.sourceStarted(source.index, source.input);
    }
    boolean finished = part == null;
    if (part != null) {
      applyPart(reader, part, source);
      lock.lock();
      try {
        source.applied++;
        inFlight--;
        if (part.failure != null) {
          source.failure = part.failure;
          finished = true;
          abandon(source);
        }
      } finally {
        lock.unlock();
      }
    }
    if (finished) {
      finishSource(source);
    }
    lock.lock();
    try {
      if (finished) {
        applySource++;
      }
      applying = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void applyPart(ChunkReader reader, Part part, Source source) {
    if (part.failure != null || source.failure != null) {
      release(part);
      return;
    }
    PartState expected = source.lastEnd != null ? source.lastEnd
        : PartState.initial(source.input.name(), source.input.typeFromName());
    PartResult result = part.result;
    if (!part.assumed.sameAs(expected)) {
      // A header block in an earlier part changed the state: read this part again from it.
      result.batch.clear();
      result = reader.read(source.input.name(), source.input.typeFromName(), part.buffer,
          part.from, part.to, result.batch, expected, part.first, part.last,
          part.leadingLongLines, part.byteCount);
    }
    model.apply(result.batch, source.input.name(), source.lines);
    replay(result.diagnostics, source.lines, diagnostics);
    forwardDns(result.dns, source.lines);

    SourceStats counts = result.stats;
    source.lines += counts.lines();
    source.bytes += counts.bytes();
    source.ssh += counts.sshRecords();
    source.conn += counts.connRecords();
    source.other += counts.otherRecords();
    source.skipped += counts.skippedRecords();
    source.truncated |= counts.truncated();
    source.lastEnd = result.end;
    part.result = null;
    returnBatch(result.batch);
    release(part);
  }

  /** Drops the parts of a failed source that were not applied; called under the lock. */
  private void abandon(Source source) {
    source.abandoned = true;
    source.nextClaim = source.parts.size();
    for (int i = source.applied; i < source.parts.size(); i++) {
      Part rest = source.parts.get(i);
      if (rest.done) {
        inFlight--;
        byte[] buffer = rest.buffer;
        rest.buffer = null;
        if (buffer != null && buffer.length == partSize + SCAN_SIZE) {
          buffers.push(buffer);
        }
      }
    }
    source.applied = source.parts.size();
  }

  /** Passes dns.log rows on with their lines moved by {@code lineBase}. */
  private void forwardDns(List<DnsLookup> lookups, long lineBase) {
    if (dnsSink == null) {
      return;
    }
    for (DnsLookup lookup : lookups) {
      RecordOrigin origin = lookup.origin();
      dnsSink.acceptDns(origin == null ? lookup : new DnsLookup(lookup.timestampMicros(),
          lookup.uid(), lookup.query(), lookup.queryType(), lookup.answers(),
          new RecordOrigin(origin.source(), origin.line() + lineBase)));
    }
  }

  private void finishSource(Source source) {
    closeQuietly(source);
    String name = source.input.name();
    if (source.failure != null) {
      unreadable++;
      diagnostics.error(name, 0, InputDiscovery.UNREADABLE_INPUT,
          "cannot read " + name + ": " + source.failure.getMessage());
      log.debug("Reading {} failed", name, source.failure);
      return;
    }
    if (source.brokenAtOpen != null) {
      ZeekReader.reportBrokenStream(diagnostics, name, source.brokenAtOpen, 0, false);
      stats.add(new SourceStats(name, 0, 0, 0, 0, 0, 0, true));
      return;
    }
    if (source.broken != null) {
      if (source.partialLineDropped) {
        source.lines++;
        source.skipped++;
      }
      source.truncated = true;
      ZeekReader.reportBrokenStream(diagnostics, name, source.broken, source.lines,
          source.partialLineDropped);
    }
    stats.add(new SourceStats(name, source.lines, source.bytes, source.ssh, source.conn,
        source.other, source.skipped, source.truncated));
  }

  private static void closeQuietly(Source source) {
    try {
      if (source.channel != null) {
        source.channel.close();
      }
      if (source.stream != null && !source.input.isStdin()) {
        source.stream.close();
      }
    } catch (IOException e) {
      log.debug("Closing {} failed", source.input.name(), e);
    }
  }

  /**
   * Adds the diagnostics of a part to {@code target} with their lines moved by {@code lineBase},
   * keeping the first ones in order and the counts by reason and severity exact.
   */
  static void replay(Diagnostics part, long lineBase, Diagnostics target) {
    long firstErrors = 0;
    long firstWarnings = 0;
    Map<String, Long> firstByReason = new HashMap<>();
    for (Diagnostics.Diagnostic d : part.first()) {
      long line = d.line() > 0 ? d.line() + lineBase : d.line();
      if (d.severity().equals("error")) {
        target.error(d.source(), line, d.reason(), d.message());
        firstErrors++;
      } else {
        target.warning(d.source(), line, d.reason(), d.message());
        firstWarnings++;
      }
      firstByReason.merge(d.reason(), 1L, Long::sum);
    }
    // The rest were not kept in detail. The part kept as many as the target does, so the
    // target's detailed list is already full and only the counts change.
    long errors = part.errors() - firstErrors;
    long warnings = part.warnings() - firstWarnings;
    for (Map.Entry<String, Long> entry : part.countsByReason().entrySet()) {
      long rest = entry.getValue() - firstByReason.getOrDefault(entry.getKey(), 0L);
      for (long i = 0; i < rest; i++) {
        if (errors > 0) {
          target.error("", 0, entry.getKey(), "");
          errors--;
        } else {
          target.warning("", 0, entry.getKey(), "");
          warnings--;
        }
      }
    }
  }

  // ---- buffers ----

  private byte[] takeBuffer(int length) {
    if (length <= partSize + SCAN_SIZE) {
      lock.lock();
      try {
        byte[] pooled = buffers.poll();
        if (pooled != null) {
          return pooled;
        }
      } finally {
        lock.unlock();
      }
      return new byte[partSize + SCAN_SIZE];
    }
    return new byte[length];
  }

  private void release(Part part) {
    byte[] buffer = part.buffer;
    part.buffer = null;
    if (buffer != null && buffer.length == partSize + SCAN_SIZE) {
      lock.lock();
      try {
        buffers.push(buffer);
      } finally {
        lock.unlock();
      }
    }
  }

  private SessionBatch takeBatch() {
    lock.lock();
    try {
      SessionBatch batch = batches.poll();
      if (batch != null) {
        return batch;
      }
    } finally {
      lock.unlock();
    }
    return model.newBatch();
  }

  private void returnBatch(SessionBatch batch) {
    batch.clear();
    lock.lock();
    try {
      batches.push(batch);
    } finally {
      lock.unlock();
    }
  }
}
