package dev.gatehouse.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as 50MB, 1GB or 512KiB. */
public final class Sizes {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)?");

  private Sizes() {}

  /**
   * Returns the bytes of {@code text}: a number with an optional unit, decimal (KB = 1000 bytes)
   * or binary (KiB = 1024 bytes), case-insensitive.
   *
   * @throws IllegalArgumentException if the text is not such a size
   */
  public static long parseBytes(String text) {
    Matcher matcher = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size: expected a number with"
          + " an optional unit such as 50MB, 1GB or 512KiB");
    }
    double number = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "B" : matcher.group(2);
    double scale = switch (unit) {
      case "KB" -> 1e3;
      case "MB" -> 1e6;
      case "GB" -> 1e9;
      case "TB" -> 1e12;
      case "KIB" -> 1024.0;
      case "MIB" -> 1024.0 * 1024;
      case "GIB" -> 1024.0 * 1024 * 1024;
      case "TIB" -> 1024.0 * 1024 * 1024 * 1024;
      default -> 1;
    };
    long bytes = Math.round(number * scale);
    if (bytes <= 0) {
      throw new IllegalArgumentException("'" + text + "' is not a positive size");
    }
    return bytes;
  }
}
