package io.lakegate.lake;

/**
 * Evaluates a predicate over partition columns on one partition's directory values, with SQL's
 * three-valued logic: a partition is kept only when the predicate is TRUE for it, because every
 * row of the partition carries the same values and a FALSE or UNKNOWN condition rejects them all.
 */
final class PartitionPruner {
  private PartitionPruner() {
  }

  /** Whether rows of {@code partition} can satisfy {@code predicate}. */
  static boolean mayMatch(LakePredicate predicate, LakePartition partition) {
    return Boolean.TRUE.equals(evaluate(predicate, partition));
  }

  /** TRUE, FALSE, or null for UNKNOWN. */
  static Boolean evaluate(LakePredicate predicate, LakePartition partition) {
    if (predicate instanceof LakePredicate.And and) {
      Boolean result = Boolean.TRUE;
      for (LakePredicate term : and.terms()) {
        Boolean value = evaluate(term, partition);
        if (Boolean.FALSE.equals(value)) {
          return Boolean.FALSE;
        }
        if (value == null) {
          result = null;
        }
      }
      return result;
    }
    if (predicate instanceof LakePredicate.Or or) {
      Boolean result = Boolean.FALSE;
      for (LakePredicate term : or.terms()) {
        Boolean value = evaluate(term, partition);
        if (Boolean.TRUE.equals(value)) {
          return Boolean.TRUE;
        }
        if (value == null) {
          result = null;
        }
      }
      return result;
    }
    if (predicate instanceof LakePredicate.Not not) {
      Boolean value = evaluate(not.term(), partition);
      return value == null ? null : !value;
    }
    if (predicate instanceof LakePredicate.IsNull isNull) {
      boolean isNullValue = partition.value(isNull.column().ordinal()) == null;
      return isNullValue != isNull.negated();
    }
    LakePredicate.Compare compare = (LakePredicate.Compare) predicate;
    Object value = partition.value(compare.column().ordinal());
    if (value == null) {
      return null;
    }
    return compare.op().test(compareSameType(value, compare.value()));
  }

  // Both sides are in the runtime representation of the same declared type (see LakePredicate).
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareSameType(Object left, Comparable<?> right) {
    return ((Comparable) left).compareTo(right);
  }
}
