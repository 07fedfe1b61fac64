package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.ColumnType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A pushed-down condition on table columns, as a small structured tree (never an encoded string)
 * that the partition pruner evaluates on directory values and {@link ParquetPredicates} turns into
 * parquet statistics predicates.
 *
 * <p>Values are in Calcite's runtime representation of the column's declared type (DATE as
 * {@code Integer} days, TIMESTAMP as {@code Long} millis, DECIMAL as {@code BigDecimal} at the
 * declared scale), so comparisons never mix Java types.
 */
public sealed interface LakePredicate {

  /** A column the predicate reads: its table ordinal, name and declared type. */
  record Column(int ordinal, String name, ColumnType type) {
    public Column {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Comparison operators, with their mirror when operands are swapped and their negation. */
  enum Op {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator with its operands swapped: {@code 5 < x} is {@code x > 5}. */
    Op mirror() {
      switch (this) {
        case LT:
          return GT;
        case LE:
          return GE;
        case GT:
          return LT;
        case GE:
          return LE;
        default:
          return this;
      }
    }

    /** Whether {@code compareTo} result {@code c} satisfies this operator. */
    boolean test(int c) {
      switch (this) {
        case EQ:
          return c == 0;
        case NE:
          return c != 0;
        case LT:
          return c < 0;
        case LE:
          return c <= 0;
        case GT:
          return c > 0;
        default:
          return c >= 0;
      }
    }

    @Override
    public String toString() {
      return symbol;
    }
  }

  /** All terms hold. */
  record And(List<LakePredicate> terms) implements LakePredicate {
    public And {
      terms = List.copyOf(terms);
    }

    @Override
    public String toString() {
      return terms.stream().map(Object::toString).collect(Collectors.joining(" AND ", "(", ")"));
    }
  }

  /** At least one term holds. */
  record Or(List<LakePredicate> terms) implements LakePredicate {
    public Or {
      terms = List.copyOf(terms);
    }

    @Override
    public String toString() {
      return terms.stream().map(Object::toString).collect(Collectors.joining(" OR ", "(", ")"));
    }
  }

  /** The term does not hold (SQL three-valued: NOT UNKNOWN is UNKNOWN). */
  record Not(LakePredicate term) implements LakePredicate {
    public Not {
      requireNonNull(term, "term");
    }

    @Override
    public String toString() {
      return "NOT " + term;
    }
  }

  /** {@code column op value}; the value is never null (comparison with NULL is never pushed). */
  record Compare(Column column, Op op, Comparable<?> value) implements LakePredicate {
    public Compare {
      requireNonNull(column, "column");
      requireNonNull(op, "op");
      requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return column + " " + op + " " + format(column.type(), value);
    }
  }

  /** {@code column IS NULL}, or {@code IS NOT NULL} when negated. */
  record IsNull(Column column, boolean negated) implements LakePredicate {
    public IsNull {
      requireNonNull(column, "column");
    }

    @Override
    public String toString() {
      return column + (negated ? " IS NOT NULL" : " IS NULL");
    }
  }

  /** Shows a runtime value as SQL would write it, so EXPLAIN reads naturally. */
  static String format(ColumnType type, Object value) {
    SqlTypeName sqlType = type.sqlType();
    if (sqlType == SqlTypeName.DATE && value instanceof Integer days) {
      return "DATE '" + LocalDate.ofEpochDay(days) + "'";
    }
    if (sqlType == SqlTypeName.TIMESTAMP && value instanceof Long millis) {
      return "TIMESTAMP '" + Instant.ofEpochMilli(millis).toString().replace('T', ' ').replace("Z", "") + "'";
    }
    if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(value);
  }
}
