package dev.gatehouse.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest, or reports a development build. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"gatehouse " + (version == null ? "(development build)" : version),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
  }
}
