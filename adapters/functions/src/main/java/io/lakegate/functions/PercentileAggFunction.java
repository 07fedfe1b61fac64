package io.lakegate.functions;

import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.AggregateFunction;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The aggregate function that replaces one {@code PERCENTILE_CONT} or
 * {@code PERCENTILE_DISC} call in a plan: a call of it takes a single
 * argument, the {@code ORDER BY} value, and carries the fraction and the
 * direction in the function itself.
 *
 * <p>It is a {@link SqlUserDefinedAggFunction} because that is the hook
 * through which Calcite's Enumerable engine asks a function for its own
 * code generator ({@link ImplementableAggFunction}), here
 * {@link PercentileAggImplementor}. It never appears in SQL text, so it
 * needs no operand checking; its return type is its argument's type, the
 * same inference Calcite 1.42 applies to PERCENTILE_CONT/DISC (see
 * {@link #orderType} for the one difference).
 *
 * <p>Operators are equal when their class, name and kind are; the name
 * spells out the fraction and direction (for example
 * {@code PERCENTILE_DISC(0.9 DESC)}), so two calls with different fractions
 * never look alike to the planner, and EXPLAIN shows what each computes.
 */
final class PercentileAggFunction extends SqlUserDefinedAggFunction {
  private final Percentile percentile;

  PercentileAggFunction(Percentile percentile, RelDataType orderType) {
    super(new SqlIdentifier(percentile.displayName(), SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, PercentileAggFunction::orderType, null, null,
        new Implementation(percentile, orderType), false, false, Optionality.FORBIDDEN);
    this.percentile = percentile;
  }

  /**
   * The argument's type, as Calcite 1.42 infers for PERCENTILE_CONT/DISC, made
   * nullable when the call has a FILTER. Validated SQL never has one (Calcite's
   * validator cannot type FILTER on WITHIN GROUP), but the planner adds one
   * when it turns {@code ORDER BY CASE WHEN c THEN x END} into
   * {@code ORDER BY x FILTER (WHERE c)} and may then infer the type again; a
   * filtered group can be empty, so its percentile must be allowed to be NULL.
   * An empty GROUP BY is deliberately not made nullable: that would contradict
   * the type the validator gave the query.
   */
  private static RelDataType orderType(SqlOperatorBinding binding) {
    RelDataType type = binding.getOperandType(0);
    return binding.hasFilter()
        ? binding.getTypeFactory().createTypeWithNullability(type, true)
        : type;
  }

  /** What this function computes. */
  Percentile percentile() {
    return percentile;
  }

  /** The schema-level function: its signature and its code generator. */
  private static final class Implementation implements AggregateFunction, ImplementableAggFunction {
    private final Percentile percentile;
    private final RelDataType orderType;

    Implementation(Percentile percentile, RelDataType orderType) {
      this.percentile = requireNonNull(percentile, "percentile");
      this.orderType = requireNonNull(orderType, "orderType");
    }

    @Override public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.copyType(orderType);
    }

    @Override public List<FunctionParameter> getParameters() {
      return List.of(new FunctionParameter() {
        @Override public int getOrdinal() {
          return 0;
        }

        @Override public String getName() {
          return "value";
        }

        @Override public RelDataType getType(RelDataTypeFactory typeFactory) {
          return typeFactory.copyType(orderType);
        }

        @Override public boolean isOptional() {
          return false;
        }
      });
    }

    @Override public AggImplementor getImplementor(boolean windowContext) {
      return new PercentileAggImplementor(percentile);
    }
  }
}
