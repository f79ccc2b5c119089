package dev.gatehouse.run;

import dev.gatehouse.core.diag.Diagnostics;
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
import dev.gatehouse.ingest.zeek.ZeekReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code ssh_external_internal} model once over files, directories and standard input.
 *
 * <p>Sources named like ssh logs are read before the others and conn logs last, so the model
 * holds conn.log rows only for sessions it already knows; the model joins rows in any order, so
 * this ordering saves memory and never changes the detections.
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

  public BatchRun(NetworkMap networks, ModelSettings settings, Progress progress) {
    this.networks = networks;
    this.settings = settings;
    this.progress = progress;
  }

  /** Expands {@code arguments} into sources and runs the model over all of them. */
  public RunResult run(List<String> arguments) {
    long started = System.nanoTime();
    Diagnostics diagnostics = new Diagnostics();
    List<InputSource> sources =
        new ArrayList<>(CompanionLogs.addConnCompanions(InputDiscovery.expand(arguments, diagnostics)));
    int unreadable = (int) InputDiscovery.unreadableCount(diagnostics);
    sources.sort(Comparator.comparingInt(BatchRun::readingRank));

    SshExternalInternalModel model = new SshExternalInternalModel(networks, settings);
    ZeekReader reader = new ZeekReader(dnsSink == null ? model : withDns(model, dnsSink), diagnostics);
    List<SourceStats> stats = new ArrayList<>();
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
    List<Detection> detections = model.finish();
    return new RunResult(detections, model.stats(), stats, diagnostics, unreadable,
        System.nanoTime() - started);
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

  /** Ranks ssh logs first, then sources of unknown type, then conn logs; the sort is stable. */
  private static int readingRank(InputSource source) {
    LogType type = source.typeFromName();
    return type == LogType.SSH ? 0 : type == LogType.CONN ? 2 : 1;
  }
}
