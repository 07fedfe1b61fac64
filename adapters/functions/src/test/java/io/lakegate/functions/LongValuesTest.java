package io.lakegate.functions;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link LongValues}: growth, and selection agreeing with a full sort on
 * inputs that trouble quickselects.
 */
class LongValuesTest {
  private static LongValues of(long[] values) {
    LongValues longs = new LongValues();
    for (long value : values) {
      longs.add(value);
    }
    return longs;
  }

  /** Selects every rank, alone and as a pair, from a fresh copy, and compares with a sort. */
  private static void assertSelectsLikeSort(String shape, long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    for (int rank = 0; rank < values.length; rank++) {
      LongValues single = of(values);
      single.selectRanks(rank, false);
      assertEquals(sorted[rank], single.get(rank), shape + ", rank " + rank);
      if (rank + 1 < values.length) {
        LongValues pair = of(values);
        pair.selectRanks(rank, true);
        assertEquals(sorted[rank], pair.get(rank), shape + ", pair at " + rank);
        assertEquals(sorted[rank + 1], pair.get(rank + 1), shape + ", pair at " + rank + " + 1");
      }
    }
  }

  private static long[] array(int n, IntToLongFunction value) {
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = value.applyAsLong(i);
    }
    return values;
  }

  @Test void selectsLikeASortOnAwkwardShapes() {
    Random random = new Random(42);
    for (int n : new int[] {1, 2, 3, 5, 17, 64, 257}) {
      assertSelectsLikeSort("ascending " + n, array(n, i -> i));
      assertSelectsLikeSort("descending " + n, array(n, i -> n - i));
      assertSelectsLikeSort("all equal " + n, array(n, i -> 7));
      assertSelectsLikeSort("two values " + n, array(n, i -> i % 2));
      assertSelectsLikeSort("organ pipe " + n, array(n, i -> Math.min(i, n - i)));
      assertSelectsLikeSort("extremes " + n,
          array(n, i -> i % 3 == 0 ? Long.MIN_VALUE : i % 3 == 1 ? Long.MAX_VALUE : 0));
      assertSelectsLikeSort("few distinct " + n, array(n, i -> random.nextInt(4)));
      assertSelectsLikeSort("random " + n, array(n, i -> random.nextLong()));
    }
  }

  @Test void aSelectionOutOfBudgetSortsTheRestInstead() {
    long[] values = array(300, i -> (i * 37L) % 101);
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    for (long budget : new long[] {0, 300, 450}) {
      LongValues longs = of(values);
      longs.selectRanks(150, true, budget);
      assertEquals(sorted[150], longs.get(150), "budget " + budget);
      assertEquals(sorted[151], longs.get(151), "budget " + budget);
    }
  }

  @Test void selectingTwiceKeepsTheValues() {
    // Selection rearranges in place; the multiset, and so every later answer, stays.
    long[] values = array(1000, i -> (i * 7919L) % 1009);
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    LongValues longs = of(values);
    longs.selectRanks(900, true);
    longs.selectRanks(10, false);
    assertEquals(sorted[10], longs.get(10));
    longs.add(-1);
    longs.selectRanks(0, true);
    assertEquals(-1, longs.get(0));
    assertEquals(sorted[0], longs.get(1));
  }

  @Test void growsAndAppendsOtherValues() {
    LongValues left = of(array(1000, i -> i));
    LongValues right = of(array(5, i -> 1000 + i));
    left.addAll(right);
    left.addAll(new LongValues());
    assertEquals(1005, left.size());
    for (int i = 0; i < 1005; i++) {
      assertEquals(i, left.get(i));
    }
    LongValues empty = new LongValues();
    empty.addAll(right);
    assertEquals(1004, empty.get(4));
    left.clear();
    assertEquals(0, left.size());
    assertThrows(IndexOutOfBoundsException.class, () -> right.get(5));
    assertThrows(IndexOutOfBoundsException.class, () -> right.selectRanks(4, true));
  }
}
