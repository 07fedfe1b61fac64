package io.lakegate.functions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The non-null values of one percentile group, stored as compactly as their
 * Java representation allows, and the values at given positions of their
 * {@code WITHIN GROUP} order.
 *
 * <p>The representation is chosen by the first value and kept while later
 * values fit it:
 * <ul>
 * <li>{@code byte}, {@code short}, {@code int}, {@code long} (TINYINT to
 *     BIGINT, DATE as epoch days, TIME, TIMESTAMP as epoch milliseconds,
 *     intervals): the {@code long} itself;
 * <li>{@code float}, {@code double}: a {@code long} whose signed order is
 *     {@link Double#compare}'s total order (-0.0 before 0.0, NaN after
 *     +Infinity), the order the boxed values used to be sorted in;
 * <li>{@link BigDecimal}: the unscaled {@code long}, while every value has
 *     the first value's scale and fits;
 * <li>anything else, or a value that does not fit the representation so
 *     far: the values as objects, compared by their natural order as they
 *     always were (a stable sort, so equal values with different scales
 *     keep their arrival order).
 * </ul>
 * Values that compare equal in a {@code long} representation are the same
 * value, so the direction of the order can be applied to ranks instead of
 * to a comparator.
 */
final class PercentileValues {
  /** How the values are held. */
  private enum Kind { EMPTY, LONG, DOUBLE, DECIMAL, OBJECT }

  private final boolean descending;
  private Kind kind = Kind.EMPTY;
  private final LongValues longs = new LongValues();
  /** The common scale of {@link Kind#DECIMAL} values. */
  private int scale;
  private List<Object> objects = List.of();

  /** Creates an empty group whose {@code WITHIN GROUP} order is descending or not. */
  PercentileValues(boolean descending) {
    this.descending = descending;
  }

  /** Adds an integral value (or a DATE, TIME, TIMESTAMP or interval). */
  void add(long value) {
    if (holds(Kind.LONG)) {
      longs.add(value);
    } else {
      addObject(value);
    }
  }

  /** Adds a floating-point value. */
  void add(double value) {
    if (holds(Kind.DOUBLE)) {
      longs.add(sortableBits(value));
    } else {
      addObject(value);
    }
  }

  /** Adds a DECIMAL value. */
  void add(BigDecimal value) {
    requireNonNull(value, "value");
    if (kind == Kind.EMPTY) {
      scale = value.scale();
    }
    BigInteger unscaled = value.unscaledValue();
    if (value.scale() == scale && unscaled.bitLength() < Long.SIZE && holds(Kind.DECIMAL)) {
      longs.add(unscaled.longValue());
    } else {
      addObject(value);
    }
  }

  /** Adds a value of any type, in the representation its class allows. */
  void add(Object value) {
    requireNonNull(value, "value");
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      add(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      add(((Number) value).doubleValue());
    } else if (value instanceof BigDecimal) {
      add((BigDecimal) value);
    } else {
      addObject(value);
    }
  }

  /** Appends the values of {@code other}, after this group's own. */
  void addAll(PercentileValues other) {
    requireNonNull(other, "other");
    if (other.kind == Kind.EMPTY) {
      return;
    }
    if (kind == Kind.EMPTY && other.kind != Kind.OBJECT) {
      kind = other.kind;
      scale = other.scale;
    }
    if (kind == other.kind && kind != Kind.OBJECT && scale == other.scale) {
      longs.addAll(other.longs);
      return;
    }
    toObjects();
    for (int i = 0; i < other.size(); i++) {
      objects.add(other.boxed(i));
    }
  }

  /** Number of values. */
  int size() {
    return kind == Kind.OBJECT ? objects.size() : longs.size();
  }

  /**
   * Puts the values at {@code position} of the {@code WITHIN GROUP} order,
   * and at {@code position + 1} when {@code pair} is set, in place for
   * {@link #approximate}, {@link #doubleAt}, {@link #exactAt} and {@link #valueAt}.
   */
  void select(int position, boolean pair) {
    if (kind == Kind.OBJECT) {
      sortObjects();
      return;
    }
    // Descending, the two positions are the ascending ranks just below and at this one.
    int rank = ascendingRank(position);
    longs.selectRanks(pair && descending ? rank - 1 : rank, pair);
  }

  /**
   * Whether the selected value at {@code position} is floating point, so
   * PERCENTILE_CONT interpolates in double.
   */
  boolean approximate(int position) {
    if (kind == Kind.OBJECT) {
      Object value = objects.get(position);
      return value instanceof Double || value instanceof Float;
    }
    return kind == Kind.DOUBLE;
  }

  /** The selected value at {@code position} as a double; only for {@link #approximate} values. */
  double doubleAt(int position) {
    if (kind == Kind.OBJECT) {
      return ((Number) objects.get(position)).doubleValue();
    }
    return fromSortableBits(stored(position));
  }

  /** The selected value at {@code position} as an exact number. */
  BigDecimal exactAt(int position) {
    switch (kind) {
    case LONG:
      return BigDecimal.valueOf(stored(position));
    case DECIMAL:
      return BigDecimal.valueOf(stored(position), scale);
    case OBJECT:
      Object value = objects.get(position);
      if (value instanceof BigDecimal) {
        return (BigDecimal) value;
      }
      if (value instanceof Number) {
        return BigDecimal.valueOf(((Number) value).longValue());
      }
      throw new IllegalArgumentException("PERCENTILE_CONT needs numeric or datetime values, got "
          + value.getClass().getSimpleName());
    default:
      throw new IllegalStateException(kind + " values have no exact value");
    }
  }

  /**
   * The selected value at {@code position} for PERCENTILE_DISC: a primitive
   * representation boxed as {@code target} (the result type is the
   * {@code ORDER BY} type, so that is how the value arrived), any other
   * value as it arrived.
   */
  Object valueAt(int position, PercentileTarget target) {
    switch (kind) {
    case LONG:
      return target.fromLong(stored(position));
    case DOUBLE:
      return target.fromDouble(fromSortableBits(stored(position)));
    case DECIMAL:
      return BigDecimal.valueOf(stored(position), scale);
    case OBJECT:
      return objects.get(position);
    default:
      throw new IllegalStateException("no values");
    }
  }

  private boolean holds(Kind wanted) {
    if (kind == Kind.EMPTY) {
      kind = wanted;
    }
    return kind == wanted;
  }

  /** The stored value at {@code position} of the {@code WITHIN GROUP} order, once selected. */
  private long stored(int position) {
    return longs.get(ascendingRank(position));
  }

  private int ascendingRank(int position) {
    return descending ? longs.size() - 1 - position : position;
  }

  /** The value at {@code index} as the values are now arranged, boxed. */
  private Object boxed(int index) {
    switch (kind) {
    case OBJECT:
      return objects.get(index);
    case LONG:
      return longs.get(index);
    case DOUBLE:
      return fromSortableBits(longs.get(index));
    case DECIMAL:
      return BigDecimal.valueOf(longs.get(index), scale);
    default:
      throw new IllegalStateException("no values");
    }
  }

  private void addObject(Object value) {
    toObjects();
    objects.add(value);
  }

  /** Switches to objects, keeping the values in the order they are in now. */
  private void toObjects() {
    if (kind == Kind.OBJECT) {
      return;
    }
    List<Object> boxed = new ArrayList<>(Math.max(longs.size() + 1, 10));
    if (kind != Kind.EMPTY) {
      for (int i = 0; i < longs.size(); i++) {
        boxed.add(boxed(i));
      }
    }
    longs.clear();
    objects = boxed;
    kind = Kind.OBJECT;
  }

  /**
   * Sorts the objects in place. The sort is stable and values that compare
   * equal keep their arrival order, so sorting again after more values
   * arrive gives what sorting them all in arrival order would.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void sortObjects() {
    Comparator<Comparable> natural = Comparator.naturalOrder();
    objects.sort((Comparator) (descending ? natural.reversed() : natural));
  }

  /** A long whose signed order is the total order of {@link Double#compare}. */
  static long sortableBits(double value) {
    long bits = Double.doubleToLongBits(value);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** The inverse of {@link #sortableBits}. */
  static double fromSortableBits(long sortable) {
    return Double.longBitsToDouble(sortable ^ ((sortable >> 63) & Long.MAX_VALUE));
  }
}
