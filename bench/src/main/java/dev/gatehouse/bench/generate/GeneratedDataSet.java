package dev.gatehouse.bench.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * A generated data set on disk: one folder per variant, expected.jsonl and dataset.properties,
 * which is written last and so marks a complete data set.
 *
 * @param folder the data set's folder
 * @param spec what was generated
 * @param sshRows ssh.log rows written
 * @param connRows conn.log rows written
 * @param expectedDetections lines of expected.jsonl
 * @param sshBytes uncompressed ssh.log bytes per variant, header lines included
 * @param connBytes uncompressed conn.log bytes per variant
 */
public record GeneratedDataSet(Path folder, DataSetSpec spec, long sshRows, long connRows,
    int expectedDetections, Map<Variant, Long> sshBytes, Map<Variant, Long> connBytes) {

  public static final String MANIFEST = "dataset.properties";
  public static final String EXPECTED = "expected.jsonl";

  /** Returns the folder of {@code variant}. */
  public Path variantFolder(Variant variant) {
    return folder.resolve(variant.folderName());
  }

  /** Returns the plain or single gzip ssh.log of {@code variant}; not for rotated variants. */
  public Path sshFile(Variant variant) {
    return variantFolder(variant).resolve(variant.fileName("ssh", 0));
  }

  /** Returns the plain or single gzip conn.log of {@code variant}; not for rotated variants. */
  public Path connFile(Variant variant) {
    return variantFolder(variant).resolve(variant.fileName("conn", 0));
  }

  public Path expectedFile() {
    return folder.resolve(EXPECTED);
  }

  void writeManifest() throws IOException {
    Properties properties = new Properties();
    properties.setProperty("spec", spec.describe());
    properties.setProperty("variants", String.join(",",
        spec.variants().stream().map(Variant::folderName).toList()));
    properties.setProperty("ssh.rows", Long.toString(sshRows));
    properties.setProperty("conn.rows", Long.toString(connRows));
    properties.setProperty("expected.detections", Integer.toString(expectedDetections));
    for (Map.Entry<Variant, Long> entry : sshBytes.entrySet()) {
      properties.setProperty("ssh.bytes." + entry.getKey().folderName(), entry.getValue().toString());
    }
    for (Map.Entry<Variant, Long> entry : connBytes.entrySet()) {
      properties.setProperty("conn.bytes." + entry.getKey().folderName(), entry.getValue().toString());
    }
    try (OutputStream out = Files.newOutputStream(folder.resolve(MANIFEST))) {
      properties.store(out, "gatehouse bench data set");
    }
  }

  /**
   * Returns the data set in {@code folder} when its manifest exists and records the same spec,
   * or {@code null} when it must be generated.
   */
  public static GeneratedDataSet readIfComplete(Path folder, DataSetSpec spec) throws IOException {
    Path manifest = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(manifest)) {
      properties.load(in);
    }
    if (!spec.describe().equals(properties.getProperty("spec"))) {
      return null;
    }
    Map<Variant, Long> ssh = new EnumMap<>(Variant.class);
    Map<Variant, Long> conn = new EnumMap<>(Variant.class);
    for (Variant variant : spec.variants()) {
      String sshValue = properties.getProperty("ssh.bytes." + variant.folderName());
      if (sshValue == null) {
        return null;
      }
      ssh.put(variant, Long.parseLong(sshValue));
      conn.put(variant, Long.parseLong(properties.getProperty("conn.bytes." + variant.folderName(), "0")));
    }
    return new GeneratedDataSet(folder, spec,
        Long.parseLong(properties.getProperty("ssh.rows")),
        Long.parseLong(properties.getProperty("conn.rows")),
        Integer.parseInt(properties.getProperty("expected.detections")), ssh, conn);
  }
}
