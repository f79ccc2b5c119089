package dev.gatehouse.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of loading one site file: every problem found, and the configuration when the file
 * has no error.
 */
public final class SiteLoadResult {

  private final Path source;
  private final SiteConfig config;
  private final List<SiteProblem> problems;

  SiteLoadResult(Path source, SiteConfig config, List<SiteProblem> problems) {
    this.source = Objects.requireNonNull(source, "source");
    this.config = Objects.requireNonNull(config, "config");
    this.problems = List.copyOf(problems);
  }

  /** Returns the file that was loaded. */
  public Path source() {
    return source;
  }

  /** Returns every error and warning, sorted by line. Problems of the whole file come first. */
  public List<SiteProblem> problems() {
    return problems;
  }

  /** Returns the errors, sorted by line. */
  public List<SiteProblem> errors() {
    return problems.stream().filter(SiteProblem::isError).toList();
  }

  /** Returns the warnings, sorted by line. */
  public List<SiteProblem> warnings() {
    return problems.stream().filter(problem -> !problem.isError()).toList();
  }

  /** Returns whether the file has at least one error, which makes {@link #config()} throw. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(SiteProblem::isError);
  }

  /**
   * Returns the configuration of a file without errors. Warnings do not prevent it.
   *
   * @throws SiteConfigException listing every error, when the file has at least one
   */
  public SiteConfig config() {
    if (hasErrors()) {
      throw new SiteConfigException(source, errors());
    }
    return config;
  }
}
