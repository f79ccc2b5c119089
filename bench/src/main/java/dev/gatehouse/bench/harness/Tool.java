package dev.gatehouse.bench.harness;

import java.util.List;

/**
 * One program measured in one case.
 *
 * @param name the name in the report, such as "DuckDB 1.4.4 (JDBC)"
 * @param role what it stands for: the engine under test, a peer or a read limit
 * @param command the command line
 * @param writesPairs whether its standard output is the pairs in the peers' line format, to be
 *     compared with the expected detections
 * @param runs how many times it runs
 */
record Tool(String name, Role role, List<String> command, boolean writesPairs, int runs) {

  enum Role { GATEHOUSE, PEER, READ_LIMIT }
}
