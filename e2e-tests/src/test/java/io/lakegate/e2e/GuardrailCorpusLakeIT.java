package io.lakegate.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.extension.ExtendWith;

/** The guardrail corpus against the gateway on the lake path (the shared test gateway). */
@ExtendWith(SharedGateway.class)
class GuardrailCorpusLakeIT extends GuardrailCorpusSuite {
  private final LakegateFixture gateway;
  private final ThinDriver driver = ThinDriver.load();

  GuardrailCorpusLakeIT(LakegateFixture gateway) {
    this.gateway = gateway;
  }

  @Override
  protected int port() {
    return gateway.port();
  }

  @Override
  protected Connection connect(Properties properties) throws SQLException {
    Connection connection = driver.driver().connect("jdbc:lakegate:url=http://127.0.0.1:" + gateway.port(), properties);
    if (connection == null) {
      throw new SQLException("the thin driver did not accept the gateway's URL");
    }
    return connection;
  }
}
