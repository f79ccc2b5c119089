package dev.gatehouse.site;

import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.NetworkMap;
import dev.gatehouse.site.YamlNode.Entry;
import dev.gatehouse.site.YamlNode.Mapping;
import dev.gatehouse.site.YamlNode.Scalar;
import dev.gatehouse.site.YamlNode.ScalarType;
import dev.gatehouse.site.YamlNode.Sequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Reads the {@code internal} section of a site file and checks how its networks overlap.
 *
 * <p>Two CIDRs either nest or share no address, so every overlap is one network inside (or equal
 * to) another. An address must end up with one unambiguous name, so:
 *
 * <ul>
 *   <li>Nested or equal networks with two different names are an error.
 *   <li>Every other nesting is a warning: a repeated network, a network inside one of the same
 *       name or inside an unnamed one, and an unnamed network inside a named one, whose addresses
 *       lose that name because the longest prefix decides.
 * </ul>
 *
 * <p>Also a warning: a network inside an unroutable range, which never makes an address
 * internal, and an IPv6 network that contains the IPv4-mapped range, which makes every IPv4
 * address internal.
 */
final class InternalNetworks {

  private static final List<String> ENTRY_KEYS = List.of("name", "cidr", "cidrs");
  private static final Cidr IPV4_MAPPED = Cidr.parse("::ffff:0:0/96");

  /** A network as written in the file. */
  private record Declared(String name, Cidr cidr, int line, int column) {

    String describe() {
      String named = name == null ? "" : name + ", ";
      return "'" + cidr + "' (" + named + "line " + line + ")";
    }
  }

  private final Problems problems;
  private final List<Declared> declared = new ArrayList<>();

  InternalNetworks(Problems problems) {
    this.problems = problems;
  }

  /** Returns the valid networks read so far, in file order. */
  List<NetworkMap.Network> networks() {
    return declared.stream().map(d -> new NetworkMap.Network(d.name(), d.cidr())).toList();
  }

  /** Reads the value of the {@code internal} key, then checks the overlaps of its networks. */
  void read(YamlNode node) {
    if (SiteValidator.isReported(node)) {
      return;
    }
    if (SiteValidator.isNull(node)) {
      problems.warning(node, "'internal' lists no networks, so the default internal networks are used");
      return;
    }
    if (!(node instanceof Sequence sequence)) {
      problems.error(node, "'internal' must be a list of networks, not " + node.describe());
      return;
    }
    if (sequence.items().isEmpty()) {
      problems.warning(node, "'internal' lists no networks, so the default internal networks are used");
      return;
    }
    for (YamlNode item : sequence.items()) {
      readItem(item);
    }
    checkEach();
    checkOverlaps();
  }

  private void readItem(YamlNode item) {
    if (SiteValidator.isReported(item)) {
      return;
    }
    if (item instanceof Scalar scalar && scalar.type() == ScalarType.STRING) {
      addCidr(null, scalar, true);
      return;
    }
    if (!(item instanceof Mapping mapping)) {
      problems.error(item, "an 'internal' entry must be a CIDR string or a mapping with 'cidr' or"
          + " 'cidrs', not " + item.describe());
      return;
    }

    Entry name = null;
    Entry cidr = null;
    Entry cidrs = null;
    for (Entry entry : mapping.entries()) {
      switch (entry.key()) {
        case "name" -> name = entry;
        case "cidr" -> cidr = entry;
        case "cidrs" -> cidrs = entry;
        default -> problems.error(entry.line(), entry.column(), "unknown key '" + entry.key()
            + "' in an 'internal' entry; " + SiteValidator.allowedKeys(ENTRY_KEYS));
      }
    }

    String networkName = name == null ? null : readName(name.value());
    boolean nameValid = name == null || networkName != null;
    if (cidr != null && cidrs != null) {
      problems.error(cidrs.line(), cidrs.column(),
          "an 'internal' entry must have 'cidr' or 'cidrs', not both");
    } else if (cidr == null && cidrs == null) {
      problems.error(mapping, "an 'internal' entry must have 'cidr' or 'cidrs'");
    }
    // The CIDRs of an invalid entry are still checked, so that every problem is reported, but
    // they are not kept.
    boolean keep = nameValid && (cidr == null || cidrs == null);
    if (cidr != null) {
      readCidr(networkName, cidr.value(), "'cidr'", keep);
    }
    if (cidrs != null) {
      readCidrList(networkName, cidrs.value(), keep);
    }
  }

  /** Returns the network name in {@code node}, or {@code null} after reporting why it is invalid. */
  private String readName(YamlNode node) {
    if (SiteValidator.isReported(node)) {
      return null;
    }
    if (!(node instanceof Scalar scalar) || scalar.type() != ScalarType.STRING) {
      boolean quotable = node instanceof Scalar scalar
          && (scalar.type() == ScalarType.NUMBER || scalar.type() == ScalarType.BOOLEAN);
      String hint = quotable ? "; quote it to use it as a name" : "";
      problems.error(node, "'name' must be a string, not " + node.describe() + hint);
      return null;
    }
    String name = scalar.text();
    if (name.isBlank()) {
      problems.error(node, "'name' must not be empty");
      return null;
    }
    if (!name.strip().equals(name)) {
      problems.error(node, "'name' must not start or end with whitespace: '" + name + "'");
      return null;
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      problems.error(node, "'name' must not contain control characters such as line breaks");
      return null;
    }
    return name;
  }

  private void readCidrList(String name, YamlNode node, boolean keep) {
    if (SiteValidator.isReported(node)) {
      return;
    }
    if (!(node instanceof Sequence sequence)) {
      String hint = node instanceof Scalar scalar && scalar.type() == ScalarType.STRING
          ? "; use 'cidr' for a single network" : "";
      problems.error(node, "'cidrs' must be a list of CIDR strings, not " + node.describe() + hint);
      return;
    }
    if (sequence.items().isEmpty()) {
      problems.error(node, "'cidrs' must list at least one CIDR");
      return;
    }
    for (YamlNode item : sequence.items()) {
      readCidr(name, item, "an item of 'cidrs'", keep);
    }
  }

  private void readCidr(String name, YamlNode node, String label, boolean keep) {
    if (SiteValidator.isReported(node)) {
      return;
    }
    if (!(node instanceof Scalar scalar) || scalar.type() != ScalarType.STRING) {
      problems.error(node, label + " must be a CIDR string such as 10.0.0.0/8, not "
          + node.describe());
      return;
    }
    addCidr(name, scalar, keep);
  }

  private void addCidr(String name, Scalar scalar, boolean keep) {
    Cidr cidr;
    try {
      cidr = Cidr.parse(scalar.text());
    } catch (IllegalArgumentException e) {
      problems.error(scalar, e.getMessage());
      return;
    }
    if (keep) {
      declared.add(new Declared(name, cidr, scalar.line(), scalar.column()));
    }
  }

  /** Warns about networks inside an unroutable range and IPv6 networks that contain all of IPv4. */
  private void checkEach() {
    for (Declared network : declared) {
      String unroutable = NetworkMap.unroutableRangeContaining(network.cidr());
      if (unroutable != null) {
        problems.warning(network.line(), network.column(), "'" + network.cidr()
            + "' lies inside the unroutable range " + unroutable
            + ", so its addresses are never internal");
      }
      if (!network.cidr().isIpv4() && network.cidr().contains(IPV4_MAPPED)) {
        problems.warning(network.line(), network.column(), "'" + network.cidr()
            + "' contains the IPv4-mapped range ::ffff:0:0/96, so every IPv4 address is internal too");
      }
    }
  }

  /**
   * Reports each network against the networks that contain it. Sorted by first address and then
   * from the shortest prefix, the networks containing the current one are exactly those left on
   * a stack once the networks that do not contain it are popped.
   */
  private void checkOverlaps() {
    List<Declared> sorted = new ArrayList<>(declared);
    sorted.sort(Comparator.comparing((Declared d) -> d.cidr().address())
        .thenComparingInt(d -> d.cidr().prefixLength())
        .thenComparingInt(Declared::line)
        .thenComparingInt(Declared::column));
    Deque<Declared> containing = new ArrayDeque<>();
    for (Declared network : sorted) {
      while (!containing.isEmpty() && !containing.peek().cidr().contains(network.cidr())) {
        containing.pop();
      }
      Iterator<Declared> outward = containing.iterator();
      if (outward.hasNext()) {
        checkPair(outward.next(), network);
      }
      while (outward.hasNext()) {
        Declared outer = outward.next();
        if (haveDifferentNames(outer, network)) {
          reportDifferentNames(outer, network);
        }
      }
      containing.push(network);
    }
  }

  private static boolean haveDifferentNames(Declared a, Declared b) {
    return a.name() != null && b.name() != null && !a.name().equals(b.name());
  }

  /** Reports {@code inner} against {@code outer}, the smallest other network that contains it. */
  private void checkPair(Declared outer, Declared inner) {
    if (haveDifferentNames(outer, inner)) {
      reportDifferentNames(outer, inner);
      return;
    }
    Declared later = outer.line() > inner.line() ? outer : inner;
    Declared earlier = later == outer ? inner : outer;
    if (outer.cidr().equals(inner.cidr())) {
      String suffix = "";
      if (earlier.name() == null && later.name() != null) {
        suffix = " without a name, which takes precedence, so the name '" + later.name()
            + "' is never used";
      } else if (earlier.name() != null) {
        suffix = " as '" + earlier.name() + "'";
      }
      problems.warning(later.line(), later.column(),
          "'" + later.cidr() + "' is already listed on line " + earlier.line() + suffix);
      return;
    }
    String message = inner.describe() + " lies inside " + outer.describe();
    if (Objects.equals(outer.name(), inner.name())) {
      message += ", so it adds nothing";
    } else if (outer.name() == null) {
      message += ", so its addresses are named '" + inner.name() + "' and the rest of '"
          + outer.cidr() + "' has no name";
    } else {
      message += " but has no name, so its addresses are reported without the name '"
          + outer.name() + "'";
    }
    problems.warning(later.line(), later.column(), message);
  }

  private void reportDifferentNames(Declared outer, Declared inner) {
    Declared later = outer.line() > inner.line() ? outer : inner;
    String relation = outer.cidr().equals(inner.cidr()) ? " is the same network as " : " lies inside ";
    problems.error(later.line(), later.column(), inner.describe() + relation + outer.describe()
        + " under a different name; an address must belong to one named network, so give them"
        + " the same name or remove one");
  }
}
