package dev.gatehouse.output;

import dev.gatehouse.core.assess.Alert;
import dev.gatehouse.core.model.Detection;
import java.io.IOException;
import java.util.List;

/** Writes detections in one output format. */
public interface DetectionWriter {

  /**
   * Writes all alerts, with their enrichment, score and triage outcome when they were assessed,
   * and flushes.
   */
  void writeAlerts(List<Alert> alerts) throws IOException;

  /** Writes all detections without an assessment and flushes. */
  default void write(List<Detection> detections) throws IOException {
    writeAlerts(detections.stream().map(Alert::unassessed).toList());
  }
}
