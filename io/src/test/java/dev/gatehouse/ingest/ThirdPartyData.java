package dev.gatehouse.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates third-party Zeek logs kept next to the repository checkout, in {@code ../shared/data}
 * relative to the Maven project root, so that tests can read them without copying them into the
 * repository. Tests that need them are skipped when the directory is absent.
 */
public final class ThirdPartyData {

  private static final String SKIP_MESSAGE =
      "../shared/data is absent: skipping tests on third-party logs";

  private ThirdPartyData() {}

  /**
   * Returns {@code relative} resolved against the data directory, and skips the calling test when
   * the data directory or the file is absent.
   */
  public static Path require(String relative) {
    Path root = projectRoot();
    Path data = root == null ? null : root.resolve("../shared/data").normalize();
    assumeTrue(data != null && Files.isDirectory(data), SKIP_MESSAGE);
    Path file = data.resolve(relative);
    assumeTrue(Files.exists(file), SKIP_MESSAGE + " (" + relative + " is missing)");
    return file;
  }

  /**
   * Returns the Maven project root: the nearest directory at or above the working directory that
   * contains {@code mvnw}, or else a {@code pom.xml} that lists modules. Returns {@code null} when
   * there is none.
   */
  static Path projectRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null) {
      if (Files.exists(directory.resolve("mvnw")) || isParentPom(directory.resolve("pom.xml"))) {
        return directory;
      }
      directory = directory.getParent();
    }
    return null;
  }

  private static boolean isParentPom(Path pom) {
    try {
      return Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>");
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
