package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the third-party logs that lie beside the repository in {@code ../shared/data}, and
 * skips the calling test with a message when they are absent.
 */
final class SharedData {

  private SharedData() {}

  /** Returns {@code ../shared/data/relative} seen from the repository root, or skips the test. */
  static Path require(String relative) {
    Path root = repositoryRoot();
    Path path = root.resolve("../shared/data").resolve(relative).normalize();
    assumeTrue(Files.exists(path),
        "../shared/data is absent beside the repository: skipping tests on third-party logs ("
            + path + ")");
    return path;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("").toAbsolutePath() : dir;
  }
}
