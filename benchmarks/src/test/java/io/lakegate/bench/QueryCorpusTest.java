package io.lakegate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class QueryCorpusTest {
  @Test void theProjectCorpusCoversEveryKindTheIssueAsksFor() {
    List<BenchQuery> corpus = QueryCorpus.load();
    assertTrue(corpus.size() >= 12 && corpus.size() <= 20, "12-20 queries, got " + corpus.size());
    Set<String> kinds = corpus.stream().map(BenchQuery::kind).collect(Collectors.toSet());
    assertEquals(Set.of("selective", "scan", "group-by", "percentile", "join", "top-n"), kinds);
    assertTrue(corpus.stream().anyMatch(q -> q.sql().contains("commission_history") && q.kind().equals("join")));
    assertTrue(corpus.stream().anyMatch(BenchQuery::mixed));
    assertTrue(corpus.stream().filter(q -> q.kind().equals("selective")).allMatch(q -> q.partitions() > 0),
        "every selective query says how many partitions it needs");
    corpus.forEach(q -> assertFalse(q.sql().endsWith(";"), q.name()));
  }

  @Test void parsesHeadersStatementsAndADuckDbVariant() {
    List<BenchQuery> queries = QueryCorpus.parse("""
        -- file comment, ignored
        -- name: a
        -- kind: selective
        -- mixed
        -- partitions: 3
        select 1
          from t;

        -- name: b
        -- kind: top-n
        select x from t fetch first 1 rows only;
        -- duckdb:
        select x from t limit 1;
        """);
    assertEquals(2, queries.size());
    BenchQuery a = queries.get(0);
    assertEquals("a", a.name());
    assertTrue(a.mixed());
    assertEquals(3, a.partitions());
    assertEquals("select 1\n  from t", a.sql());
    assertEquals(a.sql(), a.duckDbSql());
    BenchQuery b = queries.get(1);
    assertFalse(b.mixed());
    assertEquals(-1, b.partitions());
    assertEquals("select x from t fetch first 1 rows only", b.sql());
    assertEquals("select x from t limit 1", b.duckDbSql());
  }

  @Test void aBlockWithoutKindOrStatementOrADuplicateNameIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> QueryCorpus.parse("-- name: a\nselect 1;\n"));
    assertThrows(IllegalArgumentException.class, () -> QueryCorpus.parse("-- name: a\n-- kind: scan\n"));
    assertThrows(IllegalArgumentException.class,
        () -> QueryCorpus.parse("-- name: a\n-- kind: scan\nselect 1;\n-- name: a\n-- kind: scan\nselect 2;\n"));
  }

  @Test void selectsByNameAndRejectsAnUnknownOne() {
    List<BenchQuery> corpus = QueryCorpus.load();
    assertEquals(corpus, QueryCorpus.select(corpus, Set.of()));
    assertEquals(List.of("win_rate_by_network"),
        QueryCorpus.select(corpus, Set.of("win_rate_by_network")).stream().map(BenchQuery::name).toList());
    assertThrows(IllegalArgumentException.class, () -> QueryCorpus.select(corpus, Set.of("nope")));
  }
}
