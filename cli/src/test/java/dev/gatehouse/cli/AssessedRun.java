package dev.gatehouse.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/**
 * Runs the command line in process with a fixed clock, which decides which triage rules have
 * expired, and locates MaxMind's test databases in the io module's test resources.
 */
final class AssessedRun {

  /** 2024-06-01, the day every test of the assessment stage runs on. */
  static final Clock JUNE_1 = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

  private AssessedRun() {}

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.newCommandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
    DetectCommand detect = commandLine.getSubcommands().get("detect").getCommand();
    detect.clock = JUNE_1;
    CheckSiteCommand checkSite = commandLine.getSubcommands().get("check-site").getCommand();
    checkSite.clock = JUNE_1;
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** Returns MaxMind's test database {@code name}, such as {@code GeoLite2-City-Test.mmdb}. */
  static Path database(String name) {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
      directory = directory.getParent();
    }
    if (directory == null) {
      throw new IllegalStateException("the repository root (the folder with mvnw) was not found above "
          + Path.of("").toAbsolutePath());
    }
    return directory.resolve("io/src/test/resources/maxmind").resolve(name);
  }
}
