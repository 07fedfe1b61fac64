package io.lakegate.functions;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A growable array of {@code long}s that can find the values at one or two
 * ranks of their ascending order without sorting them all: the storage of a
 * percentile group whose values have a primitive representation.
 *
 * <p>Selection is a quickselect with Hoare partitioning, which splits runs
 * of equal values evenly (response times repeat a lot); it rearranges the
 * values in place, which is harmless because a percentile depends only on
 * the multiset of values. Should partitioning degrade on an unlucky input,
 * the remaining range is sorted instead, so a selection costs at most a
 * few passes over the values more than a sort.
 */
final class LongValues {
  private static final long[] EMPTY = {};
  private static final int FIRST_CAPACITY = 4;
  /** The largest array some JVMs allocate, as in the JDK's own collections. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
  /** Values a selection may scan, per value, before it sorts instead. */
  private static final long SCAN_BUDGET = 8;

  private long[] values = EMPTY;
  private int size;

  /** Appends a value. */
  void add(long value) {
    if (size == values.length) {
      grow(size + 1);
    }
    values[size++] = value;
  }

  /** Appends all values of {@code other}. */
  void addAll(LongValues other) {
    requireNonNull(other, "other");
    int total = size + other.size;
    if (total < 0) {
      throw new OutOfMemoryError("a percentile group cannot hold more than " + MAX_CAPACITY
          + " values");
    }
    if (total > values.length) {
      grow(total);
    }
    System.arraycopy(other.values, 0, values, size, other.size);
    size = total;
  }

  /** Removes all values and releases the array. */
  void clear() {
    values = EMPTY;
    size = 0;
  }

  /** Number of values. */
  int size() {
    return size;
  }

  /** The value at {@code index} of the array as it is now arranged. */
  long get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size + " values");
    }
    return values[index];
  }

  /**
   * Rearranges the values so that {@code rank} holds the value an ascending
   * sort would put there, and so does {@code rank + 1} when {@code pair} is
   * set; read them with {@link #get}.
   */
  void selectRanks(int rank, boolean pair) {
    // Quickselect scans about 2-3 n values when its pivots are reasonable.
    selectRanks(rank, pair, SCAN_BUDGET * size);
  }

  /**
   * {@link #selectRanks(int, boolean)}, sorting the remaining range once
   * {@code budget} values have been scanned.
   */
  void selectRanks(int rank, boolean pair, long budget) {
    int last = pair ? rank + 1 : rank;
    if (rank < 0 || last >= size) {
      throw new IndexOutOfBoundsException("rank " + last + " of " + size + " values");
    }
    select(rank, budget);
    if (pair) {
      // Everything right of rank is >= values[rank]; the next rank is the least of it.
      int least = rank + 1;
      for (int i = rank + 2; i < size; i++) {
        if (values[i] < values[least]) {
          least = i;
        }
      }
      swap(least, rank + 1);
    }
  }

  /** Partitions around {@code rank}: smaller-or-equal values left of it, greater-or-equal right. */
  private void select(int rank, long budget) {
    int lo = 0;
    int hi = size - 1;
    while (lo < hi) {
      budget -= hi - lo + 1;
      if (budget < 0) {
        Arrays.sort(values, lo, hi + 1);
        return;
      }
      // Quartiles rather than the ends, so sorted and organ-pipe runs split evenly.
      int quarter = (hi - lo) >>> 2;
      int mid = lo + ((hi - lo) >>> 1);
      long pivot = medianOfThree(values[mid - quarter], values[mid], values[mid + quarter]);
      int i = lo;
      int j = hi;
      // The pivot is one of the range's values, so both scans stop inside the range
      // and at least one swap happens: both sides shrink.
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(i, j);
          i++;
          j--;
        }
      }
      // Now [lo, j] <= pivot, [i, hi] >= pivot, and anything between equals the pivot.
      if (rank <= j) {
        hi = j;
      } else if (rank >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static long medianOfThree(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  private void swap(int i, int j) {
    long value = values[i];
    values[i] = values[j];
    values[j] = value;
  }

  /** Grows geometrically (by half, as {@code ArrayList} does) so appends stay amortised O(1). */
  private void grow(int needed) {
    if (needed > MAX_CAPACITY) {
      throw new OutOfMemoryError("a percentile group cannot hold more than " + MAX_CAPACITY
          + " values");
    }
    long grown = Math.max((long) values.length + (values.length >> 1), FIRST_CAPACITY);
    values = Arrays.copyOf(values, (int) Math.min(Math.max(grown, needed), MAX_CAPACITY));
  }
}
