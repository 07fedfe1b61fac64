package io.lakegate.server;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Captures the lines of the {@code lakegate.query} logger (or another one) while open. */
final class QueryLogCapture implements AutoCloseable {
  private final StringWriter out = new StringWriter();
  private final WriterAppender appender;
  private final LoggerConfig logger;

  QueryLogCapture() {
    this(QueryLog.LOGGER_NAME);
  }

  /** Captures {@code loggerName} (a class name for a class's logger), which must log at INFO or finer. */
  QueryLogCapture(String loggerName) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    appender = WriterAppender.newBuilder()
        .setName("query-log-capture-" + UUID.randomUUID())
        .setTarget(out)
        .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
        .build();
    appender.start();
    logger = context.getConfiguration().getLoggerConfig(loggerName);
    logger.addAppender(appender, Level.INFO, null);
    context.updateLoggers();
  }

  List<String> lines() {
    synchronized (out) {
      String text = out.toString();
      return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
  }

  @Override
  public void close() {
    logger.removeAppender(appender.getName());
    appender.stop();
    ((LoggerContext) LogManager.getContext(false)).updateLoggers();
  }
}
