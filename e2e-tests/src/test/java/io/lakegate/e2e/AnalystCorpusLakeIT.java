package io.lakegate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus query runs on the lake path through the thin driver and returns rows, the same in
 * both serializations. (Row-for-row equality with ClickHouse is the pushdown suite's job.)
 */
@ExtendWith(SharedGateway.class)
class AnalystCorpusLakeIT {

  static Stream<AnalystCorpus.Query> corpus() {
    return AnalystCorpus.queries().stream();
  }

  @Test void corpusHasAtLeastFortyDistinctQueries() {
    List<AnalystCorpus.Query> queries = AnalystCorpus.queries();
    assertTrue(queries.size() >= 40, "corpus size " + queries.size());
    assertEquals(queries.size(), new HashSet<>(queries.stream().map(AnalystCorpus.Query::name).toList()).size(),
        "names are unique");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void runsAndAgreesAcrossSerializations(AnalystCorpus.Query query, LakegateFixture gateway) throws SQLException {
    List<List<Object>> protobuf;
    List<List<Object>> json;
    try (Connection c = gateway.connect("protobuf")) {
      protobuf = Sql.rows(c, query.sql());
    }
    try (Connection c = gateway.connect("json")) {
      json = Sql.rows(c, query.sql());
    }
    assertFalse(protobuf.isEmpty(), query.name() + " returns rows on the sample lake");
    assertEquals(String.valueOf(protobuf), String.valueOf(json), query.name());
  }
}
