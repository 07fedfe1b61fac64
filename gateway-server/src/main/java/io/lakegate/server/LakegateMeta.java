package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.failover.Answer;
import io.lakegate.failover.Backend;
import io.lakegate.failover.BackendChoice;
import io.lakegate.failover.Failover;
import io.lakegate.guardrails.GuardrailSession;
import io.lakegate.guardrails.GuardrailViolation;
import io.lakegate.guardrails.Guardrails;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.Lex;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatica's {@link JdbcMeta} over Calcite: each remote connection is a fresh Calcite connection
 * with fixed properties whose root schema holds the one shared virtual schema, so connections
 * cost no lake reads and no client property can change what they see. Statements are prepared by
 * {@link LakegatePrepare} under the {@link Guardrails}, with the connection's own
 * {@link GuardrailSession} (a client may shorten its query timeout when it opens the connection).
 *
 * <p>Row counts a request leaves out mean "no limit, default frames". Avatica's JSON decoding
 * turns a missing {@code maxRowsTotal}, {@code maxRowsInFirstFrame} (execute: {@code maxRowCount})
 * or {@code fetchMaxRowCount} into 0, which {@link JdbcMeta} reads as "send 0 rows, done": a curl
 * user or an agent that omits one would get an empty, complete result. So 0 is served as what
 * Avatica's remote driver sends for a statement without a row limit: -1, a first frame of
 * {@value #DEFAULT_FRAME_ROWS} rows ({@link AvaticaStatement#DEFAULT_FETCH_SIZE}), and fetches of
 * {@value #DEFAULT_FRAME_ROWS} rows.
 *
 * <p>With {@link Failover}, every execution runs through its executor: the backend (ClickHouse or
 * the lake) is bound around prepare, execute and the first frame, a ClickHouse outage before the first
 * frame re-runs the statement on the lake, and one after rows were sent becomes the 08006 error. A
 * re-run closes what the failed run opened (its Calcite result set or prepared statement, and with it
 * the ClickHouse connection). Every execute and fetch of a statement notes its backend in
 * {@link FailoverNote} for the response header and the query log.
 *
 * <p>Metadata answers list the virtual schema only ({@link VirtualSchemaOnly}).
 */
public final class LakegateMeta extends JdbcMeta {
  private static final Logger LOG = LoggerFactory.getLogger(LakegateMeta.class);
  private static final String CALCITE_URL = "jdbc:calcite:";
  /** Calcite's driver; each connection gets a copy whose prepare factory carries its guardrail session. */
  private static final Driver CALCITE_DRIVER = new Driver();
  /** Rows in a frame when the request does not say; Avatica's own default fetch size. */
  static final int DEFAULT_FRAME_ROWS = AvaticaStatement.DEFAULT_FETCH_SIZE;
  /** Avatica's "no limit" for row counts of the meta API (0 would mean no rows at all). */
  private static final int NO_LIMIT = -1;

  private final String schemaName;
  private final Schema schema;
  private final Guardrails guardrails;
  private final Optional<Failover> failover;
  private final VirtualSchemaOnly virtualSchemaOnly;
  /** Plans shared by every connection: a statement prepared again is not planned again. */
  private final PlanCache plans;
  /** Which backend each statement's current result comes from (its fetches' header, fetch failures). */
  private final ConcurrentMap<Integer, FailoverNote> notes = new ConcurrentHashMap<>();
  /** The connection of each open statement: closing a connection closes its statements first. */
  private final ConcurrentMap<Integer, String> owners = new ConcurrentHashMap<>();

  /**
   * The gateway's meta: every connection mounts {@code failover}'s schema, every execution runs
   * through its executor.
   *
   * @param schemaName the name callers use ({@code analytics}), also the default schema
   * @param failover the routing between ClickHouse and the lake, shared by every connection
   * @param guardrails the policy every statement of every connection is checked and rewritten by
   */
  public LakegateMeta(String schemaName, Failover failover, Guardrails guardrails) throws SQLException {
    this(schemaName, failover, guardrails, PlanCache.DEFAULT_SIZE);
  }

  /**
   * The gateway's meta, keeping up to {@code planCacheSize} plans ({@link PlanCache}; 0: none).
   *
   * @param schemaName the name callers use ({@code analytics}), also the default schema
   * @param failover the routing between ClickHouse and the lake, shared by every connection
   * @param guardrails the policy every statement of every connection is checked and rewritten by
   * @param planCacheSize how many prepared plans all connections share; 0 plans every statement anew
   */
  public LakegateMeta(String schemaName, Failover failover, Guardrails guardrails, int planCacheSize)
      throws SQLException {
    this(schemaName, requireNonNull(failover, "failover").schema(), Optional.of(failover), guardrails,
        new PlanCache(planCacheSize, failover.schema()::plannedBackend));
  }

  /**
   * A meta over a plain schema without failover (tests of the Avatica layer).
   *
   * @param schemaName the name callers use ({@code analytics}), also the default schema
   * @param schema the virtual schema, shared by every connection
   * @param guardrails the policy every statement of every connection is checked and rewritten by
   */
  public LakegateMeta(String schemaName, Schema schema, Guardrails guardrails) throws SQLException {
    this(schemaName, schema, Optional.empty(), guardrails, new PlanCache(PlanCache.DEFAULT_SIZE, () -> Backend.LAKE));
  }

  private LakegateMeta(String schemaName, Schema schema, Optional<Failover> failover, Guardrails guardrails,
      PlanCache plans) throws SQLException {
    super(CALCITE_URL, calciteProperties(schemaName));
    this.schemaName = requireNonNull(schemaName, "schemaName");
    this.schema = requireNonNull(schema, "schema");
    this.failover = failover;
    this.guardrails = requireNonNull(guardrails, "guardrails");
    this.virtualSchemaOnly = new VirtualSchemaOnly(schemaName);
    this.plans = requireNonNull(plans, "plans");
  }

  /**
   * The only properties a Calcite connection gets: MySQL-style case-insensitive identifiers that
   * keep their case, standard functions, UTC, and the virtual schema as default. Nothing from the
   * model/schemaFactory family: the schema is added by {@link #createConnection}.
   */
  static Properties calciteProperties(String schemaName) {
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.LEX.camelName(), Lex.MYSQL_ANSI.name());
    properties.setProperty(CalciteConnectionProperty.TIME_ZONE.camelName(), "UTC");
    properties.setProperty(CalciteConnectionProperty.FUN.camelName(), "standard");
    properties.setProperty(CalciteConnectionProperty.SCHEMA.camelName(), schemaName);
    return properties;
  }

  /**
   * Rejects every client property outside {@link Guardrails#ALLOWED_CONNECTION_PROPERTIES} (and a
   * timeout longer than the policy's), then opens with the server's properties only; the only thing
   * passed on is the connection's guardrail session, which {@link #createConnection} takes back out.
   */
  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    GuardrailSession session;
    try {
      session = guardrails.openSession(info);
    } catch (GuardrailViolation e) {
      throw GatewayError.of(e).toException();
    }
    super.openConnection(ch, Map.of(Guardrails.TIMEOUT_PROPERTY, Long.toString(session.timeoutMs())));
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    // The deprecated variant without maxRowsInFirstFrame delegates here too.
    long rows = maxRowCount == 0 ? NO_LIMIT : maxRowCount;
    int firstFrame = maxRowsInFirstFrame == 0 ? NO_LIMIT : maxRowsInFirstFrame;
    if (failover.isEmpty()) {
      return super.prepareAndExecute(h, sql, rows, firstFrame, callback);
    }
    // Prepare, execute and the first frame all happen in here: a ClickHouse outage before the first
    // frame is returned re-runs the same statement on the lake (JdbcMeta closes the old result itself).
    Answer<ExecuteResult> answer = failover.get().executor().call(backend ->
        super.prepareAndExecute(h, sql, rows, firstFrame, callback));
    noted(h.id, answer);
    return answer.value();
  }

  @Override
  @SuppressWarnings("try") // the binding is read by the planner, not in the block
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    if (failover.isEmpty()) {
      return prepareOn(ch, sql, maxRowCount, Backend.LAKE);
    }
    // The plan is fixed here, so the backend is chosen here; execute re-prepares when it changed.
    try (BackendChoice choice = failover.get().schema().bind(failover.get().schema().route())) {
      return prepareOn(ch, sql, maxRowCount, choice.backend());
    }
  }

  /**
   * What {@link JdbcMeta#prepare} does, except that the statement is registered as a
   * {@link PlannedStatement}, so that a failover can plan it again and close this plan.
   */
  private StatementHandle prepareOn(ConnectionHandle ch, String sql, long maxRowCount, Backend backend) {
    try {
      PreparedStatement statement = getConnection(ch.id).prepareStatement(sql);
      try {
        limitRows(statement, maxRowCount);
        StatementType type = statement.isWrapperFor(AvaticaPreparedStatement.class)
            ? statement.unwrap(AvaticaPreparedStatement.class).getStatementType()
            : null;
        Signature signature = signature(statement.getMetaData(), statement.getParameterMetaData(), sql, type);
        int id = getStatementIdGenerator().getAndIncrement();
        getStatementCache().put(id, new PlannedStatement(statement, sql, maxRowCount, backend));
        owners.put(id, ch.id);
        return new StatementHandle(ch.id, id, signature);
      } catch (SQLException | RuntimeException e) {
        closeAfterFailure(statement, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
  }

  /** JdbcMeta's row limit of a statement: Avatica's 0 means none, JDBC's 0 means unlimited. */
  private static void limitRows(Statement statement, long maxRowCount) throws SQLException {
    if (maxRowCount > 0) {
      AvaticaUtils.setLargeMaxRows(statement, maxRowCount);
    } else if (maxRowCount < 0) {
      statement.setMaxRows(0);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    // The deprecated variant with a long count delegates here too.
    int firstFrame = maxRowsInFirstFrame == 0 ? NO_LIMIT : maxRowsInFirstFrame;
    if (failover.isEmpty()) {
      return super.execute(h, parameterValues, firstFrame);
    }
    Answer<ExecuteResult> answer = failover.get().executor().call(backend -> {
      if (getStatementCache().getIfPresent(h.id) instanceof PlannedStatement planned && planned.backend() != backend) {
        reprepare(h, planned, backend);
      }
      return super.execute(h, parameterValues, firstFrame);
    });
    noted(h.id, answer);
    return answer.value();
  }

  /**
   * Plans {@code h}'s statement again under the binding the executor holds, replaces the cached one, and
   * closes the old plan: closing the Calcite statement closes its result set, which hands back the
   * ClickHouse connection a failed first frame still holds.
   */
  private void reprepare(StatementHandle h, PlannedStatement old, Backend backend) {
    try {
      PreparedStatement fresh = getConnection(h.connectionId).prepareStatement(old.sql());
      try {
        limitRows(fresh, old.maxRowCount());
      } catch (SQLException | RuntimeException e) {
        closeAfterFailure(fresh, e);
        throw e;
      }
      getStatementCache().put(h.id, new PlannedStatement(fresh, old.sql(), old.maxRowCount(), backend));
      old.statement().close();
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
    LOG.debug("statement {} planned again for {}", h.id, backend.id());
  }

  private static void closeAfterFailure(Statement statement, Exception failure) {
    try {
      statement.close();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private void noted(int statementId, Answer<ExecuteResult> answer) {
    // "No ClickHouse configured" is not a failover: only a configured ClickHouse's failure is noted.
    boolean configured = failover.flatMap(Failover::breaker).isPresent();
    FailoverNote note = new FailoverNote(answer.backend(), configured ? answer.lakeReason() : Optional.empty());
    notes.put(statementId, note);
    FailoverNote.set(note);
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    StatementHandle h = super.createStatement(ch);
    owners.put(h.id, ch.id);
    return h;
  }

  @Override
  public void closeStatement(StatementHandle h) {
    try {
      super.closeStatement(h);
    } finally {
      notes.remove(h.id);
      owners.remove(h.id);
    }
  }

  /**
   * Closes the connection's statements, then the connection. Calcite's connection does not close its
   * statements, and JdbcMeta closes them only when they expire (5 minutes later): a result the client left
   * unread (an agent that closes the connection after the first frame) would hold its ClickHouse pooled
   * connection, or its lake file readers, until then.
   */
  @Override
  public void closeConnection(ConnectionHandle ch) {
    try {
      List<Integer> statements = owners.entrySet().stream().filter(e -> e.getValue().equals(ch.id))
          .map(Map.Entry::getKey).toList();
      for (int id : statements) {
        try {
          closeStatement(new StatementHandle(ch.id, id, null));
        } catch (RuntimeException e) {
          LOG.warn("closing statement {} of connection {} failed: {}", id, ch.id, e.toString());
        }
      }
      super.closeConnection(ch);
    } finally {
      // Statement ids are unique per server: forget those whose statements are gone.
      notes.keySet().removeIf(id -> getStatementCache().getIfPresent(id) == null);
      owners.keySet().removeIf(id -> getStatementCache().getIfPresent(id) == null);
    }
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return virtualSchemaOnly.filter(super.getSchemas(ch, catalog, schemaPattern));
  }

  @Override
  public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      List<String> typeList) {
    return virtualSchemaOnly.filter(super.getTables(ch, catalog, schemaPattern, tableNamePattern, typeList));
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      Pat columnNamePattern) {
    return virtualSchemaOnly.filter(super.getColumns(ch, catalog, schemaPattern, tableNamePattern,
        columnNamePattern));
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    FailoverNote note = notes.get(h.id);
    if (note != null) {
      // The fetch's response names the backend too, also when it fails.
      FailoverNote.set(note);
    }
    if (resultAlreadySent(h)) {
      // JdbcMeta closes the result set with its last frame, and a further fetch would fail with
      // "ResultSet closed"; JSON callers (curl, agents) often fetch once more, so answer "no more rows".
      return new Frame(offset, true, List.of());
    }
    try {
      return super.fetch(h, offset, fetchMaxRowCount == 0 ? DEFAULT_FRAME_ROWS : fetchMaxRowCount);
    } catch (RuntimeException e) {
      if (failover.isEmpty()) {
        throw e;
      }
      // offset is the number of rows already sent: a ClickHouse outage now means an incomplete answer.
      Optional<SQLException> incomplete = failover.get().executor()
          .failureAfterRows(e, note == null ? Backend.LAKE : note.backend(), offset);
      if (incomplete.isPresent()) {
        throw new RuntimeException(incomplete.get());
      }
      throw e;
    }
  }

  private boolean resultAlreadySent(StatementHandle h) {
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    if (info == null || info.getResultSet() == null) {
      return false;
    }
    try {
      return info.getResultSet().isClosed();
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * A new Calcite connection configured as every remote connection is (the warm-up at start uses
   * it); the caller closes it.
   */
  Connection openCalciteConnection() throws SQLException {
    return createConnection(CALCITE_URL, calciteProperties(schemaName));
  }

  /**
   * A Calcite connection with {@code info} (the server's properties; the guardrail session travels
   * in it from {@link #openConnection} and is removed before Calcite sees it).
   */
  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    Properties calciteInfo = (Properties) info.clone();
    Object timeout = calciteInfo.remove(Guardrails.TIMEOUT_PROPERTY);
    GuardrailSession session = timeout == null
        ? guardrails.defaultSession()
        : new GuardrailSession(Long.parseLong(timeout.toString()));
    Driver driver = CALCITE_DRIVER.withPrepareFactory(() -> new LakegatePrepare(guardrails, session, plans));
    Connection connection = driver.connect(url, calciteInfo);
    try {
      CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
      calcite.getRootSchema().add(schemaName, schema);
      calcite.setSchema(schemaName);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** The plan cache's size and hits, for {@code GET /metrics}. */
  Map<String, Object> planCacheMetrics() {
    return plans.toMap();
  }

  /** Whether the connection is still open (not closed, not expired); does not count as a use. */
  boolean isOpen(String connectionId) {
    return getConnectionCache().asMap().containsKey(connectionId);
  }

  /** Open connections right now (approximate while expired ones await cleanup). */
  long openConnections() {
    return getConnectionCache().size();
  }

  /** Closes every open connection and its statements (server shutdown). */
  void closeAllConnections() {
    List<String> ids = List.copyOf(getConnectionCache().asMap().keySet());
    for (String id : ids) {
      try {
        closeConnection(new ConnectionHandle(id));
      } catch (RuntimeException e) {
        LOG.warn("closing connection {} at shutdown failed: {}", id, e.toString());
      }
    }
    if (!ids.isEmpty()) {
      LOG.info("closed {} open connection(s)", ids.size());
    }
  }
}
