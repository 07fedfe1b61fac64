package io.lakegate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link ClickHouseGateway} for the whole run, over the lake of the {@link SharedGateway}
 * (so both backends read the very same files), with model.json's own probe timing, and hands it and
 * that lake to test classes as parameters. This class starts it on the ClickHouse test engine;
 * {@link OnServer} on a real {@code clickhouse-server:24.8} where Docker exists. Suites that kill or
 * pause ClickHouse start a gateway of their own instead.
 */
class SharedClickHouseGateway implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ClickHouseGateway.class || type == LakegateFixture.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LakegateFixture lake = SharedGateway.fixture(context);
    if (parameter.getParameter().getType() == LakegateFixture.class) {
      return lake;
    }
    return context.getRoot().getStore(ExtensionContext.Namespace.create(getClass()))
        .getOrComputeIfAbsent("clickhouse-gateway", key -> new Resource(start(lake)), Resource.class).gateway;
  }

  ClickHouseGateway start(LakegateFixture lake) {
    try {
      return ClickHouseGateway.onTestEngine(lake, ClickHouseGateway.Timing.PROJECT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same, with ClickHouse played by {@code clickhouse/clickhouse-server:24.8} through Testcontainers. */
  static final class OnServer extends SharedClickHouseGateway {
    @Override
    ClickHouseGateway start(LakegateFixture lake) {
      ClickHouseServerContainer server = ClickHouseServerContainer.start(lake.lakeDir());
      try {
        return ClickHouseGateway.on(lake, server, ClickHouseGateway.Timing.PROJECT);
      } catch (IOException e) {
        server.close();
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }
  }

  /** The gateway and its ClickHouse as a resource JUnit closes at the end of the run. */
  private record Resource(ClickHouseGateway gateway) implements ExtensionContext.Store.CloseableResource,
      AutoCloseable {
    @Override
    public void close() throws IOException {
      gateway.close();
    }
  }
}
