package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

/**
 * The verdict on one ClickHouse failure.
 *
 * @param kind what it means for failover
 * @param reason a few words for logs and callers ({@code connection refused}, {@code HTTP 503},
 *     {@code ClickHouse error 62}), never a stack trace
 * @param confirmed for {@link FailureKind#BACKEND_UNAVAILABLE}: whether the failure itself proves ClickHouse
 *     unreachable (a refused or timed-out connect, a 5xx from the server or a proxy); an unconfirmed one
 *     (a reused connection that got no response, a read timeout) is checked by a probe before traffic moves
 */
public record Failure(FailureKind kind, String reason, boolean confirmed) {
  public Failure {
    requireNonNull(kind, "kind");
    requireNonNull(reason, "reason");
  }

  static Failure unavailable(String reason, boolean confirmed) {
    return new Failure(FailureKind.BACKEND_UNAVAILABLE, reason, confirmed);
  }

  static Failure queryError(String reason) {
    return new Failure(FailureKind.QUERY_ERROR, reason, false);
  }

  static Failure other(String reason) {
    return new Failure(FailureKind.OTHER, reason, false);
  }

  public boolean unavailable() {
    return kind == FailureKind.BACKEND_UNAVAILABLE;
  }
}
