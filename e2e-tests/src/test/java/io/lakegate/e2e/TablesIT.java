package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lakegate.generator.QuoteOutcomeRow;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whole tables and single rows through the thin driver: counts, every type, NULLs, decimals. */
@ExtendWith(SharedGateway.class)
class TablesIT {

  @Test void countsMatchTheGeneratorsRows(LakegateFixture gateway) throws SQLException {
    try (Connection c = gateway.connect()) {
      assertEquals(gateway.lake().partnerMetrics().count(), Sql.single(c, "select count(*) from partner_metrics"));
      assertEquals(gateway.lake().quoteOutcomes().count(), Sql.single(c, "select count(*) from quote_outcomes"));
      assertEquals(gateway.lake().commissionHistory().count(),
          Sql.single(c, "select count(*) from commission_history"));
    }
  }

  @Test void wonQuoteReadsBackWithEveryColumnTyped(LakegateFixture gateway) throws SQLException {
    QuoteOutcomeRow won = gateway.lake().quoteOutcomes(LocalDate.of(2025, 6, 1))
        .filter(q -> q.outcome().equals("won") && q.customerId() != null && q.riskScore() != null)
        .findFirst().orElseThrow();
    assertQuoteReadsBack(gateway, won);
  }

  @Test void expiredQuoteReadsBackWithItsNulls(LakegateFixture gateway) throws SQLException {
    QuoteOutcomeRow expired = gateway.lake().quoteOutcomes(LocalDate.of(2026, 2, 28))
        .filter(q -> q.outcome().equals("expired")).findFirst().orElseThrow();
    assertNull(expired.finalPremium());
    assertQuoteReadsBack(gateway, expired);
  }

  private static void assertQuoteReadsBack(LakegateFixture gateway, QuoteOutcomeRow q) throws SQLException {
    try (Connection c = gateway.connect();
        PreparedStatement ps = c.prepareStatement(
            "select \"date\", quote_id, partner_id, network, product, outcome, quoted_at, decided_at,"
                + " list_premium, final_premium, giveaway, risk_score, customer_id, is_renewal, response_ms"
                + " from quote_outcomes where \"date\" = ? and quote_id = ?")) {
      ps.setDate(1, java.sql.Date.valueOf(q.date()));
      ps.setLong(2, q.quoteId());
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(true, rs.next(), "quote " + q.quoteId() + " not found");
        assertEquals(q.date(), rs.getDate(1).toLocalDate());
        assertEquals(q.quoteId(), rs.getLong(2));
        assertEquals(q.partnerId(), rs.getInt(3));
        assertEquals(q.network(), rs.getString(4));
        assertEquals(q.product(), rs.getString(5));
        assertEquals(q.outcome(), rs.getString(6));
        assertEquals(q.quotedAt(), rs.getTimestamp(7).toInstant());
        assertEquals(q.decidedAt(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
        assertEquals(q.listPremium(), rs.getBigDecimal(9));
        assertEquals(q.finalPremium(), rs.getBigDecimal(10));
        assertEquals(q.giveaway(), rs.getBigDecimal(11));
        assertEquals(q.riskScore(), rs.getObject(12) == null ? null : rs.getDouble(12));
        assertEquals(q.customerId(), rs.getString(13));
        assertEquals(q.isRenewal(), rs.getBoolean(14));
        assertEquals(q.responseMs(), rs.getInt(15));
        assertEquals(false, rs.next());
      }
    }
  }

  @Test void decimalSumsAreExact(LakegateFixture gateway) throws SQLException {
    BigDecimal expected = gateway.lake().partnerMetrics().map(r -> r.giveaway()).reduce(BigDecimal.ZERO, BigDecimal::add);
    try (Connection c = gateway.connect()) {
      Object actual = Sql.rows(c, "select sum(giveaway) from partner_metrics").get(0).get(0);
      assertEquals(expected.stripTrailingZeros(), Sql.decimal(actual));
    }
  }

  @Test void nullsCountWhereTheDataHasThem(LakegateFixture gateway) throws SQLException {
    long nullRisk = gateway.lake().quoteOutcomes().filter(q -> q.riskScore() == null).count();
    long nullFinal = gateway.lake().quoteOutcomes().filter(q -> q.finalPremium() == null).count();
    long currentTerms = gateway.lake().commissionHistory().filter(r -> r.effectiveTo() == null).count();
    try (Connection c = gateway.connect()) {
      assertEquals(nullRisk, Sql.single(c, "select count(*) from quote_outcomes where risk_score is null"));
      assertEquals(nullFinal, Sql.single(c, "select count(*) - count(final_premium) from quote_outcomes"));
      assertEquals(currentTerms, Sql.single(c, "select count(*) from commission_history where effective_to is null"));
    }
  }
}
