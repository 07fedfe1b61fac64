package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What "the same rows on both backends" means: the tolerance applies to floating-point columns only. */
class QueryAnswerTest {
  private static final List<QueryAnswer.Column> COLUMNS = List.of(
      new QueryAnswer.Column("id", Types.INTEGER, "INTEGER"),
      new QueryAnswer.Column("premium", Types.DECIMAL, "DECIMAL"),
      new QueryAnswer.Column("rate", Types.DOUBLE, "DOUBLE"));

  private static QueryAnswer answer(Object[]... rows) {
    return new QueryAnswer(COLUMNS, Arrays.stream(rows).map(Arrays::asList).toList());
  }

  @Test
  void doublesAgreeWithinTheRelativeToleranceAndNoFurther() {
    QueryAnswer reference = answer(new Object[] {1, new BigDecimal("10.50"), 0.1 + 0.2});
    assertNull(reference.difference(answer(new Object[] {1, new BigDecimal("10.50"), 0.3}), true));
    assertNull(reference.difference(answer(new Object[] {1, new BigDecimal("10.50"), 0.3 * (1 + 5e-10)}), true));
    assertNotNull(reference.difference(answer(new Object[] {1, new BigDecimal("10.50"), 0.3 * (1 + 5e-9)}), true));
  }

  @Test
  void decimalsCompareExactlyIgnoringScale() {
    QueryAnswer reference = answer(new Object[] {1, new BigDecimal("10.50"), 1.0});
    assertNull(reference.difference(answer(new Object[] {1, new BigDecimal("10.5"), 1.0}), true));
    assertNotNull(reference.difference(answer(new Object[] {1, new BigDecimal("10.5000000001"), 1.0}), true));
  }

  @Test
  void integersAndNullsCompareExactly() {
    QueryAnswer reference = answer(new Object[] {1, null, null});
    assertNull(reference.difference(answer(new Object[] {1, null, null}), true));
    assertNotNull(reference.difference(answer(new Object[] {2, null, null}), true));
    assertNotNull(reference.difference(answer(new Object[] {1, BigDecimal.ZERO, null}), true));
    assertNotNull(reference.difference(answer(new Object[] {1, null, 0.0}), true));
  }

  @Test
  void unorderedAnswersCompareAsMultisets() {
    Object[] a = {1, new BigDecimal("1.00"), 0.5};
    Object[] b = {2, new BigDecimal("2.00"), 0.25};
    QueryAnswer reference = answer(a, b, b);
    assertNull(reference.difference(answer(b, a, b), false));
    assertNotNull(reference.difference(answer(b, a, b), true), "order matters when ordered");
    assertNotNull(reference.difference(answer(a, a, b), false), "multiplicity matters");
  }

  @Test
  void columnsMustHaveTheSameLabelsAndJdbcTypes() {
    QueryAnswer reference = answer(new Object[] {1, BigDecimal.ONE, 1.0});
    QueryAnswer otherType = new QueryAnswer(List.of(COLUMNS.get(0), COLUMNS.get(1),
        new QueryAnswer.Column("rate", Types.DECIMAL, "DECIMAL")), List.of(Arrays.asList(1, BigDecimal.ONE, 1.0)));
    String difference = reference.difference(otherType, true);
    assertNotNull(difference);
    assertTrue(difference.contains("rate"), difference);
  }
}
