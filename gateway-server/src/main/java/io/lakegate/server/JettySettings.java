package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;

/**
 * What the gateway changes in the Jetty server Avatica's {@code HttpServer} builds: the bind
 * address (Avatica binds every interface), and graceful stop — a {@link StatisticsHandler}
 * around all handlers lets {@code stop()} close the listener first and then wait, up to the grace
 * period, for requests already running.
 */
final class JettySettings implements ServerCustomizer<Server> {
  private final String host;
  private final Duration stopGrace;

  JettySettings(String host, Duration stopGrace) {
    this.host = requireNonNull(host, "host");
    this.stopGrace = requireNonNull(stopGrace, "stopGrace");
  }

  @Override
  public void customize(Server server) {
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        serverConnector.setHost(host);
      }
    }
    StatisticsHandler inFlight = new StatisticsHandler();
    inFlight.setHandler(server.getHandler());
    server.setHandler(inFlight);
    server.setStopTimeout(stopGrace.toMillis());
  }
}
