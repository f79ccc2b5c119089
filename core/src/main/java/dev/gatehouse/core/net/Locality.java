package dev.gatehouse.core.net;

/** Which side of the site boundary an address lies on. */
public enum Locality {
  /** Inside one of the site's internal networks. */
  INTERNAL,
  /** Routable and outside every internal network. */
  EXTERNAL,
  /**
   * Neither internal nor external: unspecified, multicast, broadcast or reserved addresses,
   * which are never the subject of a detection.
   */
  UNROUTABLE
}
