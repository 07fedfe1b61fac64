package io.lakegate.e2e;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analyst corpus on both backends with ClickHouse played by a real
 * {@code clickhouse/clickhouse-server:24.8} (Testcontainers, the project's ddl and read-only user);
 * skipped, saying so, on hosts without a Docker engine.
 */
@ClickHouseServerContainer.RequiresDocker
@ExtendWith(SharedClickHouseGateway.OnServer.class)
class AnalystCorpusClickHouseServerIT extends AnalystCorpusBackendsSuite {
  private final ClickHouseGateway clickhouse;
  private final LakegateFixture lake;

  AnalystCorpusClickHouseServerIT(ClickHouseGateway clickhouse, LakegateFixture lake) {
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
