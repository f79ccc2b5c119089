package dev.gatehouse.cli;

import dev.gatehouse.site.SiteConfig;
import dev.gatehouse.site.SiteConfigLoader;
import dev.gatehouse.site.SiteLoadResult;
import dev.gatehouse.site.SiteProblem;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads a site file for a command, printing every problem it has. */
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
}
