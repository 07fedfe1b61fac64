package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * What the guardrails did to the statement that has just started executing on this thread (its
 * execution id, row limit and timeout), for the query log: Avatica's protocol has no place for an
 * SQL warning, so a lowered limit is reported there and in the metrics, and the query log takes the
 * execution's id as its own, so that the id a backend received ({@link QueryExecution#id()}) is the
 * one of the query's log line. The gateway's request thread reads it right after the execute
 * request it served.
 */
public final class GuardrailNotes {
  private static final ThreadLocal<Note> CURRENT = new ThreadLocal<>();

  private GuardrailNotes() {
  }

  /**
   * The notes of one execution.
   *
   * @param queryId the execution's id, as its backend statements carry it
   * @param rowLimit the limit of the result
   * @param timeoutMs the execution's timeout
   */
  public record Note(String queryId, RowLimit rowLimit, long timeoutMs) {
    public Note {
      requireNonNull(queryId, "queryId");
      requireNonNull(rowLimit, "rowLimit");
    }

    /**
     * {@code limit=100 limit_action=added timeout_ms=5000} for a log line; a lowered limit also says
     * what was asked for ({@code limit_requested=50000}).
     */
    public String summary() {
      StringBuilder text = new StringBuilder();
      if (rowLimit.action() != RowLimit.Action.NONE) {
        text.append("limit=").append(rowLimit.effective()).append(" limit_action=")
            .append(rowLimit.action().name().toLowerCase(Locale.ROOT)).append(' ');
        if (rowLimit.action() == RowLimit.Action.LOWERED) {
          text.append("limit_requested=").append(rowLimit.requested().getAsLong()).append(' ');
        }
      }
      return text.append("timeout_ms=").append(timeoutMs).toString();
    }
  }

  static void publish(Note note) {
    CURRENT.set(note);
  }

  /** The notes published on this thread and not taken yet (an earlier execution of the same request). */
  static Optional<Note> pending() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The notes of the execution that last started on this thread, once; empty afterwards. */
  public static Optional<Note> take() {
    Note note = CURRENT.get();
    CURRENT.remove();
    return Optional.ofNullable(note);
  }
}
