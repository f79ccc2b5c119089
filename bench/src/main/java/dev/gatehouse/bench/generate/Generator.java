package dev.gatehouse.bench.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a data set: Zeek ssh.log and conn.log with matching uids in each requested
 * {@link Variant}, and expected.jsonl with the detections a correct gatehouse run reports.
 * Every variant contains the same rows.
 */
public final class Generator {

  private Generator() {}

  /**
   * Generates {@code spec} into {@code folder}, creating it when missing. Files of the same names
   * are replaced and other files are left, so give an empty folder.
   */
  public static GeneratedDataSet generate(DataSetSpec spec, Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.deleteIfExists(folder.resolve(GeneratedDataSet.MANIFEST));
    List<Variant> variants = new ArrayList<>(spec.variants());
    List<LogOutput> sshOutputs = new ArrayList<>();
    List<LogOutput> connOutputs = new ArrayList<>();
    for (Variant variant : variants) {
      Path variantFolder = Files.createDirectories(folder.resolve(variant.folderName()));
      sshOutputs.add(new LogOutput(variantFolder, "ssh", variant));
      if (spec.connRatio() > 0) {
        connOutputs.add(new LogOutput(variantFolder, "conn", variant));
      }
    }

    TrafficModel model = new TrafficModel(spec.seed(), spec.estimatedRows(), spec.connRatio(),
        spec.hours());
    TrafficModel.Step step = new TrafficModel.Step();
    ExpectedDetections expected = new ExpectedDetections();
    AsciiBuffer tsv = new AsciiBuffer();
    // Left empty when no variant is JSON, which saves formatting every row twice.
    AsciiBuffer json = variants.stream().anyMatch(Variant::json) ? new AsciiBuffer() : null;
    // The TSV header block counts towards the size, as it does in a real file.
    long tsvBytes = ZeekFormat.tsvHeader("ssh", TrafficModel.START_MICROS).length()
        + ZeekFormat.tsvFooter(TrafficModel.START_MICROS).length();
    long rows = 0;
    long connRows = 0;
    try {
      while (spec.sshRows() > 0 ? rows < spec.sshRows() : tsvBytes < spec.sshBytes()) {
        model.next(rows, step);
        rows++;
        format(step.ssh, tsv, json);
        tsvBytes += tsv.length();
        write(sshOutputs, tsv, json, step);
        if (step.kind == TrafficModel.Kind.LOGIN) {
          expected.add(step.ssh, step.sshConn);
        }
        if (step.sshConn != null) {
          format(step.sshConn, tsv, json);
          write(connOutputs, tsv, json, step);
          connRows++;
        }
        for (ConnRow other : step.others) {
          format(other, tsv, json);
          write(connOutputs, tsv, json, step);
          connRows++;
        }
      }
    } finally {
      closeAll(sshOutputs);
      closeAll(connOutputs);
    }

    int expectedCount = expected.write(folder.resolve(GeneratedDataSet.EXPECTED));
    Map<Variant, Long> sshBytes = new EnumMap<>(Variant.class);
    Map<Variant, Long> connBytes = new EnumMap<>(Variant.class);
    for (int i = 0; i < variants.size(); i++) {
      sshBytes.put(variants.get(i), sshOutputs.get(i).uncompressedBytes());
      connBytes.put(variants.get(i), connOutputs.isEmpty() ? 0L : connOutputs.get(i).uncompressedBytes());
    }
    GeneratedDataSet dataSet = new GeneratedDataSet(folder, spec, rows, connRows, expectedCount,
        sshBytes, connBytes);
    dataSet.writeManifest();
    return dataSet;
  }

  private static void format(SshRow row, AsciiBuffer tsv, AsciiBuffer json) {
    tsv.clear();
    ZeekFormat.tsv(row, tsv);
    if (json != null) {
      json.clear();
      ZeekFormat.json(row, json);
    }
  }

  private static void format(ConnRow row, AsciiBuffer tsv, AsciiBuffer json) {
    tsv.clear();
    ZeekFormat.tsv(row, tsv);
    if (json != null) {
      json.clear();
      ZeekFormat.json(row, json);
    }
  }

  private static void write(List<LogOutput> outputs, AsciiBuffer tsv, AsciiBuffer json,
      TrafficModel.Step step) throws IOException {
    for (LogOutput output : outputs) {
      output.write(output.json() ? json : tsv, step.hour, step.clockMicros);
    }
  }

  private static void closeAll(List<LogOutput> outputs) throws IOException {
    IOException failure = null;
    for (LogOutput output : outputs) {
      try {
        output.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
