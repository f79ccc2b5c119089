package dev.gatehouse.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one command as a separate process under GNU time and returns its wall time, peak
 * resident set size and exit code.
 *
 * <p>Wall time is taken in this JVM from starting the process to its exit, so it includes the
 * start of the process itself and, for Java tools, the JVM's start. Peak RSS is GNU time's
 * {@code %M}, the "Maximum resident set size" that {@code time -v} prints, which the kernel
 * reports through wait4(). For a shell pipeline it is the peak of the largest process in it,
 * not the sum.
 */
final class Measurement {

  static final String GNU_TIME = "/usr/bin/time";

  /**
   * The outcome of one run.
   *
   * @param wallSeconds wall time
   * @param peakRssKilobytes GNU time's %M, in kilobytes (1024 bytes)
   * @param exitCode the command's exit code
   */
  record Result(double wallSeconds, long peakRssKilobytes, int exitCode) {}

  private final Path scratch;

  Measurement(Path scratch) {
    this.scratch = scratch;
  }

  /** Checks that GNU time is installed. */
  static void requireGnuTime() {
    if (!Files.isExecutable(Path.of(GNU_TIME))) {
      throw new IllegalStateException(GNU_TIME + " is missing: install GNU time"
          + " (apt-get install -y time) to measure peak RSS");
    }
  }

  /**
   * Runs {@code command}, writing its standard output to {@code output}, or discarding it when
   * {@code output} is {@code null}. Standard error goes to {@code errors}.
   */
  Result run(List<String> command, Path output, Path errors) throws IOException, InterruptedException {
    Path timeFile = scratch.resolve("time.txt");
    Files.deleteIfExists(timeFile);
    List<String> timed = new ArrayList<>(List.of(GNU_TIME, "-f", "%M", "-o", timeFile.toString()));
    timed.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(timed)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectError(errors.toFile());
    if (output == null) {
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    } else {
      builder.redirectOutput(output.toFile());
    }
    long started = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    double wall = (System.nanoTime() - started) / 1e9;
    long rss = readPeakRss(timeFile);
    return new Result(wall, rss, exit);
  }

  /** Returns the last line of GNU time's output as kilobytes; it adds a line when the command fails. */
  private static long readPeakRss(Path timeFile) throws IOException {
    List<String> lines = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
        return Long.parseLong(line);
      }
    }
    throw new IOException("GNU time wrote no peak RSS into " + timeFile + ": " + lines);
  }
}
