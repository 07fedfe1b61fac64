package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** JSON and Protobuf share the gateway's one port and give the same typed rows. */
@ExtendWith(SharedGateway.class)
class SerializationIT {
  private static final String SQL = "select partner_id, network, effective_from, effective_to, commission_rate,"
      + " flat_fee, tier, changed_at, changed_by from commission_history where partner_id in (1, 2, 3)"
      + " order by partner_id, network, effective_from";

  @ParameterizedTest
  @ValueSource(strings = {"json", "protobuf"})
  void sameRowsInEverySerialization(String serialization, LakegateFixture gateway) throws SQLException {
    List<String> expected = gateway.lake().commissionHistory()
        .filter(r -> r.partnerId() <= 3)
        .sorted(java.util.Comparator.comparing((io.lakegate.generator.CommissionHistoryRow r) -> r.partnerId())
            .thenComparing(r -> r.network()).thenComparing(r -> r.effectiveFrom()))
        .map(r -> r.partnerId() + "|" + r.network() + "|" + r.effectiveFrom() + "|" + r.effectiveTo() + "|"
            + r.commissionRate().stripTrailingZeros() + "|" + (r.flatFee() == null ? null : r.flatFee().stripTrailingZeros())
            + "|" + r.tier() + "|" + r.changedAt() + "|" + r.changedBy())
        .toList();
    try (Connection c = gateway.connect(serialization)) {
      List<String> actual = Sql.rows(c, SQL).stream().map(r -> ((Number) r.get(0)).intValue() + "|" + r.get(1) + "|"
          + toDate(r.get(2)) + "|" + toDate(r.get(3)) + "|" + Sql.decimal(r.get(4)) + "|" + Sql.decimal(r.get(5)) + "|"
          + r.get(6) + "|" + ((java.sql.Timestamp) r.get(7)).toInstant() + "|" + r.get(8)).toList();
      assertEquals(expected, actual);
    }
  }

  private static Object toDate(Object value) {
    return value == null ? null : ((java.sql.Date) value).toLocalDate();
  }
}
