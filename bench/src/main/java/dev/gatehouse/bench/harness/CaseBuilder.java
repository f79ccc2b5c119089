package dev.gatehouse.bench.harness;

import dev.gatehouse.bench.generate.GeneratedDataSet;
import dev.gatehouse.bench.generate.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds the benchmark cases and the command line of each tool in them. */
final class CaseBuilder {

  private CaseBuilder() {}

  /** Returns the tsv, json or gzip case: one ssh.log of the main data set, no conn.log. */
  static BenchCase sshOnly(String id, GeneratedDataSet data, Toolbox tools, int runs, int jqRuns)
      throws IOException {
    List<Tool> list = new ArrayList<>();
    Variant variant = switch (id) {
      case "tsv" -> Variant.TSV;
      case "json" -> Variant.JSON;
      default -> Variant.TSV_GZ;
    };
    Path file = data.sshFile(variant);
    List<Path> files = List.of(file);
    list.add(new Tool("gatehouse", Tool.Role.GATEHOUSE, tools.gatehouse(files), false, runs));
    if (tools.duckdb) {
      list.add(new Tool("DuckDB (JDBC)", Tool.Role.PEER,
          tools.duckdb(variant.json(), files, List.of()), true, runs));
    }
    switch (variant) {
      case TSV -> {
        if (tools.awk != null) {
          list.add(new Tool(tools.awkName(), Tool.Role.PEER, tools.awk(files), true, runs));
        }
        if (tools.readLimits) {
          list.add(new Tool("cat", Tool.Role.READ_LIMIT, tools.cat(files), false, runs));
        }
      }
      case JSON -> {
        if (tools.jq != null && tools.awk != null) {
          list.add(new Tool("jq | " + tools.awkName(), Tool.Role.PEER, tools.jqAwk(file), true,
              jqRuns));
        }
        if (tools.readLimits) {
          list.add(new Tool("cat", Tool.Role.READ_LIMIT, tools.cat(files), false, runs));
        }
      }
      default -> {
        if (tools.awk != null) {
          list.add(new Tool("zcat | " + tools.awkName(), Tool.Role.PEER, tools.zcatAwk(files), true,
              runs));
        }
        if (tools.readLimits) {
          list.add(new Tool("zcat", Tool.Role.READ_LIMIT, tools.zcat(files), false, runs));
        }
      }
    }
    String title = switch (variant) {
      case TSV -> "ssh.log, Zeek TSV, plain";
      case JSON -> "the same rows as Zeek JSON lines, plain";
      default -> "the same TSV ssh.log as one gzip file";
    };
    return new BenchCase(id, title, data.sshBytes().get(variant), Files.size(file),
        data.sshRows(), files, data.expectedFile(), list);
  }

  /** Returns the conn or rotated case: ssh.log with a conn.log of --conn-ratio times its rows. */
  static BenchCase withConn(String id, GeneratedDataSet data, Toolbox tools, int runs)
      throws IOException {
    boolean rotated = id.equals("rotated");
    Variant variant = rotated ? Variant.TSV_ROTATED : Variant.TSV;
    List<Path> ssh;
    List<Path> conn;
    if (rotated) {
      ssh = listFiles(data.variantFolder(variant), "ssh.");
      conn = listFiles(data.variantFolder(variant), "conn.");
    } else {
      ssh = List.of(data.sshFile(variant));
      conn = List.of(data.connFile(variant));
    }
    List<Path> all = new ArrayList<>(ssh);
    all.addAll(conn);
    List<Tool> list = new ArrayList<>();
    List<Path> gatehouseInputs = rotated ? List.of(data.variantFolder(variant)) : all;
    list.add(new Tool("gatehouse", Tool.Role.GATEHOUSE, tools.gatehouse(gatehouseInputs), false, runs));
    if (tools.duckdb) {
      list.add(new Tool("DuckDB (JDBC)", Tool.Role.PEER, tools.duckdb(false, ssh, conn), true, runs));
    }
    if (tools.awk != null) {
      list.add(rotated
          ? new Tool("zcat | " + tools.awkName(), Tool.Role.PEER, tools.zcatAwk(all), true, runs)
          : new Tool(tools.awkName(), Tool.Role.PEER, tools.awk(all), true, runs));
    }
    if (tools.readLimits) {
      list.add(rotated
          ? new Tool("zcat", Tool.Role.READ_LIMIT, tools.zcat(all), false, runs)
          : new Tool("cat", Tool.Role.READ_LIMIT, tools.cat(all), false, runs));
    }
    long stored = 0;
    for (Path path : all) {
      stored += Files.size(path);
    }
    String title = rotated
        ? "the conn case's rows in " + ssh.size() + " + " + conn.size()
            + " hourly gzip files in one directory"
        : "ssh.log and a conn.log of " + data.spec().connRatio() + "x its rows, Zeek TSV, plain";
    return new BenchCase(id, title,
        data.sshBytes().get(variant) + data.connBytes().get(variant), stored,
        data.sshRows() + data.connRows(), all, data.expectedFile(), list);
  }

  /** Returns the small case: a small TSV ssh.log, for start-up time. */
  static BenchCase small(GeneratedDataSet data, Toolbox tools, int runs) throws IOException {
    BenchCase tsv = sshOnly("tsv", data, tools, runs, runs);
    return new BenchCase("small", "a small ssh.log of " + data.sshRows() + " rows, Zeek TSV",
        tsv.inputBytes(), tsv.storedBytes(), tsv.rows(), tsv.inputs(), tsv.expected(), tsv.tools());
  }

  private static List<Path> listFiles(Path folder, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }
}
