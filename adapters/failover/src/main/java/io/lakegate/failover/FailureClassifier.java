package io.lakegate.failover;

import com.clickhouse.client.api.ClientException;
import com.clickhouse.client.api.ConnectionInitiationException;
import com.clickhouse.client.api.DataTransferException;
import com.clickhouse.client.api.ServerException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Decides from an exception chain whether a ClickHouse statement failed because ClickHouse is
 * unavailable (fail over), because ClickHouse rejected the statement (the caller's error), or for
 * another reason. It reads clickhouse-jdbc 0.11's own types, seen against the real engine:
 *
 * <ul>
 *   <li>refused port, killed server: {@code ConnectionInitiationException} caused by
 *       {@code HttpHostConnectException} (a {@link ConnectException}) "Connection refused";
 *   <li>a pooled connection whose server died: {@code ConnectionInitiationException} caused by
 *       {@link NoHttpResponseException} "failed to respond" (unconfirmed: a stale socket says the same);
 *   <li>hung server: {@code DataTransferException} caused by {@link SocketTimeoutException} "Read timed
 *       out"; a connection aborted by the breaker: the same with {@link SocketException} "Socket closed";
 *   <li>HTTP 502/503 from a proxy or a dying server: the driver throws a {@link ConnectException}
 *       "Server returned '503 Service Unavailable'"; 500 without a ClickHouse error code:
 *       {@code ServerException} with code 0; other 5xx: {@code ClientException} "Unexpected result status 504";
 *   <li>ClickHouse's own errors: {@code ServerException} with ClickHouse's code (62 syntax, 60 unknown
 *       table, 6 cannot parse, 159 timeout, ...), the JDBC {@code SQLException} carries the same code.
 * </ul>
 */
public final class FailureClassifier {
  /**
   * ClickHouse error codes that say the server, not the statement, is in trouble:
   * TOO_MANY_SIMULTANEOUS_QUERIES, NO_FREE_CONNECTION, SOCKET_TIMEOUT, NETWORK_ERROR, SYSTEM_ERROR.
   * Deliberately absent: 159 TIMEOUT_EXCEEDED and 241 MEMORY_LIMIT_EXCEEDED (the statement is too
   * expensive; the lake would not do better within the same limits).
   */
  static final Set<Integer> UNAVAILABLE_CODES = Set.of(202, 203, 209, 210, 425);
  private static final Pattern UNEXPECTED_STATUS = Pattern.compile("Unexpected result status (\\d{3})");
  private static final Pattern PROXY_STATUS = Pattern.compile("'(50[23])[^']*'");
  private static final int MAX_DEPTH = 32;

  private FailureClassifier() {
  }

  /** The verdict on {@code failure}, a ClickHouse statement's exception with all its causes. */
  public static Failure classify(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Failure transport = null;
    Failure wrapper = null;
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH && seen.add(t); t = t.getCause(), depth++) {
      if (t instanceof ClickHouseBusyException) {
        // The gateway's own pool is exhausted; ClickHouse may be perfectly healthy.
        return Failure.other("no free ClickHouse connection in the gateway's pool");
      }
      if (t instanceof ServerException server) {
        // ClickHouse's own answer decides, whatever the wrappers above it say.
        return server(server);
      }
      if (transport == null) {
        transport = transport(t);
      }
      if (wrapper == null) {
        wrapper = driverWrapper(t);
      }
    }
    if (transport != null) {
      return transport;
    }
    // The driver's own wrapper says "transport", but its cause is none of the kinds above.
    return wrapper != null ? wrapper : Failure.other(String.valueOf(failure.getMessage()));
  }

  private static Failure server(ServerException e) {
    int code = e.getCode();
    int status = e.getTransportProtocolCode();
    if (code == ServerException.CODE_UNKNOWN) {
      return status >= 500
          ? Failure.unavailable("HTTP " + status + " without a ClickHouse error", true)
          : Failure.other("HTTP " + status + " without a ClickHouse error");
    }
    if (UNAVAILABLE_CODES.contains(code)) {
      return Failure.unavailable("ClickHouse error " + code, false);
    }
    return Failure.queryError("ClickHouse error " + code);
  }

  /** The verdict of one link of the chain about the transport, or null when it says nothing. */
  private static Failure transport(Throwable t) {
    if (t instanceof NoClickHouseConnectionException) {
      return Failure.unavailable("no ClickHouse connection: " + rootMessage(t), false);
    }
    if (t instanceof UnknownHostException) {
      return Failure.unavailable("unknown host " + t.getMessage(), true);
    }
    if (t instanceof NoRouteToHostException) {
      return Failure.unavailable("no route to host", true);
    }
    if (t instanceof ConnectTimeoutException) {
      return Failure.unavailable("connect timeout", true);
    }
    if (t instanceof ConnectException) {
      return Failure.unavailable(connectReason(t.getMessage()), true);
    }
    if (t instanceof SocketTimeoutException) {
      String message = lower(t.getMessage());
      return message.contains("connect")
          ? Failure.unavailable("connect timeout", true)
          : Failure.unavailable("no answer within the socket timeout", false);
    }
    if (t instanceof NoHttpResponseException || t instanceof ConnectionClosedException) {
      return Failure.unavailable("connection closed without a response", false);
    }
    if (t instanceof SocketException) {
      return Failure.unavailable("connection lost (" + lower(t.getMessage()) + ")", false);
    }
    if (t instanceof ClientException) {
      Matcher status = UNEXPECTED_STATUS.matcher(String.valueOf(t.getMessage()));
      if (status.find() && status.group(1).startsWith("5")) {
        return Failure.unavailable("HTTP " + status.group(1), true);
      }
    }
    return null;
  }

  /** The verdict of clickhouse-jdbc's transport wrappers, used when their cause is no known kind. */
  private static Failure driverWrapper(Throwable t) {
    if (t instanceof ConnectionInitiationException) {
      return Failure.unavailable("cannot connect (" + t.getMessage() + ")", true);
    }
    if (t instanceof DataTransferException && t.getCause() instanceof IOException) {
      return Failure.unavailable("transfer failed (" + t.getCause().getMessage() + ")", false);
    }
    return null;
  }

  private static String connectReason(String message) {
    String text = String.valueOf(message);
    Matcher proxy = PROXY_STATUS.matcher(text);
    if (proxy.find()) {
      return "HTTP " + proxy.group(1);
    }
    return lower(text).contains("refused") ? "connection refused" : "cannot connect (" + text + ")";
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < MAX_DEPTH; depth++) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private static String lower(String message) {
    return String.valueOf(message).toLowerCase(Locale.ROOT);
  }
}
