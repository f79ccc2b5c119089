package dev.gatehouse.core.record;

/**
 * Zeek's three-valued {@code auth_success}: a session's authentication outcome as the sensor saw
 * it. {@link #UNSET} is neither success nor failure and stays distinct all the way to the output.
 */
public enum AuthOutcome {
  /** {@code T}: the sensor saw the authentication succeed. */
  SUCCESS,
  /** {@code F}: the sensor saw the authentication fail. */
  FAILURE,
  /** {@code -} in TSV, or the key absent in JSON: the sensor could not tell. */
  UNSET
}
