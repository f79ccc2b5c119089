package dev.gatehouse.bench.jmh;

import dev.gatehouse.bench.generate.DataSetSpec;
import dev.gatehouse.bench.generate.GeneratedDataSet;
import dev.gatehouse.bench.generate.Generator;
import dev.gatehouse.bench.generate.Variant;
import dev.gatehouse.core.diag.Diagnostics;
import dev.gatehouse.ingest.LogType;
import dev.gatehouse.ingest.zeek.ZeekReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads a generated ssh.log of 100,000 rows from memory with {@link ZeekReader} into a sink that
 * only counts, in Zeek TSV and in Zeek JSON lines. One operation reads the whole log: divide its
 * size (printed at setup) by the time per operation for MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ZeekReaderBenchmark {

  private static final int ROWS = 100_000;

  @Param({"tsv", "json"})
  public String format;

  private byte[] log;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    Variant variant = format.equals("json") ? Variant.JSON : Variant.TSV;
    Path folder = Files.createTempDirectory("gatehouse-jmh");
    try {
      GeneratedDataSet data = Generator.generate(
          new DataSetSpec(11, ROWS, 0, 0, 24, EnumSet.of(variant)), folder);
      log = Files.readAllBytes(data.sshFile(variant));
    } finally {
      deleteTree(folder);
    }
    System.out.printf("%n%s ssh.log: %d rows, %d bytes%n", format, ROWS, log.length);
  }

  @Benchmark
  public long readSshLog() throws IOException {
    CountingSink sink = new CountingSink();
    new ZeekReader(sink, new Diagnostics()).read("ssh.log", new ByteArrayInputStream(log), LogType.SSH);
    if (sink.ssh != ROWS) {
      throw new IllegalStateException("read " + sink.ssh + " ssh rows, expected " + ROWS);
    }
    return sink.ssh;
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
