package dev.gatehouse.core.assess;

import dev.gatehouse.core.model.Detection;
import dev.gatehouse.core.net.IpAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The assessment stage: turns each detection of a run into an {@link Alert} with its
 * enrichment, score and triage outcome.
 *
 * <p>The stage runs after the model's {@code finish()} and leaves the detections unchanged.
 * For each run it enriches every detection, records the logins in the novelty history (when one
 * is given), scores every detection, then applies the triage rules. Each step's data comes from
 * the builder, so the stage reads no file and takes no clock; {@code today} decides which rules
 * have expired.
 *
 * <p>Not thread-safe: the novelty history changes during {@link #assess}. Use one instance per
 * run.
 */
public final class Assessor {

  private final GeoLookup geo;
  private final ThreatIntel threats;
  private final AssetInventory inventory;
  private final HostNames hostNames;
  private final ScoringSettings scoring;
  private final List<TriageRule> rules;
  private final NoveltyHistory history;
  private final NoveltySettings novelty;
  private final LocalDate today;

  private Assessor(Builder builder) {
    this.geo = builder.geo;
    this.threats = builder.threats;
    this.inventory = builder.inventory;
    this.hostNames = builder.hostNames;
    this.scoring = builder.scoring;
    this.rules = List.copyOf(builder.rules);
    this.history = builder.history;
    this.novelty = builder.novelty;
    this.today = Objects.requireNonNull(builder.today, "today must be set: it decides which triage rules"
        + " have expired");
  }

  /** Returns a builder without data sources, rules or novelty history, and default thresholds. */
  public static Builder builder() {
    return new Builder();
  }

  /** Assesses the detections of one run, keeping their order. */
  public AssessmentResult assess(List<Detection> detections) {
    Map<IpAddress, SourceGeo> geoBySource = new HashMap<>();
    List<SourceGeo> geos = new ArrayList<>(detections.size());
    List<Enrichment> enrichments = new ArrayList<>(detections.size());
    for (Detection d : detections) {
      SourceGeo sourceGeo = geoBySource.computeIfAbsent(d.source(), geo::lookup);
      geos.add(sourceGeo);
      enrichments.add(new Enrichment(sourceGeo, threats.matches(d.source()), inventory.find(d.destination()),
          hostNames.namesOf(d.destination())));
    }

    NoveltyJudge judge = history == null ? null : new NoveltyJudge(history, novelty);
    int added = judge == null ? -1 : judge.recordAll(detections, geos);

    Scorer scorer = new Scorer(scoring);
    Triage triage = new Triage(rules, today);
    List<Alert> alerts = new ArrayList<>(detections.size());
    for (int i = 0; i < detections.size(); i++) {
      Detection d = detections.get(i);
      Enrichment enrichment = enrichments.get(i);
      List<Factor> noveltyFactors = judge == null ? List.of() : judge.judge(d, geos.get(i));
      Score score = scorer.score(d, enrichment, noveltyFactors);
      Triage.Result triaged = triage.apply(d, enrichment, score);
      alerts.add(new Alert(d, enrichment, triaged.outcome(), triaged.score()));
    }

    long[] decided = triage.decidedCounts();
    long[] matched = triage.matchedCounts();
    List<AssessmentResult.RuleUse> uses = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      TriageRule rule = rules.get(i);
      uses.add(new AssessmentResult.RuleUse(rule, rule.expiredOn(today), decided[i], matched[i]));
    }
    return new AssessmentResult(alerts, uses, added);
  }

  /** Collects the data sources, thresholds, rules and history of an {@link Assessor}. */
  public static final class Builder {

    private GeoLookup geo = GeoLookup.NONE;
    private ThreatIntel threats = ThreatIntel.EMPTY;
    private AssetInventory inventory = AssetInventory.EMPTY;
    private HostNames hostNames = HostNames.NONE;
    private ScoringSettings scoring = ScoringSettings.DEFAULTS;
    private List<TriageRule> rules = List.of();
    private NoveltyHistory history;
    private NoveltySettings novelty = NoveltySettings.DEFAULTS;
    private LocalDate today;

    private Builder() {}

    /** Sets where source addresses are registered. */
    public Builder geo(GeoLookup value) {
      this.geo = Objects.requireNonNull(value, "geo");
      return this;
    }

    /** Sets the threat lists. */
    public Builder threats(ThreatIntel value) {
      this.threats = Objects.requireNonNull(value, "threats");
      return this;
    }

    /** Sets the asset inventory. */
    public Builder inventory(AssetInventory value) {
      this.inventory = Objects.requireNonNull(value, "inventory");
      return this;
    }

    /** Sets the names of internal addresses, such as those from DNS answers. */
    public Builder hostNames(HostNames value) {
      this.hostNames = Objects.requireNonNull(value, "hostNames");
      return this;
    }

    /** Sets the scoring thresholds. */
    public Builder scoring(ScoringSettings value) {
      this.scoring = Objects.requireNonNull(value, "scoring");
      return this;
    }

    /** Sets the triage rules, in file order. */
    public Builder rules(List<TriageRule> value) {
      this.rules = List.copyOf(value);
      return this;
    }

    /**
     * Turns on novelty with {@code value} as the history, which the run updates, and {@code
     * settings} for the source networks. Without this call novelty is off.
     */
    public Builder novelty(NoveltyHistory value, NoveltySettings settings) {
      this.history = Objects.requireNonNull(value, "history");
      this.novelty = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Sets the date, in UTC, that decides which triage rules have expired. */
    public Builder today(LocalDate value) {
      this.today = Objects.requireNonNull(value, "today");
      return this;
    }

    /**
     * Returns the assessor.
     *
     * @throws NullPointerException if {@link #today} was not set
     */
    public Assessor build() {
      return new Assessor(this);
    }
  }
}
