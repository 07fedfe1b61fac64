package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import io.lakegate.functions.LakegateFunctions;
import io.lakegate.guardrails.CheckedStatement;
import io.lakegate.guardrails.ExplicitTable;
import io.lakegate.guardrails.GuardedPlan;
import io.lakegate.guardrails.GuardrailSession;
import io.lakegate.guardrails.Guardrails;
import io.lakegate.guardrails.PreparationDeadline;
import io.lakegate.guardrails.RowLimit;

import java.lang.reflect.Type;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How the gateway's Calcite connections prepare a statement (supplied through
 * {@code Driver.withPrepareFactory}, so it applies to these connections only, one instance per
 * statement prepared): the {@link Guardrails} check the text before Calcite parses it and rewrite
 * the validated plan before the planner optimizes it, and every execution runs under the
 * connection's deadline; every planner gets lakegate's function rules, and the validator uses
 * {@link GatewayConformance}. Preparing a statement has the connection's timeout too: the planner
 * stops exploring at the deadline and the statement is refused ({@link PreparationDeadline}).
 * A statement the gateway has planned before comes from the {@link PlanCache} without any of this,
 * and is put under this connection's deadline like a fresh plan.
 *
 * <p>The lake scan also registers the function rules, but only for plans that still contain a
 * scan when Volcano starts; a query over {@code VALUES} only, or one Calcite proves empty
 * ({@code WHERE FALSE}), would otherwise miss them and fail to plan a percentile, or compute a
 * window the functions module refuses (a wrong answer).
 */
final class LakegatePrepare extends CalcitePrepareImpl {
  private final Guardrails guardrails;
  private final GuardrailSession session;
  private final PlanCache plans;
  /** The statement being prepared, as the guardrails accepted it. */
  private CheckedStatement checked;
  /** What the plan rules did to it ({@link RowLimit#NONE} until they ran). */
  private RowLimit rowLimit = RowLimit.NONE;
  /** The deadline of the statement being prepared; null outside {@link #prepareSql}. */
  private PreparationDeadline preparation;

  LakegatePrepare(Guardrails guardrails, GuardrailSession session, PlanCache plans) {
    this.guardrails = requireNonNull(guardrails, "guardrails");
    this.session = requireNonNull(session, "session");
    this.plans = requireNonNull(plans, "plans");
  }

  /**
   * Checks the statement, prepares the text the guardrails accepted, and puts its executions under
   * the connection's deadline; a statement the gateway planned before (same text, same backend) is
   * taken from the {@link PlanCache} instead. Plans and queryables the gateway builds itself have no
   * text to check.
   */
  @Override
  public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, CalcitePrepare.Query<T> query,
      Type elementType, long maxRowCount) {
    if (query.sql == null) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
    PlanCache.Key key = plans.key(query.sql, elementType, maxRowCount);
    PlanCache.Plan plan = plans.get(key).orElse(null);
    if (plan == null) {
      plan = plan(context, query.sql, elementType, maxRowCount);
      plans.put(key, plan);
    }
    CalciteSignature<T> signature = plan.signatureFor(context.getRootSchema());
    return guardrails.guardExecution(signature, session, plan.rowLimit());
  }

  /** Checks and plans {@code sql} within the connection's timeout. */
  private PlanCache.Plan plan(CalcitePrepare.Context context, String sql, Type elementType, long maxRowCount) {
    try (PreparationDeadline deadline = guardrails.startPreparation(session)) {
      preparation = deadline;
      try {
        return planChecked(context, sql, elementType, maxRowCount);
      } catch (RuntimeException e) {
        throw deadline.failure(e);
      } finally {
        preparation = null;
      }
    }
  }

  private PlanCache.Plan planChecked(CalcitePrepare.Context context, String sql, Type elementType,
      long maxRowCount) {
    try {
      checked = guardrails.checkStatement(sql, parserConfig(context.config()));
    } catch (SqlParseException e) {
      // Worded as Calcite words its own parse failures, so that errors read the same either way.
      throw new IllegalArgumentException("parse failed: " + e.getMessage(), e);
    }
    rowLimit = RowLimit.NONE;
    CalciteSignature<Object> prepared =
        super.prepareSql(context, CalcitePrepare.Query.of(checked.sql()), elementType, maxRowCount);
    return new PlanCache.Plan(prepared, checked.explain() ? RowLimit.NONE : rowLimit);
  }

  /** The statement being prepared; a plan of anything else (a queryable, a plan) is refused. */
  private CheckedStatement checked() {
    if (checked == null) {
      throw new IllegalStateException("a plan reached Calcite's planner without the guardrails' statement check");
    }
    return checked;
  }

  /** The parser configuration Calcite's prepare derives from the connection's configuration. */
  private SqlParser.Config parserConfig(CalciteConnectionConfig config) {
    SqlParser.Config parserConfig = parserConfig()
        .withQuotedCasing(config.quotedCasing())
        .withUnquotedCasing(config.unquotedCasing())
        .withQuoting(config.quoting())
        .withConformance(config.conformance())
        .withCaseSensitive(config.caseSensitive());
    SqlParserImplFactory parserFactory = config.parserFactory(SqlParserImplFactory.class, null);
    return parserFactory == null ? parserConfig : parserConfig.withParserFactory(parserFactory);
  }

  /** Calcite's planner with lakegate's function rules, watching the preparation's deadline. */
  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext, @Nullable RelOptCostFactory costFactory) {
    org.apache.calcite.plan.Context context = externalContext;
    if (preparation != null) {
      // Calcite's own default context (the connection's configuration), plus the flag the planner checks.
      context = externalContext == null
          ? Contexts.of(prepareContext.config(), preparation.cancelFlag())
          : Contexts.chain(externalContext, Contexts.of(preparation.cancelFlag()));
    }
    RelOptPlanner planner = super.createPlanner(prepareContext, context, costFactory);
    LakegateFunctions.register(planner);
    return planner;
  }

  /**
   * The statement Calcite would create, with the gateway's validator and guardrails; the seam
   * Calcite documents for custom validation (the choice of row format and convention is Calcite's own).
   */
  @Override
  protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context, Type elementType,
      CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    JavaTypeFactory typeFactory = context.getTypeFactory();
    EnumerableRel.Prefer prefer = elementType == Object[].class
        ? EnumerableRel.Prefer.ARRAY
        : EnumerableRel.Prefer.CUSTOM;
    Convention resultConvention = enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE;
    return new GatewayPreparingStmt(this, context, catalogReader, typeFactory, prefer,
        createCluster(planner, new RexBuilder(typeFactory)), resultConvention);
  }

  /**
   * Calcite's preparing statement whose validator conforms to {@link GatewayConformance}, which
   * prepares only the tree the guardrails checked (a top-level {@code TABLE t} as its
   * {@link ExplicitTable SELECT}), whose plan the guardrails rewrite before it is optimized (also for
   * {@code EXPLAIN PLAN FOR}, which optimizes the same way), and which refuses a plan whose
   * optimization ran past the preparation's deadline (the planner stopped early).
   */
  private static final class GatewayPreparingStmt extends CalcitePreparingStmt {
    private final LakegatePrepare prepare;

    GatewayPreparingStmt(LakegatePrepare prepare, CalcitePrepare.Context context, CalciteCatalogReader catalogReader,
        JavaTypeFactory typeFactory, EnumerableRel.Prefer prefer, RelOptCluster cluster,
        Convention resultConvention) {
      super(prepare, context, catalogReader, typeFactory, context.getRootSchema(), prefer, cluster, resultConvention,
          prepare.createConvertletTable());
      this.prepare = prepare;
    }

    @Override
    protected SqlValidator createSqlValidator(Prepare.CatalogReader catalogReader,
        UnaryOperator<SqlValidator.Config> configTransform) {
      UnaryOperator<SqlValidator.Config> withConformance =
          config -> configTransform.apply(config).withConformance(GatewayConformance.INSTANCE);
      return super.createSqlValidator(catalogReader, withConformance);
    }

    @Override
    public PreparedResult prepareSql(SqlNode sqlQuery, SqlNode sqlNodeOriginal, Class<?> runtimeContextClass,
        SqlValidator validator, boolean needsValidation) {
      prepare.checked().requireSameTree(sqlNodeOriginal);
      SqlNode statement = ExplicitTable.asSelect(sqlQuery);
      PreparedResult prepared =
          super.prepareSql(statement, sqlNodeOriginal, runtimeContextClass, validator, needsValidation);
      if (statement != sqlQuery) {
        // CalcitePrepareImpl then asks the validator for the row type of the statement it parsed.
        validator.setValidatedNodeType(sqlQuery, validator.getValidatedNodeType(statement));
      }
      return prepared;
    }

    /**
     * Keeps {@code IN (literal, ...)} a filter, however long the list. Calcite's default turns a list of
     * more than 20 values into a join with a VALUES relation: ClickHouse would get the whole table
     * without its limit (the join running in the gateway), or a VALUES of thousands of rows whose SQL
     * is a UNION ALL chain too deep to generate. As a filter it is pushed to ClickHouse as one
     * {@code IN} and prunes row groups on the lake.
     */
    @Override
    protected SqlToRelConverter getSqlToRelConverter(SqlValidator validator, Prepare.CatalogReader catalogReader,
        SqlToRelConverter.Config config) {
      return super.getSqlToRelConverter(validator, catalogReader, config.withInSubQueryThreshold(Integer.MAX_VALUE));
    }

    @Override
    protected RelRoot optimize(RelRoot root, List<Prepare.Materialization> materializations,
        List<CalciteSchema.LatticeEntry> lattices) {
      GuardedPlan guarded = prepare.guardrails.rewritePlan(root, prepare.checked());
      prepare.rowLimit = guarded.rowLimit();
      RelRoot optimized = super.optimize(guarded.root(), materializations, lattices);
      if (prepare.preparation != null) {
        prepare.preparation.check();
      }
      return optimized;
    }
  }
}
