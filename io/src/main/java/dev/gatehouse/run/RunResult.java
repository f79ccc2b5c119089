package dev.gatehouse.run;

import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.model.ModelStats;
import dev.gatehouse.ingest.SourceStats;
import java.util.List;

/**
 * The outcome of one batch run.
 *
 * @param detections the detections, in the model's order
 * @param model the model's counters
 * @param sources one entry per input source that was read, in reading order
 * @param diagnostics every problem found in the input
 * @param unreadableSources inputs that could not be opened or read at all
 * @param elapsedNanos wall time of the run
 */
public record RunResult(
    List<Detection> detections,
    ModelStats model,
    List<SourceStats> sources,
    Diagnostics diagnostics,
    int unreadableSources,
    long elapsedNanos) {

  /** Returns the decompressed bytes read from all sources. */
  public long bytesRead() {
    return sources.stream().mapToLong(SourceStats::bytes).sum();
  }

  /** Returns the lines read from all sources. */
  public long linesRead() {
    return sources.stream().mapToLong(SourceStats::lines).sum();
  }
}
