package dev.gatehouse.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.assess.NoveltyEntry;
import dev.gatehouse.core.assess.NoveltyHistory;
import dev.gatehouse.core.assess.NoveltyKind;
import dev.gatehouse.core.net.IpAddress;
import dev.gatehouse.output.Timestamps;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the novelty state file: the {@link NoveltyHistory} of which sources logged in
 * to which destinations, kept between runs.
 *
 * <p>The file is JSON: {@code {"format": "gatehouse-novelty", "version": 1, "entries": [...]}}
 * with one entry per line, each {@code {"destination", "kind", "value", "first_seen",
 * "last_seen"}} with RFC 3339 times in UTC. A missing file is an empty history. Any other problem
 * makes the file corrupt, and loading it fails with the file's name, the entry and the fix.
 *
 * <p>Saving writes a temporary file in the same directory and renames it over the old one, so a
 * reader never sees half a file. NOTE: two runs that save the same file at the same time do not
 * merge; the last rename wins.
 */
public final class NoveltyStateFile {

  /** The value of the {@code format} field. */
  static final String FORMAT = "gatehouse-novelty";

  /** The version of the layout this class writes and reads. */
  static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private NoveltyStateFile() {}

  /**
   * Loads the history in {@code file}, or an empty history when the file does not exist.
   *
   * @throws StateFileException if the file cannot be read or is not a valid state file
   */
  public static NoveltyHistory load(Path file) throws StateFileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return NoveltyHistory.empty();
    } catch (IOException e) {
      throw new StateFileException("cannot read the novelty state file " + file + ": "
          + TextFiles.describe(file, e), e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      String detail = firstLine(e.getMessage());
      if (e instanceof JsonProcessingException json) {
        // Jackson's message goes on after the first colon with parser internals; the place is enough.
        detail = firstLine(json.getOriginalMessage());
        int colon = detail.indexOf(':');
        detail = colon > 0 ? detail.substring(0, colon) : detail;
        if (json.getLocation() != null) {
          detail += " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
        }
      }
      throw corrupt(file, "it is not valid JSON (" + detail + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw corrupt(file, "it is not a JSON object", null);
    }
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw corrupt(file, "its 'format' is not \"" + FORMAT + "\"", null);
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw corrupt(file, "its 'version' is " + root.path("version") + ", and this gatehouse reads version "
          + VERSION, null);
    }
    JsonNode entries = root.path("entries");
    if (!entries.isArray()) {
      throw corrupt(file, "it has no 'entries' list", null);
    }
    List<NoveltyEntry> read = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      read.add(entry(file, i + 1, entries.get(i)));
    }
    return NoveltyHistory.of(read);
  }

  private static NoveltyEntry entry(Path file, int number, JsonNode node) throws StateFileException {
    String where = "entry " + number;
    IpAddress destination = IpAddress.tryParse(node.path("destination").asText(""));
    if (destination == null) {
      throw corrupt(file, where + " has no valid 'destination' address", null);
    }
    NoveltyKind kind = NoveltyKind.parse(node.path("kind").asText(""));
    if (kind == null) {
      throw corrupt(file, where + " has the 'kind' " + node.path("kind")
          + ", expected address, network, asn or country", null);
    }
    String value = node.path("value").asText("");
    if (value.isEmpty()) {
      throw corrupt(file, where + " has no 'value'", null);
    }
    long first = time(file, where, node, "first_seen");
    long last = time(file, where, node, "last_seen");
    if (last < first) {
      throw corrupt(file, where + " has 'last_seen' before 'first_seen'", null);
    }
    return new NoveltyEntry(destination, kind, value, first, last);
  }

  private static long time(Path file, String where, JsonNode node, String field) throws StateFileException {
    String text = node.path(field).asText("");
    try {
      Instant instant = Instant.parse(text);
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw corrupt(file, where + " has the '" + field + "' \"" + text + "\", expected an RFC 3339 time such"
          + " as 2018-03-24T17:16:39.739898Z", e);
    }
  }

  private static StateFileException corrupt(Path file, String problem, Throwable cause) {
    return new StateFileException("the novelty state file " + file + " is corrupt: " + problem + ". Move it"
        + " away to start a new history, or run with --no-state", cause);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }

  /**
   * Writes {@code history} to {@code file}, creating its directory when missing, through a
   * temporary file that is renamed over the old one.
   *
   * @throws StateFileException if the file cannot be written
   */
  public static void save(Path file, NoveltyHistory history) throws StateFileException {
    Path absolute = file.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, absolute.getFileName() + ".", ".tmp");
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        write(out, history);
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw new StateFileException("cannot write the novelty state file " + file + ": "
          + TextFiles.describe(file, e) + "; the history of this run is lost", e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // The write already failed and is reported; a leftover temporary file is harmless.
        }
      }
    }
  }

  private static void write(Writer out, NoveltyHistory history) throws IOException {
    out.write("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + ",\"entries\":[");
    String separator = "\n";
    for (NoveltyEntry entry : history.entries()) {
      ObjectNode node = JSON.createObjectNode();
      node.put("destination", entry.destination().toString());
      node.put("kind", entry.kind().label());
      node.put("value", entry.value());
      node.put("first_seen", Timestamps.format(entry.firstSeenMicros()));
      node.put("last_seen", Timestamps.format(entry.lastSeenMicros()));
      out.write(separator);
      out.write(JSON.writeValueAsString(node));
      separator = ",\n";
    }
    out.write("\n]}\n");
  }
}
