package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.PolicyConfig;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The guardrail policy applied at the three points where Calcite prepares and runs a statement,
 * the same for every backend:
 *
 * <ol>
 *   <li>{@link #checkStatement} on the parsed text, before Calcite prepares it: length, one
 *       statement, read-only, EXPLAIN, complexity, limits in range, the tables and table functions
 *       in FROM;
 *   <li>{@link #rewritePlan} on the validated logical plan, before the planner optimizes it:
 *       table, column and function allowlists, then the row limit at the root;
 *   <li>{@link #guardExecution} around every execution: the query deadline.
 * </ol>
 *
 * <p>Preparing a statement has a deadline of its own ({@link #startPreparation}).
 *
 * <p>Connections are checked by {@link #openSession}. Every rejection is a
 * {@link GuardrailViolation} and is counted in {@link #metrics()}.
 */
public final class Guardrails implements AutoCloseable {
  /** The connection property with which a client shortens its query timeout (milliseconds). */
  public static final String TIMEOUT_PROPERTY = ConnectionPropertyRule.TIMEOUT_PROPERTY;
  /** Every connection property a client may send. */
  public static final List<String> ALLOWED_CONNECTION_PROPERTIES = ConnectionPropertyRule.ALLOWED;

  private final PolicyConfig policy;
  private final Allowlist allowlist;
  private final StatementLengthRule length;
  private final SingleStatementRule singleStatement = new SingleStatementRule();
  private final ReadOnlyRule readOnly = new ReadOnlyRule();
  private final ExplainRule explain;
  private final ComplexityRule complexity = new ComplexityRule();
  private final LimitLiteralRule limitLiterals;
  private final TableAllowlistRule tables;
  private final ColumnAllowlistRule columns;
  private final FunctionRule functions = new FunctionRule();
  private final RowLimitRule rowLimit;
  private final ConnectionPropertyRule connectionProperties;
  private final GuardrailMetrics metrics = new GuardrailMetrics();
  private final QueryTimer timer = new QueryTimer();
  private final ExecutionGuard executions;

  public Guardrails(String schemaName, PolicyConfig policy) {
    this.policy = requireNonNull(policy, "policy");
    this.allowlist = new Allowlist(schemaName, policy);
    this.length = new StatementLengthRule(policy.maxStatementLength());
    this.explain = new ExplainRule(policy.allowExplain());
    this.limitLiterals = new LimitLiteralRule(policy.maxRowLimit());
    this.tables = new TableAllowlistRule(allowlist);
    this.columns = new ColumnAllowlistRule(allowlist);
    this.rowLimit = new RowLimitRule(policy.defaultRowLimit(), policy.maxRowLimit());
    this.connectionProperties = new ConnectionPropertyRule(policy.queryTimeoutMs());
    this.executions = new ExecutionGuard(timer, metrics);
  }

  /** The guardrails of a model's virtual schema and policy. */
  public static Guardrails of(LakegateModel model) {
    return new Guardrails(model.schemaName(), model.policy());
  }

  public PolicyConfig policy() {
    return policy;
  }

  public GuardrailMetrics metrics() {
    return metrics;
  }

  /**
   * Checks the properties a client opens a connection with.
   *
   * @return the connection's settings
   * @throws GuardrailViolation (CONNECTION_PROPERTY) naming every property that is not allowed
   */
  public GuardrailSession openSession(Map<String, String> clientProperties) {
    return counted(() -> connectionProperties.check(clientProperties));
  }

  /** The settings of a connection that asked for nothing (the policy's). */
  public GuardrailSession defaultSession() {
    return new GuardrailSession(policy.queryTimeoutMs());
  }

  /**
   * Starts the deadline of preparing one statement of a connection (its timeout from now); close
   * it when the statement is prepared.
   */
  public PreparationDeadline startPreparation(GuardrailSession session) {
    requireNonNull(session, "session");
    return new PreparationDeadline(timer.start(session.timeoutMs()), metrics);
  }

  /**
   * The statement-level rules, on the text as Calcite will parse it.
   *
   * @param parserConfig the parser configuration of the connection that prepares the statement
   * @return the text Calcite should prepare
   * @throws GuardrailViolation when a rule rejects the statement
   * @throws SqlParseException when Calcite cannot parse it (and no rule explains why better)
   */
  public CheckedStatement checkStatement(String sql, SqlParser.Config parserConfig) throws SqlParseException {
    requireNonNull(sql, "sql");
    try {
      length.check(sql);
      StatementParser parser = new StatementParser(parserConfig);
      SqlNode statement;
      String text;
      try {
        SqlNodeList statements = parser.statements(sql);
        statement = singleStatement.single(statements);
        text = singleStatement.statementText(sql, statement, parser);
      } catch (SqlParseException e) {
        if (e.getCause() instanceof StackOverflowError) {
          // Calcite's parser ran out of stack and gave up cleanly (its frames are gone): too deep.
          throw ComplexityRule.tooDeep();
        }
        singleStatement.checkParseFailure(e);
        readOnly.checkParseFailure(sql, e);
        throw e;
      }
      readOnly.check(statement);
      SqlNode query = explain.check(statement);
      readOnly.checkExplained(query);
      complexity.check(statement);
      limitLiterals.check(statement);
      new FromClauseRule(allowlist, parserConfig.caseSensitive()).check(query);
      return new CheckedStatement(text, statement, query != statement, RowLimitRule.hasOwnLimit(query));
    } catch (GuardrailViolation e) {
      metrics.rejected(e.rule());
      throw e;
    }
  }

  /**
   * The plan-level rules, on the validated logical plan before it is optimized, and the row limit.
   *
   * @param statement the statement the plan is of, as {@link #checkStatement} accepted it
   * @throws GuardrailViolation when the plan reads a table, column or function outside the allowlist
   */
  public GuardedPlan rewritePlan(RelRoot root, CheckedStatement statement) {
    requireNonNull(root, "root");
    requireNonNull(statement, "statement");
    return counted(() -> {
      List<RelNode> plan = PlanNodes.of(root.rel);
      tables.check(plan);
      functions.check(plan);
      columns.check(root.rel, plan);
      RowLimitRule.Result limited = rowLimit.apply(root, statement.ownLimit());
      return new GuardedPlan(limited.root(), limited.limit());
    });
  }

  /**
   * The prepared statement with every execution under the session's deadline.
   *
   * @param limit what {@link #rewritePlan} did to its plan ({@link RowLimit#NONE} if it did not run)
   */
  public <T> CalciteSignature<T> guardExecution(CalciteSignature<T> signature, GuardrailSession session,
      RowLimit limit) {
    return executions.guard(signature, session, limit);
  }

  /** Stops the timer of query deadlines (at gateway shutdown). */
  @Override
  public void close() {
    timer.close();
  }

  private <T> T counted(Supplier<T> check) {
    try {
      return check.get();
    } catch (GuardrailViolation e) {
      metrics.rejected(e.rule());
      throw e;
    }
  }
}
