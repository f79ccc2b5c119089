package dev.gatehouse.core.model;

import dev.gatehouse.core.net.IpAddress;

/** The grouping key of a detection: source, destination and destination port. */
record PairKey(IpAddress source, IpAddress destination, int port) {}
