package dev.gatehouse.enrich;

import dev.gatehouse.core.assess.Asset;
import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.site.SiteAssessment.InventoryFile;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the asset inventory: a CSV file whose header names the columns {@code address} (or
 * {@code cidr}), {@code hostname}, {@code owner}, {@code role} and {@code criticality}, in any
 * order and case. Only the address column is required; an empty cell leaves its field unset.
 *
 * <p>Each address cell contains an IPv4 or IPv6 address or CIDR. A row with an invalid address, or
 * with fewer cells than the header, is a warning and is skipped. An invalid criticality is a
 * warning and the row is kept without one. A network listed twice is a warning, and the first
 * row is used. A file that cannot be read or has no address column is an error.
 */
final class InventoryReader {

  static final List<String> COLUMNS = List.of("address", "hostname", "owner", "role", "criticality");

  private final String fileName;
  private final List<FileProblem> problems;

  private InventoryReader(InventoryFile inventory, List<FileProblem> problems) {
    this.fileName = inventory.file().toString();
    this.problems = problems;
  }

  /** Returns the rows of {@code inventory}, adding its problems to {@code problems}. */
  static List<Asset> read(InventoryFile inventory, List<FileProblem> problems) {
    InventoryReader reader = new InventoryReader(inventory, problems);
    try (Reader in = TextFiles.open(inventory.file())) {
      return reader.read(new CsvReader(in));
    } catch (IOException e) {
      problems.add(new FileProblem(reader.fileName, 0, FileProblem.ERROR,
          "the inventory cannot be read: " + TextFiles.describe(inventory.file(), e)));
      return List.of();
    }
  }

  private List<Asset> read(CsvReader in) throws IOException {
    CsvReader.Record header = in.next();
    if (header == null) {
      problems.add(new FileProblem(fileName, 0, FileProblem.WARNING,
          "the inventory is empty, so no destination gets a host name, role or criticality"));
      return List.of();
    }
    Map<String, Integer> columns = columns(header);
    if (columns == null) {
      return List.of();
    }

    List<Asset> assets = new ArrayList<>();
    Map<Cidr, Long> firstLines = new HashMap<>();
    for (CsvReader.Record record = in.next(); record != null; record = in.next()) {
      if (record.problem() != null) {
        warning(record.line(), "the row is not valid CSV: " + record.problem() + "; the row is skipped");
        continue;
      }
      if (record.fields().size() < header.fields().size()) {
        warning(record.line(), "the row has " + record.fields().size() + " cells but the header has "
            + header.fields().size() + "; the row is skipped");
        continue;
      }
      Asset asset = asset(record, columns);
      if (asset == null) {
        continue;
      }
      Long firstLine = firstLines.putIfAbsent(asset.cidr(), record.line());
      if (firstLine != null) {
        warning(record.line(), "'" + asset.cidr() + "' is already listed on line " + firstLine
            + "; the row on line " + firstLine + " is used");
        continue;
      }
      assets.add(asset);
    }
    return assets;
  }

  /** Returns the position of each known column, or {@code null} after reporting a missing address column. */
  private Map<String, Integer> columns(CsvReader.Record header) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
      String column = name.equals("cidr") ? "address" : name;
      if (COLUMNS.contains(column) && !columns.containsKey(column)) {
        columns.put(column, i);
      } else {
        unknown.add("'" + ThreatListReader.printable(header.fields().get(i)) + "'");
      }
    }
    if (!columns.containsKey("address")) {
      problems.add(new FileProblem(fileName, header.line(), FileProblem.ERROR, "the header has no 'address'"
          + " column; the first line must name the columns, such as"
          + " address,hostname,owner,role,criticality"));
      return null;
    }
    if (!unknown.isEmpty()) {
      warning(header.line(), "the columns " + String.join(", ", unknown) + " are not read; the columns"
          + " read are " + String.join(", ", COLUMNS) + " (address may also be called cidr)");
    }
    return columns;
  }

  private Asset asset(CsvReader.Record record, Map<String, Integer> columns) {
    String address = cell(record, columns, "address");
    if (address == null) {
      warning(record.line(), "the address is empty; the row is skipped");
      return null;
    }
    Cidr cidr;
    try {
      cidr = Cidr.parse(address);
    } catch (IllegalArgumentException e) {
      warning(record.line(), ThreatListReader.printable(e.getMessage(), 400) + "; the row is skipped");
      return null;
    }
    Severity criticality = null;
    String criticalityText = cell(record, columns, "criticality");
    if (criticalityText != null) {
      criticality = Severity.parse(criticalityText);
      if (criticality == null) {
        warning(record.line(), "the criticality '" + ThreatListReader.printable(criticalityText)
            + "' is not low, medium, high or critical; the row is used without a criticality");
      }
    }
    return new Asset(cidr, cell(record, columns, "hostname"), cell(record, columns, "owner"),
        cell(record, columns, "role"), criticality, fileName + ":" + record.line());
  }

  /** Returns the stripped cell of {@code column}, or {@code null} when the column is absent or the cell empty. */
  private static String cell(CsvReader.Record record, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    if (index == null) {
      return null;
    }
    String value = record.fields().get(index).strip();
    return value.isEmpty() ? null : value;
  }

  private void warning(long line, String message) {
    problems.add(new FileProblem(fileName, line, FileProblem.WARNING, message));
  }
}
