package dev.gatehouse.cli;

import dev.gatehouse.core.assess.AssessmentResult;
import dev.gatehouse.core.assess.Assessor;
import dev.gatehouse.core.assess.NoveltyHistory;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.enrich.DnsNames;
import dev.gatehouse.enrich.EnrichmentSources;
import dev.gatehouse.enrich.NoveltyStateFile;
import dev.gatehouse.enrich.StateFileException;
import dev.gatehouse.site.SiteAssessment;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The assessment stage of {@code gatehouse detect}: opens the data sources and the novelty state
 * before the input is read, assesses the model's detections after it, and saves the state.
 */
final class AssessmentStage implements Closeable {

  private final SiteAssessment settings;
  private final EnrichmentSources sources;
  private final DnsNames dnsNames;
  private final NoveltyHistory history;
  private final String noveltyOff;
  private final int entriesRead;

  private AssessmentStage(SiteAssessment settings, EnrichmentSources sources, DnsNames dnsNames,
      NoveltyHistory history, String noveltyOff) {
    this.settings = settings;
    this.sources = sources;
    this.dnsNames = dnsNames;
    this.history = history;
    this.noveltyOff = noveltyOff;
    this.entriesRead = history == null ? 0 : history.size();
  }

  /**
   * Opens what {@code settings} names, printing every problem.
   *
   * @param noState whether {@code --no-state} turned novelty off
   * @return the stage, or {@code null} when a file cannot be used
   */
  static AssessmentStage open(SiteAssessment settings, NetworkMap networks, boolean noState, PrintWriter err) {
    EnrichmentSources sources = SiteFiles.openSources(settings, err);
    if (sources == null) {
      err.println("gatehouse: a file that the site file names cannot be used; nothing was read");
      return null;
    }
    NoveltyHistory history = null;
    String off = null;
    if (settings.novelty() == null) {
      off = "off (the site file sets no 'novelty' state file)";
    } else if (noState) {
      off = "off (--no-state)";
    } else {
      Path file = settings.novelty().file();
      try {
        history = NoveltyStateFile.load(file);
        checkWritable(file);
      } catch (StateFileException e) {
        err.println("gatehouse: " + e.getMessage());
        SiteFiles.closeQuietly(sources);
        return null;
      }
    }
    return new AssessmentStage(settings, sources, new DnsNames(networks), history, off);
  }

  /** Fails early when the state file's directory cannot be created or written, before any input is read. */
  private static void checkWritable(Path file) throws StateFileException {
    Path directory = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StateFileException("cannot create the directory of the novelty state file " + file + ": "
          + e.getMessage() + "; fix 'novelty.state_file' in the site file or run with --no-state", e);
    }
    if (!Files.isWritable(directory) || (Files.exists(file) && !Files.isWritable(file))) {
      throw new StateFileException("cannot write the novelty state file " + file + ": permission denied; fix"
          + " the permissions or run with --no-state", null);
    }
  }

  /** Returns the collector of host names from dns.log rows. */
  DnsNames dnsNames() {
    return dnsNames;
  }

  /** Assesses the detections of the run; {@code today} decides which triage rules have expired. */
  AssessmentResult assess(List<Detection> detections, LocalDate today) {
    Assessor.Builder builder = Assessor.builder()
        .geo(sources.geo())
        .threats(sources.threats())
        .inventory(sources.inventory())
        .hostNames(dnsNames)
        .scoring(settings.scoring())
        .rules(settings.rules())
        .today(today);
    if (history != null) {
      builder.novelty(history, settings.novelty().settings());
    }
    return builder.build().assess(detections);
  }

  /**
   * Saves the novelty history when novelty is on.
   *
   * @return whether the state was saved or novelty is off; {@code false} after printing why saving failed
   */
  boolean saveState(PrintWriter err) {
    if (history == null) {
      return true;
    }
    try {
      NoveltyStateFile.save(settings.novelty().file(), history);
      return true;
    } catch (StateFileException e) {
      err.println("gatehouse: " + e.getMessage());
      return false;
    }
  }

  /** Returns the data sources, for the summary. */
  EnrichmentSources sources() {
    return sources;
  }

  /**
   * Returns the novelty line of the summary, such as {@code 12 entries read from state.json, 4
   * added, 16 saved}, or why novelty is off.
   */
  String describeNovelty(int added) {
    if (history == null) {
      return noveltyOff;
    }
    return entriesRead + (entriesRead == 1 ? " entry" : " entries") + " read from " + settings.novelty().file()
        + ", " + added + " added, " + history.size() + " saved";
  }

  @Override
  public void close() throws IOException {
    sources.close();
  }
}
