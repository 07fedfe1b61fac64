package io.lakegate.functions;

import java.util.HashSet;
import java.util.Set;

/**
 * Runtime of {@code COUNT(DISTINCT x) OVER (...)} on the Enumerable engine:
 * a user-defined aggregate, in the init/add/merge/result shape Calcite's
 * {@link org.apache.calcite.schema.impl.AggregateFunctionImpl} reflects on,
 * that counts the distinct non-null values of its window frame.
 *
 * <p>Calcite 1.42's window engine silently ignores DISTINCT and returns
 * {@code COUNT(x)}; {@link WindowFunctionRewriteRule} replaces such calls by
 * this aggregate. Values are compared with {@code equals} on Calcite's
 * internal representation, which is how GROUP BY compares them too. NULLs
 * never arrive: the strict aggregate framework skips them.
 */
public final class CountDistinctAggregate {
  private CountDistinctAggregate() {
  }

  /** A new, empty frame. */
  public static Set<Object> init() {
    return new HashSet<>();
  }

  /** Adds one non-null value of the frame. */
  public static Set<Object> add(Set<Object> accumulator, Object value) {
    accumulator.add(value);
    return accumulator;
  }

  /** Combines two partial frames. */
  public static Set<Object> merge(Set<Object> accumulator, Set<Object> other) {
    accumulator.addAll(other);
    return accumulator;
  }

  /** The number of distinct values seen. */
  public static long result(Set<Object> accumulator) {
    return accumulator.size();
  }
}
