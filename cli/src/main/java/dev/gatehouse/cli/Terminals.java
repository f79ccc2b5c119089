package dev.gatehouse.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Tells whether the process talks to a person at a terminal. */
final class Terminals {

  private Terminals() {}

  /**
   * Returns whether standard input and output are a terminal. Java 17 returns a console only
   * then; Java 22 and later may return one for redirected streams too, so there its
   * {@code isTerminal()} decides.
   */
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
