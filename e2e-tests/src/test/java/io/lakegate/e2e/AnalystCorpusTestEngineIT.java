package io.lakegate.e2e;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analyst corpus on both backends, with ClickHouse played by the ClickHouse test engine (the
 * real ClickHouse 26.5 engine behind its HTTP interface, serving the project's {@code ddl/nfs} over
 * the shared lake's files).
 */
@ExtendWith(SharedClickHouseGateway.class)
class AnalystCorpusTestEngineIT extends AnalystCorpusBackendsSuite {
  private final ClickHouseGateway clickhouse;
  private final LakegateFixture lake;

  AnalystCorpusTestEngineIT(ClickHouseGateway clickhouse, LakegateFixture lake) {
    this.clickhouse = clickhouse;
    this.lake = lake;
  }

  @Override
  protected ClickHouseGateway clickhouse() {
    return clickhouse;
  }

  @Override
  protected LakegateFixture lake() {
    return lake;
  }
}
