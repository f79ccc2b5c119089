package dev.gatehouse.bench.generate;

import dev.gatehouse.bench.Sizes;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of the data generator. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
        "Writes Zeek ssh.log and conn.log with matching uids, and expected.jsonl with the"
            + " detections gatehouse must report for them with its default settings.",
        "Give --rows or --size. Each variant goes to its own folder under --out."})
public final class Generate implements Callable<Integer> {

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to write the data set to; created when missing.")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "The seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rows", paramLabel = "N", description = "The number of ssh.log rows.")
  Long rows;

  @Option(names = "--size", paramLabel = "SIZE",
      description = "The size of the ssh.log in Zeek TSV, such as 50MB or 1GB (decimal units;"
          + " KiB, MiB and GiB are binary).")
  String size;

  @Option(names = "--conn-ratio", defaultValue = "20", paramLabel = "N",
      description = "conn.log rows per ssh.log row, 0 for no conn.log (default ${DEFAULT-VALUE}).")
  int connRatio;

  @Option(names = "--hours", defaultValue = "24", paramLabel = "N",
      description = "Hours the data spans; rotated variants get one file per hour"
          + " (default ${DEFAULT-VALUE}).")
  int hours;

  @Option(names = "--variant", split = ",", paramLabel = "VARIANT",
      defaultValue = "tsv,json,tsv-gz,tsv-rotated",
      description = "Variants to write: tsv, json, tsv-gz, json-gz, tsv-rotated, json-rotated"
          + " (default ${DEFAULT-VALUE}).")
  List<String> variants;

  @Override
  public Integer call() throws Exception {
    if ((rows == null) == (size == null)) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "give exactly one of --rows and --size");
    }
    EnumSet<Variant> chosen = EnumSet.noneOf(Variant.class);
    for (String name : variants) {
      chosen.add(Variant.parse(name));
    }
    DataSetSpec spec = new DataSetSpec(seed, rows == null ? 0 : rows,
        size == null ? 0 : Sizes.parseBytes(size), connRatio, hours, chosen);
    long started = System.nanoTime();
    GeneratedDataSet dataSet = Generator.generate(spec, out);
    System.err.printf(Locale.ROOT,
        "generate: %d ssh rows, %d conn rows, %d expected detections in %s (%.1f s)%n",
        dataSet.sshRows(), dataSet.connRows(), dataSet.expectedDetections(), out,
        (System.nanoTime() - started) / 1e9);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Generate()).execute(args));
  }
}
