package io.lakegate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link ClickHouseGateway} on the test engine for the whole run, over the lake of the
 * {@link SharedGateway} (so both backends read the very same files), with model.json's own probe
 * timing. Suites that kill or pause the engine start a gateway of their own instead.
 */
final class SharedClickHouseGateway implements ParameterResolver {
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
    return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedClickHouseGateway.class))
        .getOrComputeIfAbsent("clickhouse-gateway", key -> new Resource(lake), Resource.class).gateway;
  }

  /** The gateway and its engine as a resource JUnit closes at the end of the run. */
  private static final class Resource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final ClickHouseGateway gateway;

    Resource(LakegateFixture lake) {
      try {
        gateway = ClickHouseGateway.onTestEngine(lake, ClickHouseGateway.Timing.PROJECT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      gateway.close();
    }
  }
}
