package io.lakegate.server;

import io.lakegate.functions.LakegateFunctions;

import java.lang.reflect.Type;
import java.util.function.UnaryOperator;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.validate.SqlValidator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How the gateway's Calcite connections prepare a statement (supplied through
 * {@code Driver.withPrepareFactory}, so it applies to these connections only): every planner gets
 * lakegate's function rules, and the validator uses {@link GatewayConformance}.
 *
 * <p>The lake scan also registers the function rules, but only for plans that still contain a
 * scan when Volcano starts; a query over {@code VALUES} only, or one Calcite proves empty
 * ({@code WHERE FALSE}), would otherwise miss them and fail to plan a percentile, or compute a
 * window the functions module refuses (a wrong answer).
 */
final class LakegatePrepare extends CalcitePrepareImpl {

  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext, @Nullable RelOptCostFactory costFactory) {
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    LakegateFunctions.register(planner);
    return planner;
  }

  /**
   * The statement Calcite would create, with the gateway's validator; the seam Calcite documents
   * for custom validation (the choice of row format and convention is Calcite's own).
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

  /** Calcite's preparing statement whose validator conforms to {@link GatewayConformance}. */
  private static final class GatewayPreparingStmt extends CalcitePreparingStmt {
    GatewayPreparingStmt(LakegatePrepare prepare, CalcitePrepare.Context context, CalciteCatalogReader catalogReader,
        JavaTypeFactory typeFactory, EnumerableRel.Prefer prefer, RelOptCluster cluster,
        Convention resultConvention) {
      super(prepare, context, catalogReader, typeFactory, context.getRootSchema(), prefer, cluster, resultConvention,
          prepare.createConvertletTable());
    }

    @Override
    protected SqlValidator createSqlValidator(Prepare.CatalogReader catalogReader,
        UnaryOperator<SqlValidator.Config> configTransform) {
      UnaryOperator<SqlValidator.Config> withConformance =
          config -> configTransform.apply(config).withConformance(GatewayConformance.INSTANCE);
      return super.createSqlValidator(catalogReader, withConformance);
    }
  }
}
