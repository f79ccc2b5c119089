package dev.gatehouse.core.assess;

import java.util.regex.Pattern;

/**
 * A shell-style pattern matched against a whole string: {@code *} stands for any run of
 * characters, {@code ?} for exactly one, and every other character for itself. There is no
 * escape, no character class and no invalid pattern.
 */
public final class Glob {

  private final String text;
  private final Pattern pattern;

  private Glob(String text, boolean ignoreCase) {
    this.text = text;
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?') {
        appendLiteral(regex, literal);
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    appendLiteral(regex, literal);
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    this.pattern = Pattern.compile(regex.toString(), flags);
  }

  private static void appendLiteral(StringBuilder regex, StringBuilder literal) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }

  /** Returns the pattern {@code text}, matched with case. */
  public static Glob of(String text) {
    return new Glob(text, false);
  }

  /** Returns the pattern {@code text}, matched without regard to case. */
  public static Glob ignoringCase(String text) {
    return new Glob(text, true);
  }

  /** Returns whether the whole of {@code value} matches. */
  public boolean matches(String value) {
    return pattern.matcher(value).matches();
  }

  /** Returns the pattern as written. */
  @Override
  public String toString() {
    return text;
  }
}
