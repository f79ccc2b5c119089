package dev.gatehouse.run;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.model.ConnRowsNotExpectedException;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.ModelSettings;
import dev.gatehouse.core.model.SshExternalInternalModel;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.core.record.ConnSummary;
import dev.gatehouse.core.record.DnsLookup;
import dev.gatehouse.core.record.RecordSink;
import dev.gatehouse.core.record.SshSession;
import dev.gatehouse.ingest.CompanionLogs;
import dev.gatehouse.ingest.InputDiscovery;
import dev.gatehouse.ingest.InputSource;
import dev.gatehouse.ingest.LogType;
import dev.gatehouse.ingest.SourceStats;
import dev.gatehouse.ingest.zeek.ParallelZeekReader;
import dev.gatehouse.ingest.zeek.ZeekReader;
import dev.gatehouse.ingest.zeek.ZeekSniffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code ssh_external_internal} model once over files, directories and standard input.
 *
 * <p>Sources whose first rows are ssh.log rows (by their {@code #path}, {@code _path} or else
 * their name) are read before the others and conn logs last, so the model keeps conn.log rows
 * only for sessions it has already seen. The model joins rows in any order, so this ordering
 * saves memory and does not change the detections. When no input can hold conn.log rows, the model
 * grades sessions of unset outcome as they arrive ({@link
 * SshExternalInternalModel#expectNoConnRows()}); if a later header block of a file turns out to
 * hold conn.log rows after all, the run starts again with conn.log joins.
 *
 * <p>The sources are read by {@link ParallelZeekReader} on {@link #withThreads} threads. The
 * detections, counters and diagnostics are those of reading the sources one after another.
 */
public final class BatchRun {

  private static final Logger log = LoggerFactory.getLogger(BatchRun.class);

  /** Told about each source as the run reaches it. */
  public interface Progress {
    /** Called before source {@code index} (1-based) of {@code total} is read. */
    void sourceStarted(int index, int total, InputSource source);

    /** A listener that does nothing. */
    Progress NONE = (index, total, source) -> { };
  }

  private final NetworkMap networks;
  private final ModelSettings settings;
  private final Progress progress;
  private RecordSink dnsSink;
  /**
   * The reader threads, or 0 to read record by record on the calling thread. One thread at a
   * time applies the parts to the model, which limits what more threads add, while each thread
   * holds up to three parts of 4 MB. NOTE: the cap of 8 is an estimate, because only 2 cores
   * were available to measure it.
   */
  private int threads = Math.min(8, Runtime.getRuntime().availableProcessors());

  public BatchRun(NetworkMap networks, ModelSettings settings, Progress progress) {
    this.networks = networks;
    this.settings = settings;
    this.progress = progress;
  }

  /** Expands {@code arguments} into sources and runs the model over all of them. */
  public RunResult run(List<String> arguments) {
    long started = System.nanoTime();
    Diagnostics discovery = new Diagnostics();
    List<InputSource> found =
        CompanionLogs.addConnCompanions(InputDiscovery.expand(arguments, discovery));
    int unreadable = (int) InputDiscovery.unreadableCount(discovery);
    Map<InputSource, LogType> firstTypes = new HashMap<>();
    for (InputSource source : found) {
      firstTypes.put(source, ZeekSniffer.firstLogType(source));
    }
    List<InputSource> sources = new ArrayList<>(found);
    sources.sort(Comparator.comparingInt(source -> readingRank(firstTypes.get(source))));

    boolean connPossible = sources.stream().anyMatch(source -> source.isStdin()
        || source.typeFromName() == LogType.CONN || firstTypes.get(source) == LogType.CONN);
    if (!connPossible) {
      try {
        return attempt(sources, discovery, unreadable, started, false);
      } catch (ConnRowsNotExpectedException e) {
        // A later header block of a file held conn.log rows: read everything again.
        log.debug("Reading again with conn.log joins: {}", e.getMessage());
      }
    }
    return attempt(sources, discovery, unreadable, started, true);
  }

  /**
   * Reads every source into a new model.
   *
   * @param connRowsExpected whether conn.log rows may join sessions. When false, sessions of
   *     unset outcome are graded as they arrive and dns.log rows are held back until the end, so
   *     that an attempt that meets a conn.log row can be dropped and repeated.
   * @throws ConnRowsNotExpectedException if {@code connRowsExpected} is false and a conn.log row
   *     joins a session graded without one
   */
  private RunResult attempt(List<InputSource> sources, Diagnostics discovery, int unreadable,
      long started, boolean connRowsExpected) {
    Diagnostics diagnostics = new Diagnostics();
    diagnostics.merge(discovery);
    SshExternalInternalModel model = new SshExternalInternalModel(networks, settings);
    if (!connRowsExpected) {
      model.expectNoConnRows();
    }
    List<DnsLookup> heldDns = new ArrayList<>();
    RecordSink dns = dnsSink == null || connRowsExpected ? dnsSink : collecting(heldDns);
    List<SourceStats> stats;
    int unreadableRead;
    if (threads > 0) {
      ParallelZeekReader.Outcome outcome = new ParallelZeekReader(model, dns, diagnostics,
          (index, source) -> progress.sourceStarted(index + 1, sources.size(), source), threads)
          .read(sources);
      stats = outcome.sources();
      unreadableRead = outcome.unreadableSources();
    } else {
      stats = new ArrayList<>();
      unreadableRead = readOneByOne(model, dns, sources, diagnostics, stats);
    }
    if (dns != dnsSink) {
      heldDns.forEach(dnsSink::acceptDns);
    }
    List<Detection> detections = model.finish();
    return new RunResult(detections, model.stats(), stats, diagnostics, unreadable + unreadableRead,
        System.nanoTime() - started);
  }

  private static RecordSink collecting(List<DnsLookup> lookups) {
    return new RecordSink() {
      @Override
      public void acceptSsh(SshSession session) {}

      @Override
      public void acceptConn(ConnSummary connection) {}

      @Override
      public void acceptDns(DnsLookup lookup) {
        lookups.add(lookup);
      }
    };
  }

  /**
   * Reads the sources one after another with one {@link ZeekReader}, record by record: the
   * plain path that the parallel one must match.
   *
   * @return the number of sources that could not be read
   */
  private int readOneByOne(SshExternalInternalModel model, RecordSink dns,
      List<InputSource> sources, Diagnostics diagnostics, List<SourceStats> stats) {
    int unreadable = 0;
    ZeekReader reader = new ZeekReader(dns == null ? model : withDns(model, dns), diagnostics);
    for (int i = 0; i < sources.size(); i++) {
      InputSource source = sources.get(i);
      progress.sourceStarted(i + 1, sources.size(), source);
      try {
        stats.add(reader.read(source));
      } catch (IOException | UncheckedIOException e) {
        unreadable++;
        diagnostics.error(source.name(), 0, InputDiscovery.UNREADABLE_INPUT,
            "cannot read " + source.name() + ": " + e.getMessage());
        log.debug("Reading {} failed", source.name(), e);
      }
    }
    return unreadable;
  }

  /**
   * Sends the dns.log rows of the inputs to {@code sink}, which collects host names for the
   * assessment stage; the model receives the ssh.log and conn.log rows as before.
   *
   * @return this run
   */
  public BatchRun withDnsSink(RecordSink sink) {
    this.dnsSink = sink;
    return this;
  }

  /**
   * Sets how many threads read the inputs (default: the available processors, at most 8). The
   * detections, counters and diagnostics do not depend on it.
   *
   * @return this run
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  public BatchRun withThreads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("threads is " + count + ", expected 1 or more");
    }
    this.threads = count;
    return this;
  }

  /**
   * Makes the run read the sources one after another, decoding each row into a record on the
   * calling thread, the plain path that tests compare the parallel one with.
   */
  BatchRun recordByRecord() {
    this.threads = 0;
    return this;
  }

  /** Returns a sink that passes ssh and conn rows to {@code model} and dns rows to {@code dns}. */
  private static RecordSink withDns(RecordSink model, RecordSink dns) {
    return new RecordSink() {
      @Override
      public void acceptSsh(SshSession session) {
        model.acceptSsh(session);
      }

      @Override
      public void acceptConn(ConnSummary connection) {
        model.acceptConn(connection);
      }

      @Override
      public void acceptDns(DnsLookup lookup) {
        dns.acceptDns(lookup);
      }
    };
  }

  /**
   * Ranks ssh logs first, then sources of other or unknown type, then conn logs, by the type of
   * their first rows or else their name. The sort is stable.
   */
  private static int readingRank(LogType firstType) {
    if (firstType == LogType.SSH) {
      return 0;
    }
    return firstType == LogType.CONN ? 2 : 1;
  }
}
