package dev.gatehouse.site;

import dev.gatehouse.core.assess.NoveltySettings;
import dev.gatehouse.core.assess.ScoringSettings;
import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.site.SiteAssessment.GeoIpFiles;
import dev.gatehouse.site.SiteAssessment.InventoryFile;
import dev.gatehouse.site.SiteAssessment.ListFormat;
import dev.gatehouse.site.SiteAssessment.NoveltyFile;
import dev.gatehouse.site.SiteAssessment.ThreatListFile;
import dev.gatehouse.site.YamlNode.Entry;
import dev.gatehouse.site.YamlNode.Mapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the site file's sections of data sources and thresholds: {@code scoring}, {@code
 * geoip}, {@code threat_lists}, {@code inventory} and {@code novelty}. Only the structure is
 * checked here; whether the files exist and what they contain is checked when they are loaded.
 */
final class EnrichmentSections {

  private static final String SEVERITIES = "low, medium, high or critical";

  private final Problems problems;
  private final Values values;
  private final Path siteFile;

  private long bruteForceMinFailures = ScoringSettings.DEFAULTS.bruteForceMinFailures();
  private long sprayingMinHosts = ScoringSettings.DEFAULTS.sprayingMinHosts();
  private long exfiltrationMinBytes = ScoringSettings.DEFAULTS.exfiltrationMinBytes();
  private long longSessionMinMicros = ScoringSettings.DEFAULTS.longSessionMinMicros();
  private GeoIpFiles geoip;
  private final List<ThreatListFile> threatLists = new ArrayList<>();
  private InventoryFile inventory;
  private NoveltyFile novelty;

  EnrichmentSections(Problems problems, Path siteFile) {
    this.problems = problems;
    this.values = new Values(problems);
    this.siteFile = siteFile;
  }

  ScoringSettings scoring() {
    return new ScoringSettings(bruteForceMinFailures, sprayingMinHosts, exfiltrationMinBytes,
        longSessionMinMicros);
  }

  GeoIpFiles geoip() {
    return geoip;
  }

  List<ThreatListFile> threatLists() {
    return threatLists;
  }

  InventoryFile inventory() {
    return inventory;
  }

  NoveltyFile novelty() {
    return novelty;
  }

  void readScoring(YamlNode node) {
    Map<String, Consumer<Entry>> readers = new LinkedHashMap<>();
    readers.put("brute_force_min_failures", entry -> {
      Long value = values.whole(entry.value(), entry.key(), "a whole number of failed sessions", 1,
          Integer.MAX_VALUE);
      if (value != null) {
        bruteForceMinFailures = value;
      }
    });
    readers.put("spraying_min_hosts", entry -> {
      Long value = values.whole(entry.value(), entry.key(), "a whole number of hosts", 1, Integer.MAX_VALUE);
      if (value != null) {
        sprayingMinHosts = value;
      }
    });
    readers.put("exfiltration_min_bytes", entry -> {
      Long value = values.whole(entry.value(), entry.key(), "a whole number of bytes", 1, Long.MAX_VALUE);
      if (value != null) {
        exfiltrationMinBytes = value;
      }
    });
    readers.put("long_session_min_seconds", entry -> {
      Long value = values.micros(entry.value(), entry.key(), 1);
      if (value != null) {
        longSessionMinMicros = value;
      }
    });
    values.fields(node, "scoring", readers);
  }

  void readGeoIp(YamlNode node) {
    Path[] files = new Path[2];
    Map<String, Consumer<Entry>> readers = new LinkedHashMap<>();
    readers.put("location", entry -> files[0] = values.path(entry.value(), "geoip.location", siteFile));
    readers.put("asn", entry -> files[1] = values.path(entry.value(), "geoip.asn", siteFile));
    Mapping mapping = values.fields(node, "geoip", readers);
    if (mapping == null) {
      return;
    }
    if (mapping.entries().isEmpty()) {
      problems.warning(node, "'geoip' names no database, so sources get no country, city or"
          + " autonomous system; set 'location' (a City or Country .mmdb) or 'asn' (an ASN .mmdb)");
      return;
    }
    if (files[0] != null || files[1] != null) {
      geoip = new GeoIpFiles(files[0], files[1], node.line());
    }
  }

  void readThreatLists(YamlNode node) {
    if (SiteValidator.isReported(node) || SiteValidator.isNull(node)) {
      return;
    }
    List<YamlNode> items = values.list(node, "threat_lists",
        "[{name: known-bad, severity: high, file: known-bad.txt}]");
    if (items == null) {
      return;
    }
    Map<String, Integer> names = new HashMap<>();
    for (YamlNode item : items) {
      ThreatListFile list = readThreatList(item);
      if (list == null) {
        continue;
      }
      Integer firstLine = names.putIfAbsent(list.name(), list.line());
      if (firstLine != null) {
        problems.error(item, "the threat list name '" + list.name() + "' is already used on line " + firstLine
            + "; give each list its own name");
        continue;
      }
      threatLists.add(list);
    }
  }

  private ThreatListFile readThreatList(YamlNode item) {
    String[] text = new String[4];
    Severity[] severity = new Severity[1];
    Path[] file = new Path[1];
    Map<String, Consumer<Entry>> readers = new LinkedHashMap<>();
    readers.put("name", entry -> text[0] = values.string(entry.value(), "name"));
    readers.put("severity", entry -> severity[0] = severity(entry.value(), "severity"));
    readers.put("file", entry -> file[0] = values.path(entry.value(), "file", siteFile));
    readers.put("format", entry -> text[1] = values.string(entry.value(), "format"));
    readers.put("column", entry -> text[2] = values.string(entry.value(), "column"));
    int errorsBefore = problems.errorCount();
    Mapping mapping = values.fields(item, "threat_lists", readers);
    if (mapping == null) {
      return null;
    }
    boolean complete = true;
    for (String key : List.of("name", "severity", "file")) {
      if (mapping.entries().stream().noneMatch(entry -> entry.key().equals(key))) {
        problems.error(item, "a threat list needs 'name', 'severity' and 'file'; '" + key + "' is missing");
        complete = false;
      }
    }
    ListFormat format = format(mapping, text[1], file[0]);
    if (format == ListFormat.CSV && text[2] == null && !hasKey(mapping, "column")) {
      problems.error(item, "a CSV threat list needs 'column', the header name of its address column,"
          + " such as column: ip");
      complete = false;
    }
    if (format == ListFormat.TEXT && text[2] != null) {
      problems.error(keyNode(mapping, "column"), "'column' applies only to 'format: csv'; a text list has"
          + " one address or CIDR per line");
      complete = false;
    }
    if (!complete || format == null || problems.errorCount() > errorsBefore) {
      return null;
    }
    return new ThreatListFile(text[0], severity[0], file[0], format, text[2], item.line());
  }

  /** Returns the list's format: as given, else CSV for a file ending in .csv, else text. */
  private ListFormat format(Mapping mapping, String given, Path file) {
    if (given == null) {
      if (hasKey(mapping, "format")) {
        return null;
      }
      return file != null && file.toString().toLowerCase(Locale.ROOT).endsWith(".csv")
          ? ListFormat.CSV : ListFormat.TEXT;
    }
    return switch (given.toLowerCase(Locale.ROOT)) {
      case "text" -> ListFormat.TEXT;
      case "csv" -> ListFormat.CSV;
      default -> {
        problems.error(keyNode(mapping, "format"), "'format' must be text or csv, not '" + given + "'");
        yield null;
      }
    };
  }

  void readInventory(YamlNode node) {
    Path[] file = new Path[1];
    Map<String, Consumer<Entry>> readers = new LinkedHashMap<>();
    readers.put("file", entry -> file[0] = values.path(entry.value(), "inventory.file", siteFile));
    Mapping mapping = values.fields(node, "inventory", readers);
    if (mapping == null || SiteValidator.isNull(node)) {
      return;
    }
    if (!hasKey(mapping, "file")) {
      values.missing(node, "inventory", "file", "assets.csv");
    } else if (file[0] != null) {
      inventory = new InventoryFile(file[0], node.line());
    }
  }

  void readNovelty(YamlNode node) {
    Path[] file = new Path[1];
    int[] prefixes = {NoveltySettings.DEFAULTS.ipv4PrefixLength(), NoveltySettings.DEFAULTS.ipv6PrefixLength()};
    Map<String, Consumer<Entry>> readers = new LinkedHashMap<>();
    readers.put("state_file", entry -> file[0] = values.path(entry.value(), "novelty.state_file", siteFile));
    readers.put("ipv4_prefix", entry -> {
      Long value = values.whole(entry.value(), entry.key(), "a prefix length", 1, 32);
      if (value != null) {
        prefixes[0] = value.intValue();
      }
    });
    readers.put("ipv6_prefix", entry -> {
      Long value = values.whole(entry.value(), entry.key(), "a prefix length", 1, 128);
      if (value != null) {
        prefixes[1] = value.intValue();
      }
    });
    Mapping mapping = values.fields(node, "novelty", readers);
    if (mapping == null || SiteValidator.isNull(node)) {
      return;
    }
    if (!hasKey(mapping, "state_file")) {
      values.missing(node, "novelty", "state_file", "state/novelty.json");
    } else if (file[0] != null) {
      novelty = new NoveltyFile(file[0], new NoveltySettings(prefixes[0], prefixes[1]), node.line());
    }
  }

  /** Returns the severity in {@code node}, or {@code null} after reporting. */
  Severity severity(YamlNode node, String key) {
    String text = values.string(node, key);
    if (text == null) {
      return null;
    }
    Severity severity = Severity.parse(text);
    if (severity == null) {
      problems.error(node, "'" + key + "' must be " + SEVERITIES + ", not '" + text + "'");
    }
    return severity;
  }

  private static boolean hasKey(Mapping mapping, String key) {
    return mapping.entries().stream().anyMatch(entry -> entry.key().equals(key));
  }

  private static YamlNode keyNode(Mapping mapping, String key) {
    return mapping.entries().stream().filter(entry -> entry.key().equals(key)).findFirst()
        .map(Entry::value).orElse(mapping);
  }
}
