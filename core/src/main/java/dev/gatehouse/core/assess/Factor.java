package dev.gatehouse.core.assess;

import java.util.Objects;

/**
 * One reason behind a {@link Score}.
 *
 * @param code a short stable name such as {@code brute_force}, for filters and dashboards
 * @param severityPoints what the factor adds to the risk score
 * @param certaintyPoints what the factor adds to the certainty
 * @param detail a sentence with the values behind the factor
 */
public record Factor(String code, int severityPoints, int certaintyPoints, String detail) {

  /** Checks that the code and the sentence are present. */
  public Factor {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }
}
