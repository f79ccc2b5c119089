package dev.gatehouse.enrich;

/**
 * Thrown when the novelty state file cannot be read or written. The message names the file, what
 * is wrong and what to do.
 */
public final class StateFileException extends Exception {

  /** Creates the exception with {@code message} and the failure behind it, which may be {@code null}. */
  public StateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
