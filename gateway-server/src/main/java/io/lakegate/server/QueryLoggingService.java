package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.guardrails.GuardrailNotes;
import io.lakegate.lake.ScanScope;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps Avatica's {@code LocalService} to follow each query from execute through its fetches to
 * its end: counts the rows sent in every frame, writes the {@link QueryLog} line once, and turns a
 * failure into the caller's one-line {@link GatewayError} carrying the query id.
 *
 * <p>Each request of a query (execute, fetch, close) runs with the query's {@link ScanScope} bound
 * to the serving thread, so that the lake scans it starts count for it alone; the binding is undone
 * before the request returns or fails, so nothing stays on the pooled Jetty thread.
 */
final class QueryLoggingService extends ForwardingService {
  private static final Logger LOG = LoggerFactory.getLogger(QueryLoggingService.class);

  private final QueryLog queryLog;
  private final ErrorMapper errors;
  private final Predicate<String> connectionOpen;
  private final ConcurrentMap<String, String> users = new ConcurrentHashMap<>();

  /**
   * @param connectionOpen whether a connection id is still open in the meta (connections that
   *     expired without a close are found this way)
   */
  QueryLoggingService(Service delegate, QueryLog queryLog, ErrorMapper errors, Predicate<String> connectionOpen) {
    super(delegate);
    this.queryLog = requireNonNull(queryLog, "queryLog");
    this.errors = requireNonNull(errors, "errors");
    this.connectionOpen = requireNonNull(connectionOpen, "connectionOpen");
  }

  @Override
  public OpenConnectionResponse apply(OpenConnectionRequest request) {
    OpenConnectionResponse response = delegate.apply(request);
    users.put(request.connectionId, ClientPropertyPolicy.user(request.info));
    forgetExpiredConnections();
    return response;
  }

  @Override
  public CloseConnectionResponse apply(CloseConnectionRequest request) {
    try {
      return delegate.apply(request);
    } finally {
      users.remove(request.connectionId);
      queryLog.finishConnections(request.connectionId::equals);
    }
  }

  @Override
  public PrepareResponse apply(PrepareRequest request) {
    try {
      return delegate.apply(request);
    } catch (RuntimeException | Error e) {
      // A statement that does not prepare is a failed query for the caller; log it like one.
      throw fail(queryLog.startDetached(user(request.connectionId), request.sql), e);
    }
  }

  @Override
  public ExecuteResponse apply(PrepareAndExecuteRequest request) {
    QueryLog.Query query = queryLog.start(request.connectionId, request.statementId,
        user(request.connectionId), request.sql);
    return executed(query, () -> delegate.apply(request));
  }

  @Override
  public ExecuteResponse apply(ExecuteRequest request) {
    Meta.StatementHandle handle = request.statementHandle;
    String sql = handle.signature != null && handle.signature.sql != null
        ? handle.signature.sql
        : "(prepared statement " + handle.id + ")";
    QueryLog.Query query = queryLog.start(handle.connectionId, handle.id, user(handle.connectionId), sql);
    return executed(query, () -> delegate.apply(request));
  }

  @Override
  public FetchResponse apply(FetchRequest request) {
    QueryLog.Query query = queryLog.running(request.connectionId, request.statementId);
    FetchResponse response;
    try {
      response = within(query, () -> delegate.apply(request));
    } catch (RuntimeException | Error e) {
      if (query == null) {
        throw e;
      }
      throw fail(query, e);
    }
    if (query != null) {
      if (response.frame != null) {
        queryLog.rowsSent(query, count(response.frame.rows));
        if (response.frame.done) {
          queryLog.finishOk(query);
        }
      } else if (response.missingStatement) {
        queryLog.finishOk(query);
      }
    }
    return response;
  }

  @Override
  public CloseStatementResponse apply(CloseStatementRequest request) {
    try {
      return within(queryLog.running(request.connectionId, request.statementId), () -> delegate.apply(request));
    } finally {
      queryLog.finishStatement(request.connectionId, request.statementId);
    }
  }

  /** Runs an execute, counts the first frame's rows, and completes the query when nothing is left to fetch. */
  private ExecuteResponse executed(QueryLog.Query query, Supplier<ExecuteResponse> execute) {
    ExecuteResponse response;
    try {
      response = within(query, execute);
    } catch (RuntimeException | Error e) {
      GuardrailNotes.take().ifPresent(query::guardrails);
      // Errors too: Calcite's generated code fails with ExceptionInInitializerError (1/0 folded into a
      // static initializer) or AssertionError; they end this query, not the gateway.
      throw fail(query, e);
    }
    // The row limit and timeout the execution ran with (a lowered limit is the warning Avatica cannot carry).
    GuardrailNotes.take().ifPresent(query::guardrails);
    // Which backend answered (and why the lake did, after a ClickHouse failure).
    FailoverNote.current().ifPresent(query::backend);
    if (response.missingStatement || response.results == null) {
      // The client re-creates the statement and sends the query again; that run is the one logged.
      queryLog.discard(query);
      return response;
    }
    boolean done = true;
    for (ResultSetResponse result : response.results) {
      if (result.firstFrame != null) {
        queryLog.rowsSent(query, count(result.firstFrame.rows));
        done &= result.firstFrame.done;
      } else {
        // No frame: an update count (complete), or rows the client will fetch.
        done &= result.updateCount != -1;
      }
    }
    if (done) {
      queryLog.finishOk(query);
    }
    return response;
  }

  /** Runs {@code request} with the query's scan scope bound to this thread (as it is without a query). */
  private static <T> T within(QueryLog.Query query, Supplier<T> request) {
    if (query == null) {
      return request.get();
    }
    ScanScope.Binding binding = query.scan().bind();
    try {
      return request.get();
    } finally {
      binding.close();
    }
  }

  private RuntimeException fail(QueryLog.Query query, Throwable e) {
    GatewayError error = errors.map(e, query.id());
    String plannerReport = ErrorMapper.plannerReport(e);
    if (error.internal()) {
      LOG.error("query id={} failed inside the gateway", query.id(), e);
    } else if (plannerReport != null) {
      // The caller got one line; the planner's report is what a developer needs to add support.
      LOG.info("query id={} could not be planned; Calcite's report:\n{}", query.id(), plannerReport);
    } else {
      LOG.debug("query id={} rejected: {}", query.id(), error.message(), e);
    }
    queryLog.finishError(query, error);
    return error.toException();
  }

  private String user(String connectionId) {
    String user = connectionId == null ? null : users.get(connectionId);
    return user == null ? "anonymous" : user;
  }

  /** Connections that expired without a close leave users and queries behind; complete them now. */
  private void forgetExpiredConnections() {
    Predicate<String> gone = connectionOpen.negate();
    users.keySet().removeIf(gone);
    queryLog.finishConnections(gone);
  }

  private static long count(Iterable<Object> rows) {
    if (rows == null) {
      return 0;
    }
    if (rows instanceof Collection<?> collection) {
      return collection.size();
    }
    long n = 0;
    for (Object ignored : rows) {
      n++;
    }
    return n;
  }
}
