package io.lakegate.server;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * The SQL conformance of the gateway's validator: Calcite's {@code DEFAULT} plus {@code GROUP BY}
 * ordinals ({@code group by 1}) and select-list aliases ({@code group by bucket}), which analysts
 * and agents write all the time.
 *
 * <p>Why not {@code conformance=LENIENT}: it also resolves {@code HAVING} names to select aliases
 * before columns, which changes answers. {@code select upper(network) as network, count(*) ...
 * group by rollup(network) having network = 'direct'} returns the {@code direct} group under
 * {@code DEFAULT} and nothing under {@code LENIENT}. (Its other additions, such as {@code !=},
 * {@code %}, {@code LIMIT m, n}, are parser checks that only turn errors into accepted SQL.)
 *
 * <p>The two rules enabled here cannot change the answer of a query {@code DEFAULT} accepts. An
 * alias is tried only when no column of that name exists or the name is ambiguous (the column
 * wins, as in MySQL). An integer literal in {@code GROUP BY}, which {@code DEFAULT} reads as
 * grouping by a constant (one group), now names a select item: such queries return the same rows
 * or, when that item is an aggregate or the ordinal is out of range, fail with a validation error.
 * Both rules belong to the validator only; the parser keeps {@code DEFAULT}.
 */
final class GatewayConformance extends SqlDelegatingConformance {
  static final GatewayConformance INSTANCE = new GatewayConformance();

  private GatewayConformance() {
    super(SqlConformanceEnum.DEFAULT);
  }

  @Override
  public boolean isGroupByOrdinal() {
    return true;
  }

  @Override
  public boolean isGroupByAlias() {
    return true;
  }
}
