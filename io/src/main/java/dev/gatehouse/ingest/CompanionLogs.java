package dev.gatehouse.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the conn.log that Zeek wrote beside each ssh.log given on the command line, so that a
 * user who names only {@code ssh.log} still gets the conn.log evidence.
 *
 * <p>The companion of a file named {@code ssh.SUFFIX} is {@code conn.SUFFIX} in the same
 * directory: {@code ssh.log} pairs with {@code conn.log}, and
 * {@code ssh.01:00:00-02:00:00.log.gz} with {@code conn.01:00:00-02:00:00.log.gz}. Files of
 * other names, and standard input, have no companion.
 */
public final class CompanionLogs {

  private static final String SSH_PREFIX = "ssh.";
  private static final String CONN_PREFIX = "conn.";

  private CompanionLogs() {}

  /**
   * Returns {@code sources} followed by the companions that exist and are not among them.
   */
  public static List<InputSource> addConnCompanions(List<InputSource> sources) {
    Set<Path> present = new HashSet<>();
    for (InputSource source : sources) {
      if (source.path() != null) {
        present.add(source.path().toAbsolutePath().normalize());
      }
    }
    List<InputSource> result = new ArrayList<>(sources);
    for (InputSource source : sources) {
      Path companion = companionOf(source);
      if (companion != null && Files.isRegularFile(companion)
          && present.add(companion.toAbsolutePath().normalize())) {
        result.add(InputSource.file(companion));
      }
    }
    return result;
  }

  /** Returns the conn log path that would pair with {@code source}, or {@code null}. */
  static Path companionOf(InputSource source) {
    if (source.path() == null || source.typeFromName() != LogType.SSH) {
      return null;
    }
    Path fileName = source.path().getFileName();
    if (fileName == null || !fileName.toString().startsWith(SSH_PREFIX)) {
      return null;
    }
    String connName = CONN_PREFIX + fileName.toString().substring(SSH_PREFIX.length());
    return source.path().resolveSibling(connName);
  }
}
