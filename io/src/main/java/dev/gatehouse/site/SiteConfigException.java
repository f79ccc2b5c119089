package dev.gatehouse.site;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a site file with errors is used. The message lists every error, one per line, as
 * {@code site.yaml:4: error: message}.
 */
public final class SiteConfigException extends RuntimeException {

  private final transient List<SiteProblem> errors;

  /** Creates the exception for the {@code errors} of {@code source}. */
  public SiteConfigException(Path source, List<SiteProblem> errors) {
    super(message(source, errors));
    this.errors = List.copyOf(errors);
  }

  private static String message(Path source, List<SiteProblem> errors) {
    String count = errors.size() == 1 ? "1 error" : errors.size() + " errors";
    return "invalid site file " + source + " (" + count + "):\n" + errors.stream()
        .map(error -> error.format(source.toString()))
        .collect(Collectors.joining("\n"));
  }

  /** Returns the errors, sorted by line. */
  public List<SiteProblem> errors() {
    return errors;
  }
}
