package dev.gatehouse.output;

import dev.gatehouse.core.model.Detection;
import java.io.IOException;
import java.util.List;

/** Writes detections in one output format. */
public interface DetectionWriter {

  /** Writes all detections and flushes. */
  void write(List<Detection> detections) throws IOException;
}
