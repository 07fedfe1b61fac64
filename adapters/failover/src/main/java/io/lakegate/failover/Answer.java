package io.lakegate.failover;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a statement returned and which backend produced it.
 *
 * @param value what the {@link StatementRun} returned
 * @param backend the backend that answered
 * @param lakeReason why the lake answered rather than ClickHouse (ClickHouse failed, or the breaker is
 *     open, or no ClickHouse is configured); empty when ClickHouse answered
 */
public record Answer<T>(T value, Backend backend, Optional<String> lakeReason) {
  public Answer {
    requireNonNull(backend, "backend");
    requireNonNull(lakeReason, "lakeReason");
  }
}
