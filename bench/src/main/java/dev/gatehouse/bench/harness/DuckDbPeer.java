package dev.gatehouse.bench.harness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The DuckDB peer: one JVM process that opens an in-memory DuckDB through its JDBC driver and
 * computes the reported pairs in SQL. Its time includes JVM start and connecting, as
 * gatehouse's does.
 *
 * <p>Usage: {@code DuckDbPeer tsv|json --ssh FILE... [--conn FILE...]}, or {@code DuckDbPeer
 * --version} to print DuckDB's version. It prints one line per
 * (source, destination, port) whose sessions include a confirmed or likely one: the three keys,
 * then the confirmed, likely, unknown and failed session counts, tab-separated.
 *
 * <p>Addresses are classified with regular expressions over their text, which equal the CIDR
 * tests for the default internal networks on dotted-quad IPv4 and RFC 5952 IPv6 text. DuckDB's
 * inet extension would test CIDRs directly, but it is not in the JDBC driver and cannot be
 * downloaded without access to DuckDB's extension repository. IPv4-mapped IPv6 text is not
 * recognised.
 */
public final class DuckDbPeer {

  private DuckDbPeer() {}

  public static void main(String[] args) throws SQLException {
    if (args.length == 1 && args[0].equals("--version")) {
      printVersion();
      return;
    }
    if (args.length < 3 || !(args[0].equals("tsv") || args[0].equals("json"))) {
      System.err.println("DuckDbPeer: invalid arguments; usage: DuckDbPeer tsv|json --ssh FILE..."
          + " [--conn FILE...], or DuckDbPeer --version");
      System.exit(2);
    }
    boolean json = args[0].equals("json");
    List<String> ssh = new ArrayList<>();
    List<String> conn = new ArrayList<>();
    List<String> current = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--ssh" -> current = ssh;
        case "--conn" -> current = conn;
        default -> {
          if (current == null) {
            System.err.println("DuckDbPeer: '" + args[i] + "' comes before --ssh or --conn");
            System.exit(2);
          }
          current.add(args[i]);
        }
      }
    }
    String sql = PeerQueries.duckDbQuery(json, ssh, conn);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      for (String macro : PeerQueries.duckDbMacros()) {
        statement.execute(macro);
      }
      BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      try (ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          out.write(rows.getString(1) + '\t' + rows.getString(2) + '\t' + rows.getInt(3) + '\t'
              + rows.getLong(4) + '\t' + rows.getLong(5) + '\t' + rows.getLong(6) + '\t'
              + rows.getLong(7));
          out.newLine();
        }
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void printVersion() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version()")) {
      rows.next();
      System.out.println(rows.getString(1));
    }
  }
}
