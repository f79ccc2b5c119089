package dev.gatehouse.cli;

import dev.gatehouse.core.assess.TriageRule;
import dev.gatehouse.enrich.EnrichmentSources;
import dev.gatehouse.enrich.FileProblem;
import dev.gatehouse.enrich.NoveltyStateFile;
import dev.gatehouse.enrich.StateFileException;
import dev.gatehouse.site.SiteAssessment;
import dev.gatehouse.site.SiteConfig;
import dev.gatehouse.site.SiteConfigLoader;
import dev.gatehouse.site.SiteLoadResult;
import dev.gatehouse.site.SiteProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Loads a site file, and the files it names, for a command, printing every problem they have. */
final class SiteFiles {

  private SiteFiles() {}

  /**
   * Returns the site file's configuration, or {@code null} when it has errors. Warnings and
   * errors are printed as {@code FILE:LINE: severity: message}.
   */
  static SiteConfig load(Path file, PrintWriter err) {
    SiteLoadResult result = SiteConfigLoader.load(file);
    for (SiteProblem problem : result.problems()) {
      err.println(problem.format(file.toString()));
    }
    if (result.hasErrors()) {
      err.println("gatehouse: " + file + " has " + result.errors().size()
          + " error(s); run 'gatehouse check-site " + file + "' after fixing them");
      return null;
    }
    return result.config();
  }

  /**
   * Opens the data sources that {@code assessment} names, printing every problem as {@code
   * FILE:LINE: severity: message}.
   *
   * @return the sources, or {@code null} when a file cannot be used
   */
  static EnrichmentSources openSources(SiteAssessment assessment, PrintWriter err) {
    EnrichmentSources sources = EnrichmentSources.open(assessment);
    for (FileProblem problem : sources.problems()) {
      err.println(problem);
    }
    if (sources.hasErrors()) {
      closeQuietly(sources);
      return null;
    }
    return sources;
  }

  /**
   * Returns a warning, in the site file's problem format, for each triage rule that has expired
   * on {@code today}.
   */
  static List<String> expiredRuleWarnings(Path siteFile, List<TriageRule> rules, LocalDate today) {
    List<String> warnings = new ArrayList<>();
    for (TriageRule rule : rules) {
      if (rule.expiredOn(today)) {
        warnings.add(new SiteProblem(rule.line(), 0, SiteProblem.WARNING, "triage rule '" + rule.id()
            + "' expired on " + rule.expires() + " and no longer applies; remove it or move 'expires' to"
            + " a later date").format(siteFile.toString()));
      }
    }
    return warnings;
  }

  /** The result of checking the files that a site file names. */
  record FileCheck(int errors, int warnings, String loaded) {}

  /**
   * Checks every file that {@code config} names, and its triage rules' expiry dates against
   * {@code today}, printing each problem to {@code out}.
   */
  static FileCheck checkNamedFiles(Path siteFile, SiteConfig config, LocalDate today, PrintWriter out) {
    SiteAssessment assessment = config.assessment();
    int errors = 0;
    int warnings = 0;
    String loaded;
    try (EnrichmentSources sources = EnrichmentSources.open(assessment)) {
      for (FileProblem problem : sources.problems()) {
        out.println(problem);
        if (problem.isError()) {
          errors++;
        } else {
          warnings++;
        }
      }
      loaded = sources.describe();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the GeoIP databases failed", e);
    }
    if (assessment.novelty() != null) {
      try {
        NoveltyStateFile.load(assessment.novelty().file());
      } catch (StateFileException e) {
        out.println(assessment.novelty().file() + ": error: " + e.getMessage());
        errors++;
      }
    }
    for (String warning : expiredRuleWarnings(siteFile, assessment.rules(), today)) {
      out.println(warning);
      warnings++;
    }
    return new FileCheck(errors, warnings, loaded);
  }

  static void closeQuietly(EnrichmentSources sources) {
    try {
      sources.close();
    } catch (IOException e) {
      // Closing read-only database files cannot lose data; nothing is left to do.
    }
  }
}
