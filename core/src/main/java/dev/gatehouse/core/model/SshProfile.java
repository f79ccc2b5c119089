package dev.gatehouse.core.model;

import java.util.List;

/**
 * The distinct SSH software and algorithms seen in a detection's reported sessions, each list
 * in order of first appearance and capped. The values come from the wire and are
 * attacker-controlled: sinks escape them.
 */
public record SshProfile(
    List<String> clients,
    List<String> servers,
    List<String> hostKeys,
    List<String> hostKeyAlgorithms,
    List<String> kexAlgorithms,
    List<String> ciphers,
    List<String> macs) {}
