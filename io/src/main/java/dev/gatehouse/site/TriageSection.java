package dev.gatehouse.site;

import dev.gatehouse.core.assess.Glob;
import dev.gatehouse.core.assess.RuleConditions;
import dev.gatehouse.core.assess.Severity;
import dev.gatehouse.core.assess.TimeWindow;
import dev.gatehouse.core.assess.TriageAction;
import dev.gatehouse.core.assess.TriageRule;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.site.YamlNode.Entry;
import dev.gatehouse.site.YamlNode.Mapping;
import dev.gatehouse.site.YamlNode.Scalar;
import dev.gatehouse.site.YamlNode.ScalarType;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code triage} section: a list of rules that suppress or downgrade detections.
 * Every rule needs an id, an owner, a reason, an action and at least one condition under
 * {@code match}, because a rule without conditions would apply to every detection.
 */
final class TriageSection {

  private static final List<String> RULE_KEYS =
      List.of("id", "owner", "reason", "expires", "action", "downgrade_to", "match");
  private static final Pattern HOURS = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final long MAX_ASN = 4_294_967_295L;
  private static final Map<String, DayOfWeek> DAYS = Map.of(
      "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY,
      "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
      "sun", DayOfWeek.SUNDAY);

  private final Problems problems;
  private final Values values;
  private final EnrichmentSections enrichment;
  private final List<TriageRule> rules = new ArrayList<>();
  private final Map<String, Integer> idLines = new HashMap<>();

  TriageSection(Problems problems, EnrichmentSections enrichment) {
    this.problems = problems;
    this.values = new Values(problems);
    this.enrichment = enrichment;
  }

  List<TriageRule> rules() {
    return rules;
  }

  void read(YamlNode node) {
    if (SiteValidator.isReported(node) || SiteValidator.isNull(node)) {
      return;
    }
    List<YamlNode> items = values.list(node, "triage",
        "[{id: ..., owner: ..., reason: ..., action: suppress, match: {...}}]");
    if (items == null) {
      return;
    }
    for (YamlNode item : items) {
      TriageRule rule = readRule(item);
      if (rule != null) {
        rules.add(rule);
      }
    }
  }

  /** The parts of one rule as they are read. */
  private static final class Draft {
    String id;
    String owner;
    String reason;
    LocalDate expires;
    TriageAction action;
    Severity downgradeTo;
    Entry downgradeEntry;
    RuleConditions conditions;
  }

  private TriageRule readRule(YamlNode item) {
    int errorsBefore = problems.errorCount();
    Draft draft = new Draft();
    Map<String, Consumer<Entry>> readers = new LinkedHashMap<>();
    readers.put("id", entry -> draft.id = readId(entry.value()));
    readers.put("owner", entry -> draft.owner = values.string(entry.value(), "owner"));
    readers.put("reason", entry -> draft.reason = values.string(entry.value(), "reason"));
    readers.put("expires", entry -> draft.expires = readDate(entry.value()));
    readers.put("action", entry -> draft.action = readAction(entry.value()));
    readers.put("downgrade_to", entry -> {
      draft.downgradeEntry = entry;
      draft.downgradeTo = enrichment.severity(entry.value(), "downgrade_to");
    });
    readers.put("match", entry -> draft.conditions = readConditions(entry.value()));
    Mapping mapping = values.fields(item, "triage", readers);
    if (mapping == null) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    for (String key : List.of("id", "owner", "reason", "action", "match")) {
      if (mapping.entries().stream().noneMatch(entry -> entry.key().equals(key))) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      String name = draft.id == null ? "a triage rule" : "triage rule '" + draft.id + "'";
      problems.error(item, name + " has no " + String.join(", ", missing.stream().map(k -> "'" + k + "'")
          .toList()) + "; every rule needs " + String.join(", ", RULE_KEYS.stream()
          .filter(k -> !k.equals("expires") && !k.equals("downgrade_to")).toList()));
    }
    if (draft.action == TriageAction.SUPPRESS && draft.downgradeEntry != null) {
      problems.error(draft.downgradeEntry.line(), draft.downgradeEntry.column(),
          "'downgrade_to' applies only to 'action: downgrade'; remove it or change the action");
    }
    if (problems.errorCount() > errorsBefore) {
      return null;
    }
    return new TriageRule(draft.id, draft.owner, draft.reason, draft.expires, draft.action, draft.downgradeTo,
        draft.conditions, item.line());
  }

  private String readId(YamlNode node) {
    String id = values.string(node, "id");
    if (id == null) {
      return null;
    }
    Integer firstLine = idLines.putIfAbsent(id, node.line());
    if (firstLine != null) {
      problems.error(node, "the rule id '" + id + "' is already used on line " + firstLine
          + "; give each rule its own id");
      return null;
    }
    return id;
  }

  private LocalDate readDate(YamlNode node) {
    String text = values.string(node, "expires");
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.error(node, "'expires' must be a date such as 2025-12-31, not '" + text + "'");
      return null;
    }
  }

  private TriageAction readAction(YamlNode node) {
    String text = values.string(node, "action");
    if (text == null) {
      return null;
    }
    for (TriageAction action : TriageAction.values()) {
      if (action.label().equalsIgnoreCase(text)) {
        return action;
      }
    }
    problems.error(node, "'action' must be suppress or downgrade, not '" + text + "'");
    return null;
  }

  /** The conditions of one rule as they are read. */
  private static final class When {
    final List<Cidr> sourceCidrs = new ArrayList<>();
    final List<Long> sourceAsns = new ArrayList<>();
    final List<String> sourceCountries = new ArrayList<>();
    final List<Cidr> destinationCidrs = new ArrayList<>();
    final List<Glob> hosts = new ArrayList<>();
    final List<String> roles = new ArrayList<>();
    final List<Integer> destinationPorts = new ArrayList<>();
    final List<Glob> clientBanners = new ArrayList<>();
    final List<String> hostKeys = new ArrayList<>();
    TimeWindow time;
  }

  private RuleConditions readConditions(YamlNode node) {
    When when = new When();
    Map<String, Consumer<Entry>> readers = new LinkedHashMap<>();
    readers.put("source_cidrs", entry -> eachString(entry, "[203.0.113.0/24]", (item, text) ->
        add(when.sourceCidrs, cidr(item, text))));
    readers.put("source_asns", entry -> eachItem(entry, "[64500]", item ->
        add(when.sourceAsns, values.whole(item, "source_asns", "an autonomous system number", 0, MAX_ASN))));
    readers.put("source_countries", entry -> eachString(entry, "[SE, NO]", (item, text) ->
        add(when.sourceCountries, country(item, text))));
    readers.put("destination_cidrs", entry -> eachString(entry, "[10.47.8.0/24]", (item, text) ->
        add(when.destinationCidrs, cidr(item, text))));
    readers.put("hosts", entry -> eachString(entry, "[\"bastion-*\"]", (item, text) ->
        when.hosts.add(Glob.ignoringCase(text))));
    readers.put("roles", entry -> eachString(entry, "[bastion]", (item, text) -> when.roles.add(text)));
    readers.put("destination_ports", entry -> eachItem(entry, "[22]", item -> {
      Long port = values.whole(item, "destination_ports", "a port number", 0, 65_535);
      add(when.destinationPorts, port == null ? null : port.intValue());
    }));
    readers.put("client_banners", entry -> eachString(entry, "[\"SSH-2.0-OpenSSH_*\"]", (item, text) ->
        when.clientBanners.add(Glob.of(text))));
    readers.put("host_keys", entry -> eachString(entry, "[\"79:f0:93:5b:...\"]", (item, text) ->
        when.hostKeys.add(text)));
    readers.put("time", entry -> when.time = readTime(entry.value()));
    Mapping mapping = values.fields(node, "match", readers);
    if (mapping == null) {
      return null;
    }
    RuleConditions conditions = new RuleConditions(when.sourceCidrs, when.sourceAsns, when.sourceCountries,
        when.destinationCidrs, when.hosts, when.roles, when.destinationPorts, when.clientBanners,
        when.hostKeys, when.time);
    if (mapping.entries().isEmpty()) {
      problems.error(node, "'match' sets no condition, so the rule would apply to every detection; add at"
          + " least one of " + String.join(", ", readers.keySet()));
      return null;
    }
    return conditions;
  }

  private interface ItemReader {
    void read(YamlNode item, String text);
  }

  private void eachItem(Entry entry, String example, Consumer<YamlNode> reader) {
    List<YamlNode> items = values.list(entry.value(), entry.key(), example);
    if (items != null) {
      items.forEach(reader);
    }
  }

  private void eachString(Entry entry, String example, ItemReader reader) {
    eachItem(entry, example, item -> {
      String text = values.string(item, "an item of '" + entry.key() + "'");
      if (text != null) {
        reader.read(item, text);
      }
    });
  }

  private static <T> void add(List<T> list, T value) {
    if (value != null) {
      list.add(value);
    }
  }

  private Cidr cidr(YamlNode node, String text) {
    try {
      return Cidr.parse(text);
    } catch (IllegalArgumentException e) {
      problems.error(node, e.getMessage());
      return null;
    }
  }

  private String country(YamlNode node, String text) {
    if (!COUNTRY.matcher(text).matches()) {
      problems.error(node, "'" + text + "' is not a country code: use the two letters of ISO 3166-1,"
          + " such as SE or US");
      return null;
    }
    return text.toUpperCase(Locale.ROOT);
  }

  private TimeWindow readTime(YamlNode node) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    int[] span = {-1, -1};
    long[] bounds = {Long.MIN_VALUE, Long.MAX_VALUE};
    int errorsBefore = problems.errorCount();
    Map<String, Consumer<Entry>> readers = new LinkedHashMap<>();
    readers.put("days", entry -> eachString(entry, "[mon, tue, wed, thu, fri]", (item, text) -> {
      DayOfWeek day = DAYS.get(text.toLowerCase(Locale.ROOT));
      if (day == null) {
        problems.error(item, "'" + text + "' is not a day: use mon, tue, wed, thu, fri, sat or sun");
      } else {
        days.add(day);
      }
    }));
    readers.put("hours", entry -> readHours(entry.value(), span));
    readers.put("from", entry -> bounds[0] = moment(entry.value(), "from", bounds[0]));
    YamlNode[] until = new YamlNode[1];
    readers.put("until", entry -> {
      until[0] = entry.value();
      bounds[1] = moment(entry.value(), "until", bounds[1]);
    });
    Mapping mapping = values.fields(node, "time", readers);
    if (mapping == null) {
      return null;
    }
    if (mapping.entries().isEmpty()) {
      problems.error(node, "'time' sets no window; add days, hours, from or until");
      return null;
    }
    if (bounds[0] >= bounds[1]) {
      problems.error(until[0], "'from' must come before 'until'");
    }
    if (problems.errorCount() > errorsBefore) {
      return null;
    }
    return new TimeWindow(days, span[0], span[1], bounds[0], bounds[1]);
  }

  private void readHours(YamlNode node, int[] span) {
    String text = values.string(node, "hours");
    if (text == null) {
      return;
    }
    Matcher matcher = HOURS.matcher(text);
    String expected = "'hours' must be a span of the day in UTC such as \"08:00-18:00\" or \"22:00-06:00\",";
    if (!matcher.matches()) {
      problems.error(node, expected + " not '" + text + "'");
      return;
    }
    int start = minutes(matcher.group(1), matcher.group(2));
    int end = minutes(matcher.group(3), matcher.group(4));
    if (start < 0 || end < 0 || start == 1440) {
      problems.error(node, expected + " not '" + text + "': hours run from 00:00 to 24:00");
      return;
    }
    if (start == end) {
      problems.error(node, "'hours' '" + text + "' is empty: the start equals the end");
      return;
    }
    span[0] = start;
    span[1] = end == 0 ? 1440 : end;
  }

  /** Returns the minutes of {@code hh:mm}, 0 to 1440, or -1 when out of range. */
  private static int minutes(String hours, String minutes) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (m > 59 || h > 24 || (h == 24 && m > 0)) {
      return -1;
    }
    return h * 60 + m;
  }

  /** Returns the moment in {@code node} in microseconds since the epoch, or {@code fallback}. */
  private long moment(YamlNode node, String key, long fallback) {
    if (node instanceof Scalar scalar && scalar.type() == ScalarType.STRING) {
      String text = scalar.text().strip();
      try {
        Instant instant = text.length() == 10
            ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(text);
        return Math.multiplyExact(instant.getEpochSecond(), 1_000_000L) + instant.getNano() / 1_000L;
      } catch (DateTimeException | ArithmeticException e) {
        // Reported below with the expected forms.
      }
    }
    problems.error(node, "'" + key + "' must be a date such as 2025-01-31 or a UTC time such as"
        + " 2025-01-31T18:00:00Z, not " + node.describe());
    return fallback;
  }
}
