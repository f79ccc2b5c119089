package dev.gatehouse.core.model;

/**
 * Thrown when a conn.log row arrives for a session that {@link SshExternalInternalModel} graded
 * without one after {@link SshExternalInternalModel#expectNoConnRows()}. The model's state is
 * then incomplete: the driver starts over with a new model that expects conn.log rows.
 */
public final class ConnRowsNotExpectedException extends IllegalStateException {

  public ConnRowsNotExpectedException(String message) {
    super(message);
  }
}
