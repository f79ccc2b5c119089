package dev.gatehouse.site;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates a site file: a YAML document that names the site's internal networks and
 * tunes the detection model.
 *
 * <pre>{@code
 * internal:
 *   - name: blue-team            # optional, carried into classifications and detections
 *     cidrs: [10.47.0.0/16]      # one or more
 *   - cidr: 192.168.0.0/16       # a single network, unnamed
 *   - 172.16.0.0/12              # a bare string, unnamed
 *   - "::1/128"                  # quote values that start with ':'
 * likely:
 *   min_duration_seconds: 10     # a number, may be fractional
 *   min_originator_bytes: 4000
 *   min_responder_bytes: 4000
 * evidence:
 *   max_sessions: 10
 * }</pre>
 *
 * <p>Every key is optional. Without {@code internal}, or with an empty list, the default
 * internal networks of {@link dev.gatehouse.core.net.NetworkMap#defaults()} apply (with a
 * warning for the empty list). Listed networks replace the defaults entirely. The thresholds
 * default to {@link dev.gatehouse.core.model.LikelyThresholds#DEFAULTS} and {@code max_sessions}
 * to {@value SiteConfig#DEFAULT_MAX_EVIDENCE}. Durations are held in microseconds, so finer
 * fractions of a second are rounded to the nearest microsecond.
 *
 * <p>Errors, which make the file unusable:
 *
 * <ul>
 *   <li>invalid YAML, a second document, a repeated key or an alias ({@code *name});
 *   <li>an unknown key at any level, including the top level, so that a section added by a later
 *       version is never silently ignored by this one;
 *   <li>a value of the wrong type, such as a quoted number or a list where a mapping belongs;
 *   <li>an invalid CIDR, including one with host bits set, such as {@code 10.0.0.1/8};
 *   <li>a negative threshold, a fractional byte count or session count, or a value too large for
 *       its field;
 *   <li>an empty or non-string {@code name};
 *   <li>two networks with different names where one contains the other or both are equal,
 *       because an address must belong to one named network.
 * </ul>
 *
 * <p>Warnings, which leave the file usable:
 *
 * <ul>
 *   <li>an empty file or an empty {@code internal} list;
 *   <li>a network listed twice, or nested inside another of the same name or inside an unnamed
 *       one;
 *   <li>an unnamed network inside a named one, whose addresses lose the name, because the longest
 *       prefix decides;
 *   <li>a network inside an unroutable range such as {@code 224.0.0.0/4}, which never makes an
 *       address internal;
 *   <li>an IPv6 network that contains {@code ::ffff:0:0/96}, such as {@code ::/0}, which makes
 *       every IPv4 address internal.
 * </ul>
 *
 * <p>The loader reports every problem with its line, without stopping at the first. The
 * exception is a YAML syntax error: the parser cannot continue after one, so it is the last
 * problem reported.
 */
public final class SiteConfigLoader {

  private SiteConfigLoader() {}

  /**
   * Reads and validates {@code file} as UTF-8. This method does not throw for a missing or
   * unreadable file. Such a file gives an error of the whole file (line 0) in the result.
   */
  public static SiteLoadResult load(Path file) {
    if (Files.isDirectory(file)) {
      return failed(file, "the path is a directory, not a site file");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return load(reader, file);
    } catch (NoSuchFileException e) {
      return failed(file, "file not found");
    } catch (AccessDeniedException e) {
      return failed(file, "permission denied");
    } catch (IOException e) {
      return failed(file, "cannot read the file: " + e.getMessage());
    }
  }

  /** Reads and validates the site file text in {@code reader}, naming it {@code source}. */
  static SiteLoadResult load(Reader reader, Path source) {
    Problems problems = new Problems();
    YamlNode root = YamlTreeReader.read(reader, problems);
    SiteConfig config = SiteValidator.validate(root, source, problems);
    return new SiteLoadResult(source, config, problems.sorted());
  }

  private static SiteLoadResult failed(Path file, String message) {
    SiteProblem problem = new SiteProblem(0, 0, SiteProblem.ERROR, message);
    SiteConfig defaults = SiteConfig.defaults();
    SiteConfig config = new SiteConfig(
        defaults.internal(), defaults.likely(), defaults.maxEvidence(), file);
    return new SiteLoadResult(file, config, List.of(problem));
  }
}
