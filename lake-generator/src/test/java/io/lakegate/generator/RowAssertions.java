package io.lakegate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Test helper: compares long row lists and reports the first differing row, not the whole lists. */
final class RowAssertions {
  private RowAssertions() {
  }

  static void assertSameRows(List<?> expected, List<?> actual, String what) {
    int common = Math.min(expected.size(), actual.size());
    for (int i = 0; i < common; i++) {
      int row = i;
      assertEquals(expected.get(i), actual.get(i), () -> what + ": first difference at row " + row);
    }
    assertEquals(expected.size(), actual.size(), what + ": row count");
  }
}
