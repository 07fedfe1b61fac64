package io.lakegate.functions;

import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggResetContext;
import org.apache.calcite.adapter.enumerable.AggResultContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.StrictAggImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;

import java.lang.reflect.Type;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Generates the Enumerable code of one lakegate percentile aggregate call:
 * a {@link PercentileAccumulator} per group, fed with the group's values,
 * asked for the result once.
 *
 * <p>It extends Calcite's {@link StrictAggImplementor}, which is how Calcite's
 * own aggregates get SQL semantics for free: NULL values and rows rejected by
 * {@code FILTER} never reach {@link PercentileAccumulator#add}, and a group
 * without values yields NULL when the result type is nullable. When Calcite
 * typed the result NOT NULL (a NOT NULL {@code ORDER BY} column and no
 * {@code GROUP BY}) but the input is empty, the accumulator raises a clear
 * error instead, because a NOT NULL column cannot carry the NULL the
 * standard asks for.
 */
final class PercentileAggImplementor extends StrictAggImplementor {
  private final Percentile percentile;

  PercentileAggImplementor(Percentile percentile) {
    this.percentile = requireNonNull(percentile, "percentile");
  }

  @Override public List<Type> getNotNullState(AggContext info) {
    return List.of(PercentileAccumulator.class);
  }

  @Override protected void implementNotNullReset(AggContext info, AggResetContext reset) {
    // acc = new PercentileAccumulator(continuous, fraction, descending);
    reset.currentBlock().add(
        Expressions.statement(
            Expressions.assign(reset.accumulator().get(0),
                Expressions.new_(PercentileAccumulator.class,
                    Expressions.constant(percentile.continuous()),
                    Expressions.constant(percentile.fraction()),
                    Expressions.constant(percentile.descending())))));
  }

  @Override protected void implementNotNullAdd(AggContext info, AggAddContext add) {
    // acc.add((long) value), acc.add((double) value) or acc.add((Object) value): the
    // accumulator keeps primitives in primitive arrays, so they are never boxed.
    Expression value = add.arguments().get(0);
    add.currentBlock().add(
        Expressions.statement(
            Expressions.call(add.accumulator().get(0), "add", argument(value))));
  }

  /** The value, converted to the parameter type of the {@code add} overload that fits it best. */
  private static Expression argument(Expression value) {
    Primitive primitive = Primitive.ofBoxOr(value.getType());
    if (primitive == null || !primitive.isNumeric()) {
      return Expressions.convert_(Expressions.box(value), Object.class);
    }
    Expression unboxed = Primitive.is(value.getType()) ? value : Expressions.unbox(value);
    return Expressions.convert_(unboxed, primitive.isFixedNumeric() ? long.class : double.class);
  }

  @Override protected Expression implementNotNullResult(AggContext info, AggResultContext result) {
    // (T) acc.result("PERCENTILE_CONT", PercentileTarget.X, scale)
    RelDataType type = info.returnRelType();
    PercentileTarget target = requireNonNull(PercentileTarget.of(type),
        () -> "no percentile target for " + type);
    Expression value =
        Expressions.call(result.accumulator().get(0), "result",
            Expressions.constant(percentile.sqlName()),
            Expressions.constant(target),
            Expressions.constant(Math.max(type.getScale(), 0)));
    Type boxed = Primitive.box(info.returnType());
    return EnumUtils.convert(Expressions.convert_(value, boxed), info.returnType());
  }
}
