package io.lakegate.server;

import io.lakegate.catalog.ModelException;
import io.lakegate.clickhouse.ClickHouseSchemaException;
import io.lakegate.generator.GenerateCommand;
import io.lakegate.lake.LakeSchemaException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code lakegate} command: {@code serve} (the default) runs the gateway until the process is
 * stopped, {@code generate} writes a sample lake. Exit codes: 0 done, 1 could not start or run,
 * 2 wrong command line.
 */
public final class LakegateMain {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  private LakegateMain() {
  }

  /** The subcommands; {@code serve} is also what a bare option list means. */
  enum Command {
    SERVE, GENERATE, HELP, VERSION, UNKNOWN;

    static Command of(List<String> args) {
      String first = args.isEmpty() ? "serve" : args.get(0);
      switch (first) {
        case "serve":
          return SERVE;
        case "generate":
          return GENERATE;
        case "--help":
        case "-h":
        case "help":
          return HELP;
        case "--version":
          return VERSION;
        default:
          return first.startsWith("-") ? SERVE : UNKNOWN;
      }
    }
  }

  public static void main(String[] args) {
    // Before anything reads the default zone: the lake stores UTC instants and every path agrees on UTC.
    TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    // The console is this command's user interface (help, one-line usage errors); everything else is logged.
    int code = run(args, System.out, System.err);
    if (code != EXIT_OK || Command.of(Arrays.asList(args)) != Command.SERVE) {
      System.exit(code);
    }
    // A gateway that served until it was stopped: the shutdown hook has run and the JVM is exiting.
  }

  /**
   * Runs one command.
   *
   * @param out where help and the version go
   * @param err where a wrong command line is reported (one line)
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> arguments = Arrays.asList(args);
    Command command = Command.of(arguments);
    List<String> rest = arguments.isEmpty() || arguments.get(0).startsWith("-")
        ? arguments
        : arguments.subList(1, arguments.size());
    switch (command) {
      case HELP:
        out.print(help());
        return EXIT_OK;
      case VERSION:
        out.println("lakegate " + Version.current());
        return EXIT_OK;
      case GENERATE:
        return GenerateCommand.run(rest.toArray(String[]::new));
      case SERVE:
        return serve(rest, err);
      default:
        err.println("lakegate: unknown command '" + arguments.get(0)
            + "'; commands: serve, generate (see lakegate --help)");
        return EXIT_USAGE;
    }
  }

  private static int serve(List<String> options, PrintStream err) {
    ServerConfig config;
    try {
      config = ServerConfig.parse(options, System.getenv());
    } catch (UsageException e) {
      err.println("lakegate: " + e.getMessage());
      return EXIT_USAGE;
    }
    if (!Files.isRegularFile(config.model())) {
      err.println("lakegate: model file " + config.model() + " does not exist; pass --model PATH or set "
          + ServeOption.MODEL.envVar);
      return EXIT_USAGE;
    }
    Logger log = LoggerFactory.getLogger(LakegateMain.class);
    GatewayServer server;
    try {
      server = new GatewayServer(config);
      server.start();
    } catch (ModelException | LakeSchemaException | ClickHouseSchemaException | IllegalStateException
        | UncheckedIOException e) {
      log.error("lakegate cannot start: {}", e.getMessage());
      return EXIT_FAILED;
    } catch (RuntimeException e) {
      log.error("lakegate cannot start: unexpected failure", e);
      return EXIT_FAILED;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "lakegate-shutdown"));
    try {
      server.awaitTermination();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return EXIT_OK;
  }

  static String help() {
    return "lakegate " + Version.current() + " - SQL gateway for analytics agents over the parquet lake\n"
        + "\n"
        + "Usage:\n"
        + "  lakegate [serve] [options]   serve the model over Avatica (the default command)\n"
        + "  lakegate generate ...        write a sample lake: --out DIR [--rows N] [--seed S] [--force]\n"
        + "  lakegate --help | --version\n"
        + "\n"
        + "Options of serve (an option on the command line wins over its environment variable):\n"
        + ServerConfig.optionsHelp()
        + "\n"
        + "Clients: the thin driver jdbc:lakegate:url=http://HOST:PORT (Protobuf or JSON), or Avatica JSON\n"
        + "requests POSTed to http://HOST:PORT/ (curl, agents). Both serializations share the one port.\n"
        + "The time zone is always UTC.\n";
  }
}
