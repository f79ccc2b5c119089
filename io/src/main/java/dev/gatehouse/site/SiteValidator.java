package dev.gatehouse.site;

import dev.gatehouse.core.model.LikelyThresholds;
import dev.gatehouse.site.YamlNode.Entry;
import dev.gatehouse.site.YamlNode.Mapping;
import dev.gatehouse.site.YamlNode.Scalar;
import dev.gatehouse.site.YamlNode.ScalarType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns the YAML tree of a site file into a {@link SiteConfig}, reporting every key, type and
 * value that breaks the schema and keeping the defaults in their place.
 */
final class SiteValidator {

  /** A top-level key and the method that reads its value. */
  private record Section(String key, BiConsumer<SiteValidator, YamlNode> reader) {}

  /**
   * The top-level keys, in the order the messages list them. Any other top-level key is an error,
   * so that a section added later is never silently ignored by an older version.
   */
  private static final List<Section> SECTIONS = List.of(
      new Section("internal", SiteValidator::readInternal),
      new Section("likely", SiteValidator::readLikely),
      new Section("evidence", SiteValidator::readEvidence),
      new Section("scoring", (validator, node) -> validator.enrichment.readScoring(node)),
      new Section("geoip", (validator, node) -> validator.enrichment.readGeoIp(node)),
      new Section("threat_lists", (validator, node) -> validator.enrichment.readThreatLists(node)),
      new Section("inventory", (validator, node) -> validator.enrichment.readInventory(node)),
      new Section("novelty", (validator, node) -> validator.enrichment.readNovelty(node)),
      new Section("triage", (validator, node) -> validator.triage.read(node)));

  /** The top-level keys of a site file. */
  static final List<String> TOP_LEVEL_KEYS = SECTIONS.stream().map(Section::key).toList();

  private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000L);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

  private final Problems problems;
  private final InternalNetworks internal;
  private final EnrichmentSections enrichment;
  private final TriageSection triage;
  private long minDurationMicros = LikelyThresholds.DEFAULTS.minDurationMicros();
  private long minOriginatorBytes = LikelyThresholds.DEFAULTS.minOriginatorBytes();
  private long minResponderBytes = LikelyThresholds.DEFAULTS.minResponderBytes();
  private int maxEvidence = SiteConfig.DEFAULT_MAX_EVIDENCE;

  private SiteValidator(Problems problems, Path source) {
    this.problems = problems;
    this.internal = new InternalNetworks(problems);
    this.enrichment = new EnrichmentSections(problems, source);
    this.triage = new TriageSection(problems, enrichment);
  }

  /**
   * Returns the configuration that {@code root} describes, with defaults for what it leaves out
   * or gets wrong. {@code root} is {@code null} for a file without a document.
   */
  static SiteConfig validate(YamlNode root, Path source, Problems problems) {
    SiteValidator validator = new SiteValidator(problems, source);
    if (root == null) {
      if (!problems.hasErrors()) {
        problems.warning(0, 0, "the file is empty, so every setting has its default");
      }
    } else if (root instanceof Mapping mapping) {
      validator.readTopLevel(mapping);
    } else {
      problems.error(root, "a site file must be a mapping with the keys "
          + String.join(", ", TOP_LEVEL_KEYS) + ", not " + root.describe());
    }
    LikelyThresholds likely = new LikelyThresholds(
        validator.minDurationMicros, validator.minOriginatorBytes, validator.minResponderBytes);
    EnrichmentSections sections = validator.enrichment;
    SiteAssessment assessment = new SiteAssessment(sections.geoip(), sections.threatLists(),
        sections.inventory(), sections.scoring(), sections.novelty(), validator.triage.rules());
    return new SiteConfig(validator.internal.networks(), likely, validator.maxEvidence, source, assessment);
  }

  private void readTopLevel(Mapping root) {
    for (Entry entry : root.entries()) {
      Section section = SECTIONS.stream()
          .filter(candidate -> candidate.key().equals(entry.key()))
          .findFirst()
          .orElse(null);
      if (section == null) {
        problems.error(entry.line(), entry.column(), "unknown key '" + entry.key()
            + "'; the allowed top-level keys are " + String.join(", ", TOP_LEVEL_KEYS));
      } else {
        section.reader().accept(this, entry.value());
      }
    }
  }

  private void readInternal(YamlNode node) {
    internal.read(node);
  }

  private void readLikely(YamlNode node) {
    Map<String, Consumer<YamlNode>> fields = new LinkedHashMap<>();
    fields.put("min_duration_seconds", value -> {
      BigDecimal seconds = nonNegativeNumber(value, "min_duration_seconds", "a number of seconds");
      if (seconds != null) {
        // Durations are held in microseconds, so finer fractions are rounded to the nearest one.
        BigDecimal micros = seconds.multiply(MICROS_PER_SECOND).setScale(0, RoundingMode.HALF_UP);
        if (micros.compareTo(MAX_LONG) > 0) {
          problems.error(value, "'min_duration_seconds' is too large: " + text(value)
              + "; the maximum is " + Long.MAX_VALUE / 1_000_000L + " seconds");
        } else {
          minDurationMicros = micros.longValueExact();
        }
      }
    });
    fields.put("min_originator_bytes", value -> {
      Long bytes = wholeNumber(value, "min_originator_bytes", "a whole number of bytes", MAX_LONG);
      if (bytes != null) {
        minOriginatorBytes = bytes;
      }
    });
    fields.put("min_responder_bytes", value -> {
      Long bytes = wholeNumber(value, "min_responder_bytes", "a whole number of bytes", MAX_LONG);
      if (bytes != null) {
        minResponderBytes = bytes;
      }
    });
    readFields(node, "likely", fields);
  }

  private void readEvidence(YamlNode node) {
    Map<String, Consumer<YamlNode>> fields = new LinkedHashMap<>();
    fields.put("max_sessions", value -> {
      Long sessions = wholeNumber(value, "max_sessions", "a whole number of sessions", MAX_INT);
      if (sessions != null) {
        maxEvidence = Math.toIntExact(sessions);
      }
    });
    readFields(node, "evidence", fields);
  }

  /**
   * Reads the mapping {@code node} of section {@code section}, passing each known key's value to
   * its reader. An empty value ({@code likely:} alone) is read as an empty mapping.
   */
  private void readFields(YamlNode node, String section, Map<String, Consumer<YamlNode>> fields) {
    if (isNull(node) || isReported(node)) {
      return;
    }
    if (!(node instanceof Mapping mapping)) {
      problems.error(node, "'" + section + "' must be a mapping, not " + node.describe());
      return;
    }
    for (Entry entry : mapping.entries()) {
      Consumer<YamlNode> reader = fields.get(entry.key());
      if (reader == null) {
        problems.error(entry.line(), entry.column(), "unknown key '" + entry.key() + "' in '"
            + section + "'; " + allowedKeys(List.copyOf(fields.keySet())));
      } else {
        reader.accept(entry.value());
      }
    }
  }

  /** Returns "the allowed keys are a, b" or "the only allowed key is a". */
  static String allowedKeys(List<String> keys) {
    return keys.size() == 1
        ? "the only allowed key is " + keys.get(0)
        : "the allowed keys are " + String.join(", ", keys);
  }

  /** Returns the number in {@code node}, or {@code null} after reporting why it is not one. */
  private BigDecimal nonNegativeNumber(YamlNode node, String key, String expected) {
    if (isReported(node)) {
      return null;
    }
    if (!(node instanceof Scalar scalar) || scalar.type() != ScalarType.NUMBER) {
      String hint = isNumberText(node) ? "; remove the quotes" : "";
      problems.error(node, "'" + key + "' must be " + expected + ", not " + node.describe() + hint);
      return null;
    }
    if (scalar.number().signum() < 0) {
      problems.error(node, "'" + key + "' must not be negative: " + scalar.text());
      return null;
    }
    return scalar.number();
  }

  /** Returns the whole number from 0 to {@code max} in {@code node}, or {@code null} after reporting. */
  private Long wholeNumber(YamlNode node, String key, String expected, BigDecimal max) {
    BigDecimal number = nonNegativeNumber(node, key, expected);
    if (number == null) {
      return null;
    }
    if (number.stripTrailingZeros().scale() > 0) {
      problems.error(node, "'" + key + "' must be " + expected + ": " + text(node));
      return null;
    }
    if (number.compareTo(max) > 0) {
      problems.error(node, "'" + key + "' is too large: " + text(node) + "; the maximum is "
          + max.toPlainString());
      return null;
    }
    return number.longValueExact();
  }

  private static boolean isNumberText(YamlNode node) {
    if (!(node instanceof Scalar scalar) || scalar.type() != ScalarType.STRING) {
      return false;
    }
    try {
      new BigDecimal(scalar.text());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String text(YamlNode node) {
    return node instanceof Scalar scalar ? scalar.text() : node.describe();
  }

  static boolean isNull(YamlNode node) {
    return node instanceof Scalar scalar && scalar.type() == ScalarType.NULL;
  }

  static boolean isReported(YamlNode node) {
    return node instanceof Scalar scalar && scalar.type() == ScalarType.REPORTED;
  }
}
