package io.lakegate.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link LakegateFixture} for the whole test run (generating the lake once) and closes
 * it when JUnit closes its root store; test classes receive it as a parameter.
 */
final class SharedGateway implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LakegateFixture.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return fixture(context);
  }

  /** The run's one lake gateway, started on first use; other fixtures build on its lake. */
  static LakegateFixture fixture(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedGateway.class))
        .getOrComputeIfAbsent("gateway", key -> new Resource(), Resource.class).fixture;
  }

  /** The fixture as a resource JUnit closes at the end of the run. */
  private static final class Resource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final LakegateFixture fixture;

    Resource() {
      try {
        fixture = LakegateFixture.start();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      fixture.close();
    }
  }
}
