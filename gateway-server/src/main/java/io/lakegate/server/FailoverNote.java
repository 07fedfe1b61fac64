package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.failover.Backend;

import java.util.Optional;

/**
 * Which backend answers the statement this thread serves, and why the lake does when ClickHouse
 * failed: set by {@link LakegateMeta} inside an execute (the backend that ran it) or a fetch (the backend
 * of the statement's result), read by the query log and the HTTP handler of the same request, cleared
 * by the handler around each request.
 *
 * @param backend the backend that produced the rows
 * @param lakeReason why the lake answered instead of ClickHouse, when it did because of a failure
 */
record FailoverNote(Backend backend, Optional<String> lakeReason) {
  private static final ThreadLocal<FailoverNote> CURRENT = new ThreadLocal<>();

  FailoverNote {
    requireNonNull(backend, "backend");
    requireNonNull(lakeReason, "lakeReason");
  }

  static void set(FailoverNote note) {
    CURRENT.set(requireNonNull(note, "note"));
  }

  /** The note of this thread's last execute or fetch in the current request, if any. */
  static Optional<FailoverNote> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Forgets this thread's note; the HTTP handler calls it around every request (Jetty threads are pooled). */
  static void clear() {
    CURRENT.remove();
  }
}
