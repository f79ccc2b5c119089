package dev.gatehouse.cli;

import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.Classification;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.site.SiteConfigLoader;
import dev.gatehouse.site.SiteLoadResult;
import dev.gatehouse.site.SiteProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Prints how each address is classified and which network or rule decided it, one line per
 * address, after a line naming the set of internal networks used.
 *
 * <pre>
 * Internal networks: 3 from site.yaml
 * 203.0.113.9  external    outside every internal network
 * 10.47.8.50   internal    network blue-team (10.47.0.0/16)
 * 224.0.0.1    unroutable  multicast (224.0.0.0/4, RFC 5771)
 * </pre>
 *
 * <p>An invalid address is reported on standard error and makes the exit code 2, but the valid
 * addresses are still explained. A site file with errors explains nothing and exits with 2.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
        "Prints how each address is classified (internal, external or unroutable) and which"
            + " network or rule decided it.",
        "Without --site and --internal, the default internal networks are used."})
final class ExplainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "ADDRESS",
      description = "An IPv4 or IPv6 address. Host names are not resolved.")
  List<String> addresses = new ArrayList<>();

  @Option(names = "--site", paramLabel = "FILE",
      description = "Site file (YAML) whose internal networks are used.")
  Path site;

  @Option(names = "--internal", paramLabel = "CIDR", converter = CidrConverter.class,
      description = "An internal network, added to those of the site file. Repeatable.")
  List<Cidr> internal = new ArrayList<>();

  /** Converts an option value to a {@link Cidr}, so that picocli reports an invalid one as a usage error. */
  static final class CidrConverter implements ITypeConverter<Cidr> {

    @Override
    public Cidr convert(String value) {
      try {
        return Cidr.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** One explained address. */
  private record Line(String address, String locality, String detail) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    List<NetworkMap.Network> siteNetworks = List.of();
    if (site != null) {
      SiteLoadResult result = SiteConfigLoader.load(site);
      for (SiteProblem problem : result.problems()) {
        err.println(problem.format(site.toString()));
      }
      if (result.hasErrors()) {
        err.println("gatehouse explain: the site file " + site + " has errors; nothing was explained");
        return ExitCodes.USAGE;
      }
      siteNetworks = result.config().internal();
    }

    List<NetworkMap.Network> networks = new ArrayList<>(siteNetworks);
    for (Cidr cidr : internal) {
      networks.add(new NetworkMap.Network(null, cidr));
    }
    NetworkMap map = networks.isEmpty() ? NetworkMap.defaults() : NetworkMap.of(networks);
    out.println("Internal networks: " + describeNetworks(siteNetworks.size()));

    List<Line> lines = new ArrayList<>();
    boolean invalid = false;
    for (String text : addresses) {
      IpAddress address = IpAddress.tryParse(text);
      if (address == null) {
        err.println("gatehouse explain: '" + text + "' is not a valid IPv4 or IPv6 address");
        invalid = true;
        continue;
      }
      lines.add(explain(text, address, map.classify(address)));
    }
    print(out, lines);
    return invalid ? ExitCodes.USAGE : ExitCodes.OK;
  }

  /** Returns which internal networks are in use, such as "3 from site.yaml and 1 from --internal". */
  private String describeNetworks(int siteCount) {
    List<String> sources = new ArrayList<>();
    if (siteCount > 0) {
      sources.add(siteCount + " from " + site);
    }
    if (!internal.isEmpty()) {
      sources.add(internal.size() + " from --internal");
    }
    if (!sources.isEmpty()) {
      String described = String.join(" and ", sources);
      return site != null && siteCount == 0 ? described + " (" + site + " lists none)" : described;
    }
    String defaults = NetworkMap.defaultInternalNetworks().stream()
        .map(network -> network.cidr().toString())
        .collect(Collectors.joining(", "));
    String reason = site == null ? "" : ", because " + site + " lists none";
    return "the defaults" + reason + " (" + defaults + ")";
  }

  private static Line explain(String text, IpAddress address, Classification classification) {
    String detail = classification.rule();
    if (address.isIpv4() && text.indexOf(':') >= 0) {
      detail += "; IPv4-mapped, classified as its IPv4 address " + address;
    }
    return new Line(text, classification.locality().name().toLowerCase(Locale.ROOT), detail);
  }

  /** Prints the lines with the address and locality columns padded to their widest value. */
  private static void print(PrintWriter out, List<Line> lines) {
    int addressWidth = lines.stream().mapToInt(line -> line.address().length()).max().orElse(0);
    int localityWidth = lines.stream().mapToInt(line -> line.locality().length()).max().orElse(0);
    for (Line line : lines) {
      out.println(pad(line.address(), addressWidth) + "  " + pad(line.locality(), localityWidth)
          + "  " + line.detail());
    }
    out.flush();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
