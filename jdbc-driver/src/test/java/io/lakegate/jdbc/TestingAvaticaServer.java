package io.lakegate.jdbc;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * A real Avatica server for one serialization, over a Calcite connection to
 * {@link SampleSchemaFactory}'s {@code analytics} schema with the gateway's {@code lex=MYSQL_ANSI};
 * bound to 127.0.0.1 on a free port. Like the gateway, it reports a failed query with a real
 * SQLSTATE ({@value #QUERY_FAILED_STATE}) instead of Avatica's default "00000", and a failed
 * fetch of a later frame with the gateway's "result broken off" SQLSTATE
 * ({@value #FETCH_FAILED_STATE}).
 */
final class TestingAvaticaServer implements AutoCloseable {
  private static final String MODEL = "inline:{version:'1.0',defaultSchema:'analytics',"
      + "schemas:[{name:'analytics',type:'custom',factory:'"
      + SampleSchemaFactory.class.getName() + "'}]}";

  static final String QUERY_FAILED_STATE = "42000";
  static final int QUERY_FAILED_CODE = 1001;
  static final String FETCH_FAILED_STATE = "08006";
  static final int FETCH_FAILED_CODE = 1002;

  /** Reports a query's failure as the gateway does: its root cause, a SQLSTATE, no trace. */
  private static final class SqlStateService extends LocalService {
    SqlStateService(Meta meta) {
      super(meta);
    }

    @Override public ExecuteResponse apply(PrepareAndExecuteRequest request) {
      try {
        return super.apply(request);
      } catch (RuntimeException e) {
        throw failure(e, QUERY_FAILED_CODE, QUERY_FAILED_STATE);
      }
    }

    @Override public FetchResponse apply(FetchRequest request) {
      try {
        return super.apply(request);
      } catch (RuntimeException e) {
        throw failure(e, FETCH_FAILED_CODE, FETCH_FAILED_STATE);
      }
    }

    private static AvaticaRuntimeException failure(RuntimeException e, int code, String state) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return new AvaticaRuntimeException(String.valueOf(root.getMessage()), code, state,
          AvaticaSeverity.ERROR);
    }
  }

  private final Serialization serialization;
  private final HttpServer server;
  private boolean stopped;

  TestingAvaticaServer(Serialization serialization) throws SQLException {
    this.serialization = requireNonNull(serialization, "serialization");
    Properties calcite = new Properties();
    calcite.setProperty("model", MODEL);
    calcite.setProperty("lex", "MYSQL_ANSI");
    calcite.setProperty("timeZone", "UTC");
    LocalService service = new SqlStateService(new JdbcMeta("jdbc:calcite:", calcite));
    ServerCustomizer<Server> loopbackOnly = jetty -> {
      for (Connector connector : jetty.getConnectors()) {
        ((ServerConnector) connector).setHost("127.0.0.1");
      }
    };
    this.server = new HttpServer.Builder<Server>()
        .withHandler(service, serialization)
        .withPort(0)
        .withServerCustomizers(List.of(loopbackOnly), Server.class)
        .build();
    server.start();
  }

  Serialization serialization() {
    return serialization;
  }

  /** The gateway address, as written after {@code url=}. */
  String address() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** A lakegate URL for this server; {@code extra} is appended as {@code ;extra} when not empty. */
  String lakegateUrl(String extra) {
    String serializationName = serialization.name().toLowerCase(java.util.Locale.ROOT);
    String url = "jdbc:lakegate:url=" + address() + ";serialization=" + serializationName;
    return extra.isEmpty() ? url : url + ";" + extra;
  }

  /** Stops the server; a second call does nothing (a test may stop it half way). */
  @Override public void close() {
    if (!stopped) {
      stopped = true;
      server.stop();
    }
  }
}
